// The interview page: the conversation over the WebSocket, the stage bar with its countdown, and an answer box that
// loses nothing. Answers are kept (in localStorage) until the server echoes them, re-sent by clientId after a
// reconnect, and the draft is saved as it is typed. All text is inserted as text, never as HTML.
import { get } from './api.js';
import { STAGES, stageIndex, stageOf } from './stages.js';
import { diagramPane } from './diagram.js';
import { isHint, speaker } from './turns.js';
import { $, clock, el, initHeader, param, problemTitles, showError, showNotice, uuid } from './ui.js';
import { voice } from './voice.js';

const id = param('id');
const draftKey = `mlsd.draft.${id}`;
const pendingKey = `mlsd.pending.${id}`;
const MAX_BACKOFF_MS = 30000;
const ANSWER_ERRORS = new Set(['empty_answer', 'answer_too_long', 'invalid_answer', 'invalid_client_id', 'frame_too_large']);

const ui = {
  conversation: $('#conversation'), answer: $('#answer'), send: $('#send'), advance: $('#advance'), end: $('#end'),
  hint: $('#hint'), conn: $('#conn'), retry: $('#retry'), error: $('#error'), notice: $('#notice'), clock: $('#clock'),
  clockNote: $('#clock-note'),
  stageLabel: $('#stage-label'), stagebar: $('#stagebar'), count: $('#count'), ended: $('#ended'),
};

const turns = new Map(); // seq -> turn frame
const streaming = new Map(); // seq -> text received so far in delta frames
let pending = loadPending(); // [{clientId, text}] sent or to send, not yet echoed
const answerSentAt = new Map(); // clientId -> when an answer was sent on the open connection, until its echo or refusal
let unsent = []; // answers still waiting when the interview ended: shown, never sent
let stage = null; // last stage frame, with the local time it arrived
let ended = false;
let socket = null;
let attempt = 0;
let retryTimer = null;
let everOpened = false;
let coaching = false; // coach mode: the Hint button asks the interviewer for a graduated hint
let drill = null; // a stage drill: the one stage it practises (the stage bar shows only it)
let openedAt = 0; // when the socket last opened: turns stored before it are replayed, not read aloud
const diagram = diagramPane(id, sendFrame);
const speech = voice(ui.answer, onInput);

function loadPending() {
  try {
    return JSON.parse(localStorage.getItem(pendingKey)) ?? [];
  } catch {
    return [];
  }
}

function savePending() {
  if (pending.length) localStorage.setItem(pendingKey, JSON.stringify(pending));
  else localStorage.removeItem(pendingKey);
}

// ---- connection ---------------------------------------------------------------------------------------------

function connect() {
  clearTimeout(retryTimer);
  ui.retry.hidden = true;
  setConn(everOpened ? 'reconnecting' : 'connecting', everOpened ? 'Reconnecting…' : 'Connecting…');
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${window.location.host}/ws/interviews/${encodeURIComponent(id)}`);
  socket = ws;
  ws.addEventListener('open', () => {
    everOpened = true;
    attempt = 0;
    openedAt = Date.now();
    setConn('connected', 'Connected');
    updateControls();
    // The server first replays every stored turn; an answer it already has is recognised by its clientId.
    answerSentAt.clear();
    pending.forEach(sendPendingAnswer);
    diagram.resend();
  });
  ws.addEventListener('message', event => handle(JSON.parse(event.data)));
  ws.addEventListener('close', () => {
    if (socket !== ws) return;
    socket = null;
    updateControls();
    if (ended) {
      setConn('closed', 'Interview ended');
      return;
    }
    scheduleReconnect();
  });
}

async function scheduleReconnect() {
  // A refused upgrade looks like any other failure to the browser; ask the API why before trying again.
  if (!everOpened || attempt > 0) {
    try {
      await get(`/api/interviews/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e.status === 404) {
        setConn('offline', 'Not found');
        showError(ui.error, { message: 'There is no such interview for this account. Go back to the home page to start one.' });
        return;
      }
    }
  }
  const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) + Math.floor(Math.random() * 250);
  attempt += 1;
  setConn('reconnecting', `Connection lost · retrying in ${Math.ceil(delay / 1000)}s`);
  ui.retry.hidden = false;
  retryTimer = setTimeout(connect, delay);
}

function setConn(state, text) {
  ui.conn.className = `conn ${state}`;
  ui.conn.dataset.state = state;
  ui.conn.textContent = text;
}

