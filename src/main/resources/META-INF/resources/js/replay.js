// The replay page: the candidate's own interview played back (player.js), with the scorecard's evidence on the
// timeline, the comments reviewers left on turns (and a form to reply), export as Markdown or JSON, and "Share with
// a coach". Opened with ?seq=N (from a scorecard quote) it starts paused at that turn.
import { api, get } from './api.js';
import { commentBoxes } from './comments.js';
import { evidenceOf, mountPlayer, play } from './player.js';
import { sharePanel } from './share-panel.js';
import { stageOf } from './stages.js';
import { $, el, initHeader, param, problemTitles, showError } from './ui.js';

const id = param('id');
const enc = encodeURIComponent(id);
const errorBox = $('#error');

async function loadEvidence(interview) {
  if (interview.status !== 'ended') return new Map();
  const { status, data } = await api(`/api/interviews/${enc}/scorecard`, { allow: [202, 404] });
  return status === 200 ? evidenceOf(data) : new Map();
}

/** Every comment in one list, each linking to its turn, so none is missed before playback reaches it. */
function showComments(boxes, comments) {
  boxes.show(comments);
  $('#comment-index').hidden = comments.length === 0;
  $('#comment-list').replaceChildren(...comments.map(c => el('li', { dataset: { seq: c.seq } },
    el('a', { href: `/replay.html?id=${enc}&seq=${c.seq}`, text: `Turn ${c.seq}` }), ` · ${c.author}: `,
    el('span', { class: 'text', text: c.text }))));
}

async function main() {
  $('#scorecard-link').href = `/scorecard.html?id=${enc}`;
  $('#export-md').href = `/api/interviews/${enc}/export?format=md`;
  $('#export-json').href = `/api/interviews/${enc}/export?format=json`;
  mountPlayer($('#player'));
  const [, problems, interview] = await Promise.all([initHeader(), problemTitles(), get(`/api/interviews/${enc}`)]);
  const problem = problems.get(interview.problemId)?.title ?? interview.problemId;
  const title = interview.drill ? `${problem} · drill: ${stageOf(interview.drill).long}` : problem;
  $('#title').textContent = `Replay: ${title}`;
  document.title = `Replay: ${title} · MLSD mock interviewer`;
  const commentsUrl = `/api/interviews/${enc}/comments`;
  const reload = async () => showComments(boxes, await get(commentsUrl));
  const boxes = commentBoxes({
    post: async (seq, text) => { await api(commentsUrl, { method: 'POST', body: { seq, text } }); await reload(); },
    remove: c => api(`${commentsUrl}/${c.id}`, { method: 'DELETE' }).then(reload).catch(e => showError(errorBox, e)),
    canDelete: () => true,
  });
  const [evidence, comments] = await Promise.all([loadEvidence(interview), get(commentsUrl),
    sharePanel($('#share'), id)]);
  showComments(boxes, comments);
  const seq = Number(param('seq'));
  play({ turns: interview.turns, evidence, decorate: boxes.decorate, focus: Number.isFinite(seq) ? seq : null,
    drill: interview.drill ?? null });
}

main().catch(e => showError(errorBox, e));
