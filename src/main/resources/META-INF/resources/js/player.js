// The replay player, shared by the candidate's replay page and the shared (coach) page: the transcript played back
// with its original timing (1x, 2x, 4x), paused, stepped turn by turn or jumped to a stage; stage segments and
// evidence markers on a timeline. A page mounts the controls, then plays its turns; decorate(turn) may add a node
// under a turn (comments), which is kept across re-renders so a half-written comment survives playback.
import { diagramFollower, diagramPaneNode } from './replay-diagram.js';
import { STAGES, criterionName, stageOf } from './stages.js';
import { isHint, speaker } from './turns.js';
import { $, clock, el } from './ui.js';

const TICK_MS = 100;

/** Builds the player's controls and the (empty) transcript into the container. */
export function mountPlayer(container) {
  const speed = n => [
    el('input', { type: 'radio', name: 'speed', id: `speed-${n}`, value: String(n), checked: n === 1 }),
    el('label', { for: `speed-${n}`, text: `${n}×` })];
  container.replaceChildren(
    el('section', { class: 'panel player', 'aria-label': 'Playback' },
      el('div', { class: 'row' },
        el('button', { id: 'back', type: 'button', text: '← Previous turn' }),
        el('button', { id: 'play', type: 'button', class: 'primary', text: '▶ Play' }),
        el('button', { id: 'forward', type: 'button', text: 'Next turn →' }),
        el('fieldset', { class: 'choice flush' }, el('legend', { class: 'skip', text: 'Speed' }),
          el('div', { class: 'segmented', id: 'speeds' }, ...[1, 2, 4].flatMap(speed))),
        el('span', { class: 'clock', id: 'position', 'aria-live': 'off' })),
      el('div', { class: 'timeline', id: 'timeline' },
        el('div', { class: 'segments', id: 'segments', 'aria-hidden': 'true' }),
        el('div', { id: 'markers', 'aria-hidden': 'true' }),
        el('input', { type: 'range', id: 'scrub', min: '0', max: '0', value: '0', step: 'any', 'aria-label': 'Position in the interview' })),
      el('div', { class: 'stage-jump', id: 'stage-jump', role: 'group', 'aria-label': 'Jump to a stage' })),
    diagramPaneNode(),
    el('ol', { class: 'conversation', id: 'transcript' }));
}

/** Evidence quotes of a scorecard by turn: seq -> [{criterion, quote}]. */
export function evidenceOf(card) {
  const map = new Map();
  for (const c of card?.criteria ?? []) {
    for (const e of c.evidence ?? []) {
      if (!map.has(e.seq)) map.set(e.seq, []);
      map.get(e.seq).push({ criterion: criterionName(c.id, c.stage), quote: e.quote });
    }
  }
  return map;
}

/**
 * Plays the turns in the mounted player: from turn {focus} when given (focused), else from the start, or from the
 * end with atEnd.
 */
export function play({ turns: raw, evidence = new Map(), decorate = () => '', focus = null, atEnd = false, drill = null }) {
  const ui = {
    transcript: $('#transcript'), play: $('#play'), scrub: $('#scrub'), position: $('#position'),
    segments: $('#segments'), markers: $('#markers'), stageJump: $('#stage-jump'),
  };
  const start = raw.length ? Date.parse(raw[0].at) : 0;
  let previous = -1;
  // Offsets strictly increase, so each turn has its own position even when two were stored in the same millisecond.
  const turns = raw.map(t => {
    previous = Math.max(previous + 1, Date.parse(t.at) - start);
    return { ...t, offset: previous };
  });
  const total = turns.length ? turns[turns.length - 1].offset : 0;
  const followDiagram = diagramFollower(turns);
  const extras = new Map();
  let time = 0;
  let speed = 1;
  let timer = null;
  let shown = -1;
  let focusSeq = null;

  const extra = turn => {
    if (!extras.has(turn.seq)) extras.set(turn.seq, decorate(turn));
    return extras.get(turn.seq);
  };

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
        // A stage drill has one stage: it is not "step N" of anything.
        items.push(el('li', { class: 'stage-divider', text: drill ? `Drill · ${stageOf(turn.stage).long}`
          : `Step ${STAGES.findIndex(s => s.id === turn.stage) + 1} · ${stageOf(turn.stage).long}` }));
        lastStage = turn.stage;
      }
      const quotes = evidence.get(turn.seq);
      const diagram = turn.kind === 'diagram';
      const classes = ['turn', turn.role, isHint(turn) ? 'hint' : '', diagram ? 'diagram' : '', i === shown - 1 ? 'current' : '',
        quotes ? 'evidence' : ''].filter(Boolean).join(' ');
      items.push(el('li', { class: classes, id: `turn-${turn.seq}`, tabindex: '-1', dataset: { seq: turn.seq } },
        el('div', { class: 'meta' },
          el('span', { text: diagram ? 'Candidate · diagram saved' : speaker(turn, 'Candidate') }),
          el('span', { text: clock(turn.offset / 1000) }),
          el('span', { text: `turn ${turn.seq}` })),
        el(diagram ? 'pre' : 'p', { class: 'text' }, ...highlighted(turn.text, quotes ?? [])),
        quotes ? el('div', { class: 'why', text: `Evidence for: ${[...new Set(quotes.map(q => q.criterion))].join(', ')}` }) : '',
        extra(turn)));
    });
    ui.transcript.replaceChildren(...items);
    followDiagram(turns.slice(0, shown));
    if (scroll && shown > 0) {
      const target = $(`#turn-${turns[shown - 1].seq}`);
      target.scrollIntoView({ block: 'nearest' });
      if (focusSeq === turns[shown - 1].seq) target.focus({ preventScroll: true });
    }
  }

  function resume() {
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
    const next = Math.max(0, Math.min(turns.length - 1, shown - 1 + delta));
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

  if (!turns.length) {
    ui.transcript.append(el('li', { class: 'muted', text: 'This interview has no turns yet.' }));
    return;
  }
  ui.play.addEventListener('click', () => (timer ? pause() : resume()));
  $('#back').addEventListener('click', () => step(-1));
  $('#forward').addEventListener('click', () => step(1));
  ui.scrub.addEventListener('input', () => { pause(); setTime(Number(ui.scrub.value)); });
  document.querySelectorAll('input[name=speed]').forEach(r => r.addEventListener('change', () => { speed = Number(r.value); }));
  buildTimeline();
  const target = turns.find(t => t.seq === focus);
  focusSeq = target?.seq ?? null;
  setTime(target ? target.offset : atEnd ? total : 0);
}

/** The text as text nodes, with each quoted passage wrapped in <mark> (matched case-insensitively). */
function highlighted(text, quotes) {
  const lower = text.toLowerCase();
  const ranges = [];
  for (const q of quotes) {
    const begin = lower.indexOf(q.quote.toLowerCase());
    if (begin >= 0) ranges.push([begin, begin + q.quote.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [begin, end] of ranges) {
    if (begin < at) continue;
    parts.push(text.slice(at, begin), el('mark', { text: text.slice(begin, end) }));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.filter(p => p !== '');
}
