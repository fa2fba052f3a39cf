// Home: start an interview, see progress per stage over the last graded interviews and drills (with a "Drill this
// step" action per stage), the practice plan, and the list of past sessions.
import { api, get } from './api.js';
import { barChart } from './chart.js';
import { renderPlan, startDrill } from './plan.js';
import { LEVELS, RECOMMENDATIONS, STAGES, VERDICTS, VERDICT_CLASSES, stageOf } from './stages.js';
import { $, el, formatDate, initHeader, problemTitles, showError } from './ui.js';

const PROGRESS_WINDOW = 10; // graded sessions the per-stage average covers (as the practice plan's)
const SCORED_LIST = 20; // newest ended sessions whose score the list shows

const errorBox = $('#error');
let problems = new Map();
let refreshDelay = 2000;

async function main() {
  await initHeader();
  const [titles, interviewers] = await Promise.all([problemTitles(), get('/api/interviewers')]);
  problems = titles;
  renderProblems([...problems.values()]);
  renderInterviewers(interviewers);
  await refresh();
}

/** Progress, plan and list; while a session is being graded, again a little later, so a graded drill shows up. */
async function refresh() {
  const [interviews, plan] = await Promise.all([get('/api/interviews'), get('/api/practice-plan')]);
  const scorecards = await loadScorecards(interviews.filter(i => i.status === 'ended').slice(0, SCORED_LIST));
  renderProgress(interviews, scorecards, plan);
  renderPlan($('#plan'), plan, problems, s => drill(s.problemId, s.stage, s.level));
  renderPast(interviews, problems, scorecards);
  if ([...scorecards.values()].some(s => !s.ready)) {
    setTimeout(() => refresh().catch(e => showError(errorBox, e)), refreshDelay);
    refreshDelay = Math.min(10000, refreshDelay * 1.5);
  }
}

/** Starts a drill with the start form's choices of mode and interviewer (and level, unless the plan names one). */
async function drill(problemId, stage, level) {
  errorBox.hidden = true;
  const form = new FormData($('#start-form'));
  document.querySelectorAll('button[data-drill], #start-next-drill').forEach(b => { b.disabled = true; });
  try {
    await startDrill({
      problemId: problemId ?? form.get('problem'), stage, level: level ?? form.get('level'), mode: form.get('mode') ?? 'interview',
      interviewer: $('#interviewer-choice').hidden ? undefined : form.get('interviewer'),
    });
  } catch (e) {
    showError(errorBox, e);
    document.querySelectorAll('button[data-drill], #start-next-drill').forEach(b => { b.disabled = false; });
  }
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

function renderProgress(interviews, scorecards, plan) {
  const box = $('#progress');
  box.replaceChildren();
  const graded = interviews.map(i => scorecards.get(i.id)).filter(s => s?.ready);
  if (graded.length === 0) {
    box.append(el('p', { class: 'muted', text: 'Finish an interview to see your score per stage here; the weakest step will stand out.' }));
    return;
  }
  // Per stage, the newest sessions that scored it: a drill scores its one stage (the practice plan counts the same).
  const rows = STAGES.map(stage => {
    const scores = graded.map(g => g.card.stages?.find(s => s.stage === stage.id)?.score).filter(s => typeof s === 'number')
      .slice(0, PROGRESS_WINDOW);
    const value = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    return { key: stage.id, label: `${stage.name}`, value };
  });
  const scored = rows.filter(r => r.value !== null);
  const weakest = scored.reduce((a, b) => (b.value < a.value ? b : a), scored[0]);
  const problemOf = stage => plan.schedule.find(e => e.stage === stage)?.problemId;
  const counted = Math.min(graded.length, PROGRESS_WINDOW);
  box.append(el('p', {},
    `Average score per stage over your last ${counted} graded session${counted === 1 ? '' : 's'} (interviews and drills). `,
    weakest ? el('strong', { id: 'weakest', text: `Weakest step: ${stageOf(weakest.key).long} (${Math.round(weakest.value)}/100).` }) : '',
    weakest ? ' ' : '',
    weakest ? el('button', { type: 'button', class: 'primary', id: 'drill-weakest', dataset: { drill: weakest.key },
      onclick: () => drill(problemOf(weakest.key), weakest.key) }, 'Drill this step') : ''));
  box.append(el('div', { class: 'chart', id: 'progress-chart' }, barChart(rows, 'Average score per stage, 0 to 100')));
  box.append(el('div', { class: 'row drill-actions', role: 'group', 'aria-label': 'Drill one step' },
    el('span', { class: 'muted small', text: 'Drill one step:' }),
    ...STAGES.map(s => el('button', { type: 'button', class: 'small', dataset: { drill: s.id },
      title: `A drill of ${s.long} alone`, onclick: () => drill(problemOf(s.id), s.id) }, s.name))));
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
    const level = s?.ready && s.card.level ? ` (${LEVELS[s.card.level] ?? s.card.level})` : '';
    const rec = !s?.ready ? '–' : s.card.drill
      ? el('span', { class: `badge ${VERDICT_CLASSES[s.card.drill.verdict] ?? ''}`, title: s.card.drill.summary },
        `${VERDICTS[s.card.drill.verdict] ?? s.card.drill.verdict}${level}`)
      : el('span', { class: `badge ${s.card.recommendation}` },
        `${RECOMMENDATIONS[s.card.recommendation] ?? s.card.recommendation}${level}`);
    const status = i.status === 'active' ? el('span', { class: 'badge active', text: 'In progress' }) : 'Ended';
    const links = i.status === 'active'
      ? [el('a', { href: `/interview.html?id=${i.id}`, text: 'Continue' })]
      : [el('a', { href: `/scorecard.html?id=${i.id}`, text: 'Scorecard' }), ' · ',
        el('a', { href: `/replay.html?id=${i.id}`, text: 'Replay' })];
    return el('tr', { dataset: { interview: i.id } },
      el('td', { 'data-label': 'Problem' }, el('strong', { text: title }),
        i.drill ? el('span', { class: 'badge drill', text: `Drill: ${stageOf(i.drill).long}` }) : ''),
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
