// The replay page: the transcript played back with its original timing (1x, 2x, 4x), paused, stepped turn by turn
// or jumped to a stage; stage segments and evidence markers on a timeline; export as Markdown or JSON. Opened with
// ?seq=N (from a scorecard quote) it starts paused at that turn.
import { api, get } from './api.js';
import { diagramView } from './mermaid-view.js';
import { STAGES, criterionName, stageOf } from './stages.js';
import { $, clock, el, initHeader, param, problemTitles, showError } from './ui.js';

const id = param('id');
const TICK_MS = 100;
const ui = {
  transcript: $('#transcript'), play: $('#play'), scrub: $('#scrub'), position: $('#position'),
  segments: $('#segments'), markers: $('#markers'), stageJump: $('#stage-jump'), error: $('#error'),
};

let turns = []; // with .offset in ms since the start
let evidence = new Map(); // seq -> [{criterion, quote}]
let time = 0;
let total = 0;
let speed = 1;
let timer = null;
let shown = -1;
let focusSeq = null;
let diagramShown = null; // seq of the diagram version the pane shows
const renderDiagram = diagramView($('#replay-diagram-image'));

function revealedCount() {
  let n = 0;
  while (n < turns.length && turns[n].offset <= time) n += 1;
  return n;
}

function setTime(t, { scroll = true } = {}) {
  time = Math.max(0, Math.min(total, t));
  ui.scrub.value = String(time);
  ui.position.textContent = `${clock(time / 1000)} / ${clock(total / 1000)}`;
  const n = revealedCount();
  if (n !== shown) {
    shown = n;
    render(scroll);
  }
  if (time >= total) pause();
}

function render(scroll) {
  const items = [];
  let lastStage = null;
  turns.slice(0, shown).forEach((turn, i) => {
    if (turn.stage !== lastStage) {
      items.push(el('li', { class: 'stage-divider', text: `Step ${STAGES.findIndex(s => s.id === turn.stage) + 1} · ${stageOf(turn.stage).long}` }));
      lastStage = turn.stage;
    }
    const quotes = evidence.get(turn.seq);
    const diagram = turn.kind === 'diagram';
    const classes = ['turn', turn.role, diagram ? 'diagram' : '', i === shown - 1 ? 'current' : '', quotes ? 'evidence' : '']
      .filter(Boolean).join(' ');
    items.push(el('li', { class: classes, id: `turn-${turn.seq}`, tabindex: '-1', dataset: { seq: turn.seq } },
      el('div', { class: 'meta' },
        el('span', { text: diagram ? 'Candidate · diagram saved' : turn.role === 'candidate' ? 'Candidate' : 'Interviewer' }),
        el('span', { text: clock(turn.offset / 1000) }),
        el('span', { text: `turn ${turn.seq}` })),
      el(diagram ? 'pre' : 'p', { class: 'text' }, ...highlighted(turn.text, quotes ?? [])),
      quotes ? el('div', { class: 'why', text: `Evidence for: ${[...new Set(quotes.map(q => q.criterion))].join(', ')}` }) : ''));
  });
  ui.transcript.replaceChildren(...items);
  showDiagram();
  if (scroll && shown > 0) {
    const target = $(`#turn-${turns[shown - 1].seq}`);
    target.scrollIntoView({ block: 'nearest' });
    if (focusSeq === turns[shown - 1].seq) target.focus({ preventScroll: true });
  }
}

/** The diagram pane shows the latest version saved up to the current moment of the replay. */
async function showDiagram() {
  const versions = turns.slice(0, shown).filter(t => t.kind === 'diagram');
  const current = versions[versions.length - 1];
  if ((current?.seq ?? null) === diagramShown) return;
  diagramShown = current?.seq ?? null;
  const image = $('#replay-diagram-image');
  const error = $('#replay-diagram-error');
  $('#replay-diagram-none').hidden = Boolean(current);
  $('#replay-diagram-version').textContent = current ? `(version ${versions.length}, turn ${current.seq})` : '';
  if (!current) {
    image.hidden = true;
    error.hidden = true;
    return;
  }
  const result = await renderDiagram(current.text);
  if (diagramShown !== current.seq) return;
  error.hidden = result.ok;
  error.textContent = result.ok ? '' : `This version does not render: ${result.error}`;
}

