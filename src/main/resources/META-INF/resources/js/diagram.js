// The diagram pane of the interview page: Mermaid text beside the chat with a live preview. Each saved version is
// a WebSocket frame {"type":"diagram"} that the server stores as a candidate turn of kind "diagram" and echoes.
// Saving happens on "Save diagram" or after a pause in typing (never per keystroke); a version not yet echoed is
// kept in localStorage and re-sent by its clientId after a reconnect, like an answer. A save refused for going too
// fast (rate_limited) pauses saving: the pane says so and saves the latest text by itself after retryAfterSeconds.
import { diagramView } from './mermaid-view.js';
import { $, uuid } from './ui.js';

const RENDER_DELAY_MS = 400;
const AUTOSAVE_DELAY_MS = 5000;
const ERRORS = new Set(['diagram_too_large', 'empty_diagram']);

export function diagramPane(interviewId, sendFrame) {
  const ui = {
    text: $('#diagram-text'), image: $('#diagram-image'), error: $('#diagram-error'), save: $('#diagram-save'),
    status: $('#diagram-status'), count: $('#diagram-count'), empty: $('#diagram-empty'),
  };
  const draftKey = `mlsd.diagram.draft.${interviewId}`;
  const pendingKey = `mlsd.diagram.pending.${interviewId}`;
  const render = diagramView(ui.image);
  let saved = null; // text of the latest version the server stored
  let versions = new Set();
  let pending = read(pendingKey);
  let renderTimer = null;
  let saveTimer = null;
  let ended = false;
  let sentAt = 0; // when the pending version was sent on the open connection and awaits its echo (0: not in flight)
  let pausedUntil = 0; // saving is paused after a rate_limited refusal until this time (Date.now() ms)
  let pauseTimer = null;

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch {
      return null;
    }
  }

  function keepPending() {
    if (pending) localStorage.setItem(pendingKey, JSON.stringify(pending));
    else localStorage.removeItem(pendingKey);
  }

  async function preview() {
    const text = ui.text.value;
    if (!text.trim()) {
      ui.error.hidden = true;
      return false;
    }
    const result = await render(text);
    ui.empty.hidden = !ui.image.hidden;
    if (result.ok) {
      ui.error.hidden = true;
    } else {
      ui.error.textContent = `${result.error}${ui.image.hidden ? '' : '\nThe last good rendering is shown.'}`;
      ui.error.hidden = false;
    }
    return result.ok;
  }

  function onInput() {
    ui.count.textContent = String(ui.text.value.length);
    if (ui.text.value) localStorage.setItem(draftKey, ui.text.value);
    else localStorage.removeItem(draftKey);
    if (!paused()) setStatus(ui.text.value === saved ? 'Saved' : 'Not saved yet');
    clearTimeout(renderTimer);
    renderTimer = setTimeout(preview, RENDER_DELAY_MS);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(async () => {
      if (await preview()) save();
    }, AUTOSAVE_DELAY_MS);
  }

  function save() {
    clearTimeout(saveTimer);
    const text = ui.text.value;
    if (ended || paused() || !text.trim() || text === saved || (text === pending?.text && sentAt)) return;
    if (text !== pending?.text) {
      pending = { clientId: uuid(), text };
      keepPending();
    }
    send();
  }

  function send() {
    sentAt = sendFrame({ type: 'diagram', ...pending }) ? Date.now() : 0;
    setStatus(sentAt ? 'Saving…' : 'Not saved yet: will save when reconnected');
  }

  function paused() {
    return pausedUntil > Date.now();
  }

  /** Counts down on the status line, then saves whatever the text is by then (the refused version or a newer one). */
  function pause(seconds) {
    sentAt = 0;
    pausedUntil = Date.now() + seconds * 1000;
    clearInterval(pauseTimer);
    const show = () => {
      const left = Math.ceil((pausedUntil - Date.now()) / 1000);
      if (left > 0) {
        setStatus(`Saving paused: too many saves in a short time. Retrying in ${left}s (your text is kept).`);
        return;
      }
      clearInterval(pauseTimer);
      pausedUntil = 0;
      if (ui.text.value === saved) setStatus('Saved');
      else save();
    };
    show();
    pauseTimer = setInterval(show, 1000);
  }

  function setStatus(text) {
    ui.status.textContent = text;
  }

  ui.text.addEventListener('input', onInput);
  ui.save.addEventListener('click', save);

  const draft = localStorage.getItem(draftKey);
  if (draft) {
    ui.text.value = draft;
    ui.count.textContent = String(draft.length);
    preview();
  }

  return {
    /** A stored version (an echo, or the replay of the transcript on connect). */
    onTurn(frame) {
      saved = frame.text;
      versions.add(frame.seq);
      if (pending?.clientId === frame.clientId) {
        pending = null;
        sentAt = 0;
        keepPending();
      }
      if (!ui.text.value) {
        ui.text.value = frame.text;
        ui.count.textContent = String(frame.text.length);
        preview();
      }
      if (paused()) return; // the countdown keeps the status line until it saves
      const time = new Date(frame.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      setStatus(ui.text.value === saved ? `Saved · version ${versions.size} at ${time}` : 'Not saved yet');
    },
    /** After (re)connecting: a version sent but never echoed is sent again under the same clientId. */
    resend() {
      sentAt = 0;
      if (pending && !ended && !paused()) send();
    },
    /** Whether clientId is the version sent and not yet stored (an error frame naming it is the diagram's). */
    owns(clientId) {
      return pending?.clientId === clientId;
    },
    /** An error frame; true when it was about the diagram. */
    onError(frame) {
      if (frame.code === 'rate_limited') {
        pause(Math.max(1, Number(frame.retryAfterSeconds) || 5));
        return true;
      }
      if (!ERRORS.has(frame.code)) return false;
      pending = null;
      sentAt = 0;
      keepPending();
      setStatus(`Not saved: ${frame.message}`);
      return true;
    },
    onEnded() {
      ended = true;
      clearTimeout(saveTimer);
      clearInterval(pauseTimer);
      pausedUntil = 0;
      sentAt = 0;
      ui.text.readOnly = true;
      ui.save.disabled = true;
      localStorage.removeItem(draftKey);
      pending = null;
      keepPending();
    },
  };
}