function sendPendingAnswer(answer) {
  if (sendFrame({ type: 'answer', clientId: answer.clientId, text: answer.text })) answerSentAt.set(answer.clientId, Date.now());
}

function sendFrame(frame) {
  if (socket?.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(frame));
    return true;
  }
  return false;
}

// ---- frames from the server ---------------------------------------------------------------------------------

function handle(frame) {
  switch (frame.type) {
    case 'stage': onStage(frame); break;
    case 'turn': onTurn(frame); break;
    case 'delta': onDelta(frame); break;
    case 'ended': onEnded(); break;
    case 'scorecard': onScorecard(frame); break;
    case 'error': onError(frame); break;
    case 'notice': showNotice(ui.notice, frame); break; // neither a turn nor an error: e.g. hints are off
    default: break; // a newer server may send frames this page does not know yet
  }
}

function onStage(frame) {
  stage = { ...frame, receivedAt: performance.now() };
  renderStageBar();
  tick();
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
    answerSentAt.delete(frame.clientId);
    const before = pending.length;
    pending = pending.filter(p => p.clientId !== frame.clientId);
    if (pending.length !== before) savePending();
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
  unsent = unsent.concat(pending);
  pending = [];
  savePending();
  localStorage.removeItem(draftKey);
  updateControls();
  ui.ended.hidden = false;
  $('#scorecard-link').href = `/scorecard.html?id=${encodeURIComponent(id)}`;
  $('#replay-link').href = `/replay.html?id=${encodeURIComponent(id)}`;
  tick();
}

function onScorecard() {
  $('#scorecard-status').textContent = 'Your scorecard is ready.';
}

function onError(frame) {
  if (frame.code === 'interview_ended') {
    onEnded();
  }
  if (frame.code === 'rate_limited' && refusedTheDiagram()) {
    diagram.onError(frame); // the pane says saving is paused and saves again by itself
    return;
  }
  if (frame.code === 'rate_limited') answerSentAt.delete(answerSentAt.keys().next().value);
  if (diagram.onError(frame)) {
    showError(ui.error, frame);
    return;
  }
  if (ANSWER_ERRORS.has(frame.code) && pending.length) {
    // The oldest unacknowledged answer was refused: give it back to the candidate to fix, rather than drop it.
    const refused = pending.shift();
    answerSentAt.delete(refused.clientId);
    savePending();
    if (!ui.answer.value.trim()) setAnswer(refused.text);
    render();
  }
  showError(ui.error, frame);
}

/**
 * A rate_limited frame does not say which frame it refuses; the server answers the frames in the order they came,
 * so it is the diagram's when the diagram version in flight was sent before every answer in flight.
 */
function refusedTheDiagram() {
  const diagramSentAt = diagram.inFlightSince();
  return diagramSentAt > 0 && [...answerSentAt.values()].every(at => diagramSentAt < at);
}

// ---- rendering ----------------------------------------------------------------------------------------------

function renderStageBar() {
  if (drill) {
    const s = stageOf(drill);
    ui.stagebar.classList.add('drill');
    ui.stagebar.replaceChildren(el('li', { class: 'current', 'aria-current': 'step', dataset: { stage: s.id } },
      el('span', { class: 'n', text: `Drill · step ${stageIndex(s.id) + 1} of 7` }), el('span', { class: 'name', text: s.long })));
    ui.stageLabel.textContent = `Drill: ${s.long} only`;
    return;
  }
  const current = stageIndex(stage?.stage);
  ui.stagebar.replaceChildren(...STAGES.map((s, i) => el('li', {
    class: i < current ? 'done' : i === current ? 'current' : '',
    'aria-current': i === current ? 'step' : null,
    dataset: { stage: s.id },
  }, el('span', { class: 'n', text: `${i + 1}` }), el('span', { class: 'name', text: s.name }))));
  ui.stageLabel.textContent = `Step ${stage.index} of 7: ${stageOf(stage.stage).long}`;
}

/** The countdown of the current stage; past its budget it turns into a gentle "over time" note. */
function tick() {
  if (!stage) return;
  if (ended) {
    ui.clock.textContent = '';
    ui.clock.className = 'clock';
    ui.clockNote.textContent = '';
    return;
  }
  const left = stage.remainingSeconds - (performance.now() - stage.receivedAt) / 1000;
  if (left >= 0) {
    ui.clock.textContent = `${clock(left)} left`;
    ui.clock.className = left <= 60 ? 'clock soon' : 'clock';
    ui.clockNote.textContent = '';
  } else {
    ui.clock.textContent = `${clock(-left)} over`;
    ui.clock.className = 'clock over';
    ui.clockNote.textContent = ui.clockNote.textContent || 'Time for this step is up; wrap up and move on when you are ready.';
  }
}