/** The text as text nodes, with each quoted passage wrapped in <mark> (matched case-insensitively). */
function highlighted(text, quotes) {
  const lower = text.toLowerCase();
  const ranges = [];
  for (const q of quotes) {
    const start = lower.indexOf(q.quote.toLowerCase());
    if (start >= 0) ranges.push([start, start + q.quote.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(text.slice(at, start), el('mark', { text: text.slice(start, end) }));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.filter(p => p !== '');
}

function play() {
  if (timer) return;
  if (time >= total) setTime(0);
  ui.play.textContent = '⏸ Pause';
  ui.play.setAttribute('aria-pressed', 'true');
  timer = setInterval(() => setTime(time + TICK_MS * speed), TICK_MS);
}

function pause() {
  clearInterval(timer);
  timer = null;
  ui.play.textContent = '▶ Play';
  ui.play.setAttribute('aria-pressed', 'false');
}

function step(delta) {
  pause();
  const current = shown - 1;
  const next = Math.max(0, Math.min(turns.length - 1, current + delta));
  setTime(turns[next].offset);
}

function buildTimeline() {
  ui.scrub.max = String(total);
  const firstOfStage = STAGES.map(s => turns.find(t => t.stage === s.id)).filter(Boolean);
  ui.segments.replaceChildren(...firstOfStage.map((t, i) => {
    const end = i + 1 < firstOfStage.length ? firstOfStage[i + 1].offset : total;
    return el('div', { title: stageOf(t.stage).long, style: `flex: ${Math.max(1, end - t.offset)} 0 0` });
  }));
  const pct = t => (total === 0 ? 0 : (100 * t) / total);
  ui.markers.replaceChildren(...turns.filter(t => evidence.has(t.seq))
    .map(t => el('span', { class: 'marker', style: `left: calc(${pct(t.offset)}% - 2px)` })));
  ui.stageJump.replaceChildren(...firstOfStage.map(t => el('button', {
    type: 'button', dataset: { stage: t.stage }, text: `${STAGES.findIndex(s => s.id === t.stage) + 1}. ${stageOf(t.stage).name}`,
    onclick: () => { pause(); setTime(t.offset); },
  })));
}

async function loadEvidence(interview) {
  if (interview.status !== 'ended') return new Map();
  const { status, data } = await api(`/api/interviews/${encodeURIComponent(id)}/scorecard`, { allow: [202, 404] });
  const map = new Map();
  if (status !== 200) return map;
  for (const c of data.criteria ?? []) {
    for (const e of c.evidence ?? []) {
      if (!map.has(e.seq)) map.set(e.seq, []);
      map.get(e.seq).push({ criterion: criterionName(c.id, c.stage), quote: e.quote });
    }
  }
  return map;
}

async function main() {
  const enc = encodeURIComponent(id);
  $('#scorecard-link').href = `/scorecard.html?id=${enc}`;
  $('#export-md').href = `/api/interviews/${enc}/export?format=md`;
  $('#export-json').href = `/api/interviews/${enc}/export?format=json`;
  const [, problems, interview] = await Promise.all([initHeader(), problemTitles(), get(`/api/interviews/${enc}`)]);
  const title = problems.get(interview.problemId)?.title ?? interview.problemId;
  $('#title').textContent = `Replay: ${title}`;
  document.title = `Replay: ${title} · MLSD mock interviewer`;
  evidence = await loadEvidence(interview);
  const start = interview.turns.length ? Date.parse(interview.turns[0].at) : 0;
  let previous = -1;
  // Offsets strictly increase, so each turn has its own position even when two were stored in the same millisecond.
  turns = interview.turns.map(t => {
    previous = Math.max(previous + 1, Date.parse(t.at) - start);
    return { ...t, offset: previous };
  });
  total = turns.length ? turns[turns.length - 1].offset : 0;
  $('#replay-diagram').hidden = !turns.some(t => t.kind === 'diagram');
  if (!turns.length) {
    ui.transcript.append(el('li', { class: 'muted', text: 'This interview has no turns yet.' }));
    return;
  }
  buildTimeline();
  const seq = Number(param('seq'));
  const target = turns.find(t => t.seq === seq);
  focusSeq = target?.seq ?? null;
  setTime(target ? target.offset : 0);
}

ui.play.addEventListener('click', () => (timer ? pause() : play()));
$('#back').addEventListener('click', () => step(-1));
$('#forward').addEventListener('click', () => step(1));
ui.scrub.addEventListener('input', () => { pause(); setTime(Number(ui.scrub.value)); });
document.querySelectorAll('input[name=speed]').forEach(r => r.addEventListener('change', () => { speed = Number(r.value); }));

main().catch(e => showError(ui.error, e));
