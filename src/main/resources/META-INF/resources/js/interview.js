// The interview page: the conversation over the WebSocket, the stage bar with its countdown, and an answer box that
// loses nothing. This module handles the server's frames and the candidate's controls; the socket
// (interview-socket.js), the conversation (conversation.js), the stage bar (stage-bar.js), the answers not yet
// stored (answers.js) and the diagram pane (diagram.js) are their own modules. All text is inserted as text.
import { get } from './api.js';
import { answerQueue } from './answers.js';
import { conversationView } from './conversation.js';
import { diagramPane } from './diagram.js';
import { interviewSocket } from './interview-socket.js';
import { stageBar } from './stage-bar.js';
import { stageOf } from './stages.js';
import { $, initHeader, param, problemTitles, showError, showNotice } from './ui.js';
import { voice } from './voice.js';

const id = param('id');
const draftKey = `mlsd.draft.${id}`;
let waitingNotice = null; // the clientId of the rate-limited answer the notice box speaks of
const ANSWER_ERRORS = new Set(['empty_answer', 'answer_too_long', 'invalid_answer', 'invalid_client_id', 'frame_too_large']);

const ui = {
  conversation: $('#conversation'), answer: $('#answer'), send: $('#send'), advance: $('#advance'), end: $('#end'),
  hint: $('#hint'), conn: $('#conn'), retry: $('#retry'), error: $('#error'), notice: $('#notice'), clock: $('#clock'),
  clockNote: $('#clock-note'),
  stageLabel: $('#stage-label'), stagebar: $('#stagebar'), count: $('#count'), ended: $('#ended'),
};

const turns = new Map(); // seq -> turn frame
const streaming = new Map(); // seq -> text received so far in delta frames
let ended = false;
let coaching = false; // coach mode: the Hint button asks the interviewer for a graduated hint
let drill = null; // a stage drill: the one stage it practises (the stage bar shows only it)
let openedAt = 0; // when the socket last opened: turns stored before it are replayed, not read aloud
const socket = interviewSocket(id, ui, { opened, frame: handle, closed: updateControls, ended: () => ended });
const sendFrame = frame => socket.send(frame);
const answers = answerQueue(id, sendFrame);
const diagram = diagramPane(id, sendFrame);
const bar = stageBar(ui);
const renderConversation = conversationView(ui.conversation);
const speech = voice(ui.answer, onInput);

function opened() {
  openedAt = Date.now();
  updateControls();
  answers.resendAll();
  diagram.resend();
}

// ---- frames from the server ---------------------------------------------------------------------------------

function handle(frame) {
  switch (frame.type) {
    case 'stage': bar.onStage(frame); break;
    case 'turn': onTurn(frame); break;
    case 'delta': onDelta(frame); break;
    case 'ended': onEnded(); break;
    case 'scorecard': onScorecard(frame); break;
    case 'error': onError(frame); break;
    case 'notice': showNotice(ui.notice, frame); break; // neither a turn nor an error: e.g. hints are off
    default: break; // a newer server may send frames this page does not know yet
  }
}

function onTurn(frame) {
  if (frame.kind === 'diagram') {
    diagram.onTurn(frame); // a diagram version lives in the pane, not in the conversation
    return;
  }
  if (frame.role === 'interviewer' && !turns.has(frame.seq) && Date.parse(frame.at) >= openedAt - 5000) {
    speech.speak(frame.text);
  }
  turns.set(frame.seq, frame);
  // A diagram saved while the interviewer spoke moves its turn one place on: drop the bubble streamed before it.
  for (const seq of streaming.keys()) if (seq <= frame.seq) streaming.delete(seq);
  if (frame.clientId) {
    answers.acknowledge(frame.clientId);
    if (frame.clientId === waitingNotice) { // the answer the notice was about is stored: the notice has served
      ui.notice.hidden = true;
      waitingNotice = null;
    }
  }
  render();
}

function onDelta(frame) {
  if (turns.has(frame.seq)) return; // the whole turn is already here
  streaming.set(frame.seq, (streaming.get(frame.seq) ?? '') + frame.text);
  render();
}

function onEnded() {
  ended = true;
  diagram.onEnded();
  // Every stored turn has been replayed by now: an answer still waiting can no longer be taken. Say so, once.
  answers.end();
  localStorage.removeItem(draftKey);
  updateControls();
  ui.ended.hidden = false;
  $('#scorecard-link').href = `/scorecard.html?id=${encodeURIComponent(id)}`;
  $('#replay-link').href = `/replay.html?id=${encodeURIComponent(id)}`;
  bar.onEnded();
}

function onScorecard() {
  $('#scorecard-status').textContent = 'Your scorecard is ready.';
}

