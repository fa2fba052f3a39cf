// The scorecard page: the interview's newest scorecard (scorecard-view.js), or why there is none yet; while grading
// is pending it polls until the scorecard is there.
import { api, get } from './api.js';
import { mountScorecard, renderScorecard } from './scorecard-view.js';
import { sharePanel } from './share-panel.js';
import { stageOf } from './stages.js';
import { $, el, initHeader, param, problemTitles, showError } from './ui.js';

const id = param('id');
const errorBox = $('#error');

let delay = 1500;

async function load() {
  const { status, data } = await api(`/api/interviews/${encodeURIComponent(id)}/scorecard`, { allow: [202, 404] });
  $('#pending').hidden = status !== 202;
  if (status === 202) {
    setTimeout(() => load().catch(e => showError(errorBox, e)), delay);
    delay = Math.min(10000, delay * 1.5);
    return;
  }
  if (status === 404) {
    const interview = await get(`/api/interviews/${encodeURIComponent(id)}`);
    const none = $('#none');
    none.hidden = false;
    none.replaceChildren(interview.status === 'active'
      ? el('p', {}, 'This interview is still in progress; it is graded when it ends. ',
        el('a', { href: `/interview.html?id=${encodeURIComponent(id)}`, text: 'Continue the interview' }))
      : el('p', {}, 'There is no scorecard for this interview yet. ',
        el('button', { type: 'button', id: 'grade', onclick: () => regrade(interview.level) }, 'Grade it now')));
    return;
  }
  renderScorecard(data, replayAt);
}

async function regrade(level) {
  $('#none').hidden = true;
  await api(`/api/interviews/${encodeURIComponent(id)}/grade`, { method: 'POST', body: level ? { level } : {} });
  delay = 1500;
  await Promise.all([load(), sharePanel($('#share'), id)]);
}

const replayAt = seq => `/replay.html?id=${encodeURIComponent(id)}&seq=${seq}`;

async function main() {
  $('#replay-link').href = `/replay.html?id=${encodeURIComponent(id)}`;
  mountScorecard($('#card'));
  const [, problems, interview] = await Promise.all([initHeader(), problemTitles(), get(`/api/interviews/${encodeURIComponent(id)}`)]);
  const problem = problems.get(interview.problemId)?.title ?? interview.problemId;
  const title = interview.drill ? `${problem} · drill: ${stageOf(interview.drill).long}` : problem;
  $('#title').textContent = `Scorecard: ${title}`;
  document.title = `Scorecard: ${title} · MLSD mock interviewer`;
  await Promise.all([load(), sharePanel($('#share'), id)]);
}

main().catch(e => showError(errorBox, e));
