// Home: start an interview, see progress per stage over the last graded interviews, and the list of past ones.
import { api, get } from './api.js';
import { barChart } from './chart.js';
import { LEVELS, RECOMMENDATIONS, STAGES, stageOf } from './stages.js';
import { $, el, formatDate, initHeader, problemTitles, showError } from './ui.js';

const PROGRESS_WINDOW = 10; // interviews the per-stage average covers
const SCORED_LIST = 20; // newest ended interviews whose score the list shows

const errorBox = $('#error');

async function main() {
  await initHeader();
  const [problems, interviewers, interviews] = await Promise.all([
    problemTitles(), get('/api/interviewers'), get('/api/interviews'),
  ]);
  renderProblems([...problems.values()]);
  renderInterviewers(interviewers);
  const scorecards = await loadScorecards(interviews.filter(i => i.status === 'ended').slice(0, SCORED_LIST));
  renderProgress(interviews, scorecards);
  renderPast(interviews, problems, scorecards);
}

function renderProblems(problems) {
  const box = $('#problems');
  problems.forEach((p, i) => {
    const id = `problem-${p.id}`;
    box.append(el('div', { class: 'problem' },
      el('input', { type: 'radio', name: 'problem', id, value: p.id, checked: i === 0, required: true }),
      // The card clamps the summary to two lines; the full text is in the tooltip.
      el('label', { for: id, title: p.summary }, el('strong', { text: p.title }), el('span', { class: 'muted small', text: p.summary }))));
  });
}

function renderInterviewers(choice) {
  if (!choice.available.includes('llm')) return;
  $('#interviewer-choice').hidden = false;
  $(`#interviewer-${choice.default}`).checked = true;
}

$('#start-form').addEventListener('submit', async event => {
  event.preventDefault();
  errorBox.hidden = true;
  const form = new FormData(event.target);
  const body = { problemId: form.get('problem'), level: form.get('level'), mode: form.get('mode') ?? 'interview' };
  if (!$('#interviewer-choice').hidden) body.interviewer = form.get('interviewer');
  $('#start').disabled = true;
  try {
    const { data } = await api('/api/interviews', { method: 'POST', body });
    window.location.assign(`/interview.html?id=${encodeURIComponent(data.id)}`);
  } catch (e) {
    showError(errorBox, e);
    $('#start').disabled = false;
  }
});

/** The ready scorecards of these interviews, by interview id (202 grading and 404 none are left out). */
async function loadScorecards(ended) {
  const results = await Promise.all(ended.map(i =>
    api(`/api/interviews/${i.id}/scorecard`, { allow: [202, 404] }).then(r => [i.id, r], () => [i.id, null])));
  const map = new Map();
  for (const [id, r] of results) {
    if (r?.status === 200) map.set(id, { ready: true, card: r.data });
    else if (r?.status === 202) map.set(id, { ready: false });
  }
  return map;
}

function renderProgress(interviews, scorecards) {
  const box = $('#progress');
  box.replaceChildren();
  const graded = interviews.map(i => scorecards.get(i.id)).filter(s => s?.ready).slice(0, PROGRESS_WINDOW);
  if (graded.length === 0) {
    box.append(el('p', { class: 'muted', text: 'Finish an interview to see your score per stage here; the weakest step will stand out.' }));
    return;
  }
  const rows = STAGES.map(stage => {
    const scores = graded.map(g => g.card.stages?.find(s => s.stage === stage.id)?.score).filter(s => typeof s === 'number');
    const value = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    return { key: stage.id, label: `${stage.name}`, value };
  });
  const scored = rows.filter(r => r.value !== null);
  const weakest = scored.reduce((a, b) => (b.value < a.value ? b : a), scored[0]);
  box.append(el('p', {},
    `Average score per stage over your last ${graded.length} graded interview${graded.length === 1 ? '' : 's'}. `,
    weakest ? el('strong', { id: 'weakest', text: `Weakest step: ${stageOf(weakest.key).long} (${Math.round(weakest.value)}/100).` }) : ''));
  box.append(el('div', { class: 'chart', id: 'progress-chart' }, barChart(rows, 'Average score per stage, 0 to 100')));
}

function renderPast(interviews, problems, scorecards) {
  const box = $('#past');
  box.replaceChildren();
  if (interviews.length === 0) {
    box.append(el('p', { class: 'muted', text: 'No interviews yet. Pick a problem above and start one.' }));
    return;
  }
  const rows = interviews.map(i => {
    const title = problems.get(i.problemId)?.title ?? i.problemId;
    const s = scorecards.get(i.id);
    const score = s?.ready ? `${Math.round(s.card.overall)}/100` : s ? 'Grading…' : '–';
    const rec = s?.ready
      ? el('span', { class: `badge ${s.card.recommendation}` },
        `${RECOMMENDATIONS[s.card.recommendation] ?? s.card.recommendation}${s.card.level ? ` (${LEVELS[s.card.level] ?? s.card.level})` : ''}`)
      : '–';
    const status = i.status === 'active' ? el('span', { class: 'badge active', text: 'In progress' }) : 'Ended';
    const links = i.status === 'active'
      ? [el('a', { href: `/interview.html?id=${i.id}`, text: 'Continue' })]
      : [el('a', { href: `/scorecard.html?id=${i.id}`, text: 'Scorecard' }), ' · ',
        el('a', { href: `/replay.html?id=${i.id}`, text: 'Replay' })];
    return el('tr', { dataset: { interview: i.id } },
      el('td', { 'data-label': 'Problem' }, el('strong', { text: title })),
      el('td', { 'data-label': 'Date', text: formatDate(i.createdAt) }),
      el('td', { 'data-label': 'Status' }, status),
      el('td', { 'data-label': 'Score', text: score }),
      el('td', { 'data-label': 'Recommendation' }, rec),
      el('td', {}, ...links));
  });
  box.append(el('table', { class: 'list' },
    el('thead', {}, el('tr', {}, ...['Problem', 'Date', 'Status', 'Score', 'Recommendation', ''].map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows)));
}

main().catch(e => showError(errorBox, e));