// The conversation is updated in place, node by node, so assistive technology announces only what is new and a
// half-read turn never jumps.
const nodes = new Map(); // key -> element: d<seq> stage divider, t<seq> turn, s<seq> streaming turn, p<clientId> pending

function node(key, create) {
  if (!nodes.has(key)) nodes.set(key, create());
  return nodes.get(key);
}

function render() {
  const nearBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
  const desired = [];
  let lastStage = null;
  const seqs = [...new Set([...turns.keys(), ...streaming.keys()])].sort((a, b) => a - b);
  for (const seq of seqs) {
    const turn = turns.get(seq);
    const turnStage = turn?.stage ?? stage?.stage;
    if (turnStage && turnStage !== lastStage) {
      const divider = node(`d${seq}`, () => el('li', { class: 'stage-divider', 'aria-hidden': 'true' }));
      divider.textContent = drill ? `Drill · ${stageOf(turnStage).long}` : `Step ${stageIndex(turnStage) + 1} · ${stageOf(turnStage).long}`;
      desired.push(divider);
      lastStage = turnStage;
    }
    if (turn) {
      nodes.delete(`s${seq}`);
      desired.push(node(`t${seq}`, () => turnItem(turn)));
    } else {
      const item = node(`s${seq}`, () => el('li', { class: 'turn interviewer streaming', dataset: { seq } },
        el('div', { class: 'meta' }, el('span', { text: 'Interviewer' }), el('span', { text: 'typing…' })),
        el('p', { class: 'text' })));
      item.querySelector('.text').textContent = streaming.get(seq);
      desired.push(item);
    }
  }
  const open = socket?.readyState === WebSocket.OPEN;
  const pendingKeys = new Set(pending.map(p => `p${p.clientId}`));
  for (const key of [...nodes.keys()]) {
    if (key.startsWith('p') && !pendingKeys.has(key)) nodes.delete(key);
  }
  for (const p of pending) {
    const item = node(`p${p.clientId}`, () => el('li', { class: 'turn candidate pending', dataset: { clientId: p.clientId } },
      el('div', { class: 'meta' }, el('span', { text: 'You' }), el('span', { class: 'state' })),
      el('p', { class: 'text', text: p.text })));
    item.querySelector('.state').textContent = open ? 'sending…' : 'not sent yet: will send when reconnected';
    desired.push(item);
  }
  for (const u of unsent) {
    desired.push(node(`u${u.clientId}`, () => el('li', { class: 'turn candidate pending', dataset: { clientId: u.clientId } },
      el('div', { class: 'meta' }, el('span', { text: 'You' }), el('span', { text: 'not sent: the interview had already ended' })),
      el('p', { class: 'text', text: u.text }))));
  }
  const list = ui.conversation;
  desired.forEach((item, i) => {
    if (list.children[i] !== item) list.insertBefore(item, list.children[i] ?? null);
  });
  while (list.children.length > desired.length) list.lastElementChild.remove();
  list.setAttribute('aria-busy', streaming.size > 0 ? 'true' : 'false');
  if (nearBottom) window.scrollTo(0, document.body.scrollHeight);
}

function turnItem(turn) {
  const time = new Date(turn.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return el('li', { class: `turn ${turn.role}${isHint(turn) ? ' hint' : ''}`, dataset: { seq: turn.seq } },
    el('div', { class: 'meta' }, el('span', { text: speaker(turn, 'You') }), el('time', { datetime: turn.at, text: time })),
    el('p', { class: 'text', text: turn.text }));
}

function updateControls() {
  const open = socket?.readyState === WebSocket.OPEN;
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
  const answer = { clientId: uuid(), text };
  pending.push(answer);
  savePending();
  setAnswer('');
  clearMessages();
  sendPendingAnswer(answer);
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
ui.retry.addEventListener('click', () => {
  attempt = 0;
  connect();
});
window.addEventListener('online', () => {
  if (!socket && !ended) connect();
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
  setInterval(tick, 1000);
  connect();
}

main().catch(e => {
  if (e.status === 404) showError(ui.error, { message: 'There is no such interview for this account. Go back to the home page to start one.' });
  else showError(ui.error, e);
});
