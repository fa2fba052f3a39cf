// Voice, opt-in and only where the browser offers it: read the interviewer's turns aloud (speechSynthesis) and
// dictate answers (SpeechRecognition). Each control stays hidden when its API is missing; the page works the same
// without them. The read-aloud choice is kept in localStorage for every interview.
import { $ } from './ui.js';

const READ_KEY = 'mlsd.voice.read';

export function voice(answerBox, onDictated) {
  const read = $('#voice-read');
  const dictate = $('#dictate');
  const synthesis = Boolean(window.speechSynthesis) && typeof window.SpeechSynthesisUtterance === 'function';
  const Recognition = window.SpeechRecognition ?? window.webkitSpeechRecognition;

  $('#voice-read-label').hidden = !synthesis;
  read.checked = synthesis && localStorage.getItem(READ_KEY) === 'on';
  read.addEventListener('change', () => {
    localStorage.setItem(READ_KEY, read.checked ? 'on' : 'off');
    if (!read.checked) window.speechSynthesis.cancel();
  });

  let recognition = null;
  dictate.hidden = typeof Recognition !== 'function';
  dictate.addEventListener('click', () => {
    if (recognition) {
      recognition.stop();
      return;
    }
    recognition = new Recognition();
    recognition.lang = document.documentElement.lang || 'en';
    recognition.continuous = true;
    recognition.interimResults = false;
    recognition.addEventListener('result', event => {
      const words = [...event.results].slice(event.resultIndex).filter(r => r.isFinal).map(r => r[0].transcript).join(' ');
      if (!words.trim()) return;
      const before = answerBox.value;
      answerBox.value = before && !/\s$/.test(before) ? `${before} ${words.trim()}` : before + words.trim();
      onDictated();
    });
    const stopped = () => {
      recognition = null;
      dictate.setAttribute('aria-pressed', 'false');
      dictate.textContent = 'Dictate';
    };
    recognition.addEventListener('end', stopped);
    recognition.addEventListener('error', stopped);
    dictate.setAttribute('aria-pressed', 'true');
    dictate.textContent = 'Stop dictating';
    recognition.start();
  });

  return {
    /** Reads an interviewer turn aloud, when the candidate switched it on. */
    speak(text) {
      if (!synthesis || !read.checked) return;
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = document.documentElement.lang || 'en';
      window.speechSynthesis.speak(utterance);
    },
  };
}