function onError(frame) {
  if (frame.code === 'interview_ended') {
    onEnded();
  }
  // An error about one of the candidate's frames names its clientId: the diagram version or the answer it refused.
  if (frame.clientId && diagram.owns(frame.clientId) && diagram.onError(frame)) {
    return; // the pane says what happened (and, when rate-limited, saves again by itself)
  }
  if (frame.clientId && answers.has(frame.clientId)) {
    if (frame.code === 'rate_limited') {
      // Nothing was stored: the answer stays pending and goes again, under the same clientId, when allowed.
      const seconds = Math.max(1, Number(frame.retryAfterSeconds) || 5);
      answers.retryLater(frame.clientId, seconds);
      waitingNotice = frame.clientId;
      showNotice(ui.notice, { message: `Too many answers in a short time. Your answer is kept and sent again in ${seconds} s.` });
      return;
    }
    if (ANSWER_ERRORS.has(frame.code)) {
      // The answer was refused as it is: give it back to the candidate to fix, rather than drop it.
      const refused = answers.refuse(frame.clientId);
      if (!ui.answer.value.trim()) setAnswer(refused.text);
      render();
    }
  }
  showError(ui.error, frame);
}

// ---- the page -----------------------------------------------------------------------------------------------

function render() {
  renderConversation({ turns, streaming, pending: answers.pending(), unsent: answers.unsent(), open: socket.isOpen(),
    drill, stage: bar.current() });
}

function updateControls() {
  const open = socket.isOpen();
  ui.answer.disabled = ended;
  ui.send.disabled = ended;
  ui.advance.disabled = ended || !open;
  ui.hint.hidden = !coaching;
  ui.hint.disabled = ended || !open;
  ui.end.disabled = ended || !open;
  $('#composer').hidden = ended;
  render();
}

// ---- the candidate's input ----------------------------------------------------------------------------------

function setAnswer(text) {
  ui.answer.value = text;
  onInput();
}

function onInput() {
  ui.count.textContent = String(ui.answer.value.length);
  if (ui.answer.value) localStorage.setItem(draftKey, ui.answer.value);
  else localStorage.removeItem(draftKey);
}

/** What the candidate does next makes the last error and notice stale. */
function clearMessages() {
  ui.error.hidden = true;
  ui.notice.hidden = true;
}

function sendAnswer() {
  const text = ui.answer.value.trim();
  if (!text || ended) return;
  answers.add(text);
  setAnswer('');
  clearMessages();
  render();
  ui.answer.focus();
}

ui.answer.addEventListener('input', onInput);
ui.answer.addEventListener('keydown', event => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    sendAnswer();
  }
});
ui.send.addEventListener('click', sendAnswer);
ui.advance.addEventListener('click', () => {
  clearMessages();
  sendFrame({ type: 'advance' });
});
ui.hint.addEventListener('click', () => {
  clearMessages();
  sendFrame({ type: 'hint' });
});
ui.end.addEventListener('click', () => $('#end-dialog').showModal());
$('#end-cancel').addEventListener('click', () => $('#end-dialog').close());
$('#end-confirm').addEventListener('click', () => {
  $('#end-dialog').close();
  sendFrame({ type: 'end' });
});

async function main() {
  if (!id) {
    showError(ui.error, { message: 'No interview given. Start one from the home page.' });
    return;
  }
  setAnswer(localStorage.getItem(draftKey) ?? '');
  updateControls();
  const [, problems, interview] = await Promise.all([initHeader(), problemTitles(), get(`/api/interviews/${encodeURIComponent(id)}`)]);
  const title = problems.get(interview.problemId)?.title ?? interview.problemId;
  $('#problem-title').textContent = title;
  coaching = interview.mode === 'coach';
  drill = interview.drill ?? null;
  bar.setDrill(drill);
  if (drill) {
    // One step: "next stage" finishes it, and the page says it is a drill.
    $('#problem-title').textContent = `${title} · drill: ${stageOf(drill).long}`;
    ui.advance.textContent = 'Finish this step';
    ui.end.textContent = 'End drill';
    $('#end-dialog-title').textContent = 'End the drill now?';
    $('#end-confirm').textContent = 'End drill';
    $('#ended-text').textContent = 'The drill has ended.';
  }
  updateControls();
  document.title = `${drill ? `Drill: ${stageOf(drill).long} · ` : ''}${title} · MLSD mock interviewer`;
  setInterval(bar.tick, 1000);
  socket.connect();
}

main().catch(e => {
  if (e.status === 404) showError(ui.error, { message: 'There is no such interview for this account. Go back to the home page to start one.' });
  else showError(ui.error, e);
});
