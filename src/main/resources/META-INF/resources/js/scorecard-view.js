// A scorecard on a page: overall score and recommendation (for a stage drill: the step's verdict against the level's
// bar, and only that stage), a chart of the seven stage scores, every criterion with
// what the candidate showed, the evidence quotes (each a link into the replay at its turn), what the next score
// needed and, folded, what a 3 looks like; flags, and the grader and rubric used. Shared by the scorecard page and
// the shared (coach) page. All server text goes in as text nodes (el()).
import { barChart } from './chart.js';
import { LEVELS, RECOMMENDATIONS, STAGES, VERDICTS, VERDICT_CLASSES, criterionName, stageOf } from './stages.js';
import { $, el, formatDate } from './ui.js';

const FLAG_LABELS = {
  injection: 'Text addressed to the grader was found in an answer; it was ignored and earned nothing.',
  'keyword-list': 'Terms listed without reasoning were found; they earned nothing.',
  'llm-fallback': 'The LLM grader failed, so the offline grader made this scorecard.',
};

/** The card's sections (filled by renderScorecard), into the container. */
export function mountScorecard(container) {
  const section = (id, title, ...body) => el('section', { class: 'panel', 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title`, text: title }), ...body);
  container.replaceChildren(
    el('section', { class: 'panel overall', 'aria-label': 'Overall result' },
      el('div', { class: 'score', id: 'overall' }),
      el('div', {}, el('div', { id: 'recommendation' }), el('p', { class: 'muted small', id: 'grader' }))),
    el('section', { class: 'panel', id: 'flags-panel', 'aria-labelledby': 'flags-title', hidden: true },
      el('h2', { id: 'flags-title', text: 'Flags' }), el('ul', { class: 'flags', id: 'flags' })),
    section('stages', 'Score per stage', el('div', { class: 'chart', id: 'chart' })),
    section('criteria', 'Criteria',
      el('p', { class: 'muted small', text: 'Each score is 0 (absent) to 3 (strong). Click a quote to see it in the replay.' }),
      el('div', { id: 'criteria' })));
}

/** Fills the mounted sections; replayAt(seq) is the link to a turn of the replay. */
export function renderScorecard(card, replayAt) {
  $('#card').hidden = false;
  $('#overall').replaceChildren(String(Math.round(card.overall)), el('small', { text: ' / 100' }));
  const level = LEVELS[card.level] ?? card.level;
  // A drill has no hire recommendation (one step says too little): its verdict against the level's bar instead.
  $('#recommendation').replaceChildren(...(card.drill
    ? [el('span', { class: `badge ${VERDICT_CLASSES[card.drill.verdict] ?? ''}`, id: 'drill-verdict', text: VERDICTS[card.drill.verdict] ?? card.drill.verdict }),
      level ? el('span', { class: 'muted', text: ` for a ${level} role, this step alone` }) : '',
      el('p', { id: 'drill-summary', text: card.drill.summary })]
    : [el('span', { class: `badge ${card.recommendation}`, id: 'recommendation-badge', text: RECOMMENDATIONS[card.recommendation] ?? card.recommendation }),
      level ? el('span', { class: 'muted', text: ` for a ${level} role` }) : '']));
  const samples = card.spread ? ` · median of ${card.spread.samples} samples, overall spread ±${card.spread.overall}` : '';
  $('#grader').textContent = `Graded by ${card.grader}${samples} · rubric ${card.rubricId} version ${String(card.rubricVersion).slice(0, 12)}`
    + (card.createdAt ? ` · ${formatDate(card.createdAt)}` : '');
  const shownStages = card.drill ? STAGES.filter(s => s.id === card.drill.stage) : STAGES;
  const rows = shownStages.map(s => ({ key: s.id, label: s.long, value: card.stages?.find(x => x.stage === s.id)?.score ?? null }));
  $('#stages-title').textContent = card.drill ? `Score of the step drilled: ${stageOf(card.drill.stage).long}` : 'Score per stage';
  $('#chart').replaceChildren(barChart(rows, card.drill ? 'Score of the step, 0 to 100' : 'Score per stage, 0 to 100'));
  // Scorecards stored before issue 10 may hold the grader's own unverified quotes as flags: they say nothing about
  // the candidate, so they are not shown.
  renderFlags((card.flags ?? []).filter(f => f.type !== 'unverified-evidence'), replayAt);
  renderCriteria(card, replayAt);
}

function renderFlags(flags, replayAt) {
  $('#flags-panel').hidden = flags.length === 0;
  $('#flags').replaceChildren(...flags.map(f => el('li', { dataset: { type: f.type } },
    el('strong', { text: FLAG_LABELS[f.type] ?? f.type }),
    f.detail ? el('span', { class: 'muted', text: ` ${f.detail}` }) : '',
    f.seq ? el('span', {}, ' ', el('a', { href: replayAt(f.seq), text: `(turn ${f.seq})` })) : '')));
}

/** How far the LLM grader's samples disagreed on a criterion (0-3 range), when it took several. */
function spreadOf(card, criterionId) {
  const value = card.spread?.criteria?.[criterionId];
  return typeof value === 'number' ? value : null;
}

function renderCriteria(card, replayAt) {
  const box = $('#criteria');
  box.replaceChildren();
  for (const stage of STAGES) {
    const criteria = (card.criteria ?? []).filter(c => c.stage === stage.id);
    if (!criteria.length) continue;
    box.append(el('h3', { text: `${STAGES.indexOf(stage) + 1}. ${stage.long}` }));
    for (const c of criteria) {
      const spread = spreadOf(card, c.id);
      box.append(el('div', { class: 'criterion', dataset: { criterion: c.id } },
        el('div', { class: 'head' },
          el('strong', { title: c.id, text: criterionName(c.id, c.stage) }),
          el('span', { class: 'dots', 'aria-label': `${c.score} of 3`, text: '●'.repeat(c.score) + '○'.repeat(Math.max(0, 3 - c.score)) }),
          el('span', { class: 'muted small', text: `${c.score}/3 · weight ${c.weight}${spread !== null ? ` · spread ±${spread}` : ''}` })),
        el('p', { class: 'shown', text: c.shown ?? c.rationale }),
        c.evidence?.length
          ? el('ul', { class: 'evidence' }, ...c.evidence.map(e => el('li', {},
            el('a', { href: replayAt(e.seq), class: 'quote', dataset: { seq: e.seq } }, `“${e.quote}”`),
            el('span', { class: 'muted small', text: ` turn ${e.seq}` }))))
          : el('p', { class: 'muted small', text: 'No evidence quoted.' }),
        c.missing ? el('p', { class: 'missing', text: c.missing }) : '',
        c.target ? el('details', { class: 'target' },
          el('summary', { class: 'muted small', text: 'What a 3 looks like' }),
          el('p', { class: 'muted small', text: c.target })) : ''));
    }
  }
}
