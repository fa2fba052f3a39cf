// The shared page (/shared.html?token=...): what a candidate's share link opens for a signed-in reviewer: the replay
// (player.js) and the scorecard (scorecard-view.js) of that one interview, read-only, with a comment form under each
// turn. Every request checks the link again, so once it is revoked the next one shows that it is no longer valid.
import { api, ApiError } from './api.js';
import { commentBoxes } from './comments.js';
import { evidenceOf, mountPlayer, play } from './player.js';
import { mountScorecard, renderScorecard } from './scorecard-view.js';
import { $, initHeader, param, showError } from './ui.js';

const token = param('token') ?? '';
const base = `/api/shares/${encodeURIComponent(token)}`;
const errorBox = $('#error');

function gone() {
  $('#shared').hidden = true;
  $('#gone').hidden = false;
  document.body.dataset.share = 'gone';
}

/** The shared view, or null (and the page says so) when the link is unknown or revoked. */
async function load() {
  const { status, data } = await api(base, { allow: [404] });
  if (status === 404) {
    gone();
    return null;
  }
  return data;
}

/** A write through the link; a 404 means the link was revoked meanwhile. */
async function write(path, options) {
  try {
    await api(path, options);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === 'share_not_found') {
      gone();
      return;
    }
    throw e;
  }
  const view = await load();
  if (view) boxes.show(view.comments);
}

const boxes = commentBoxes({
  post: (seq, text) => write(`${base}/comments`, { method: 'POST', body: { seq, text } }),
  remove: c => write(`${base}/comments/${c.id}`, { method: 'DELETE' }).catch(e => showError(errorBox, e)),
  canDelete: c => c.mine,
});

async function main() {
  mountPlayer($('#player'));
  mountScorecard($('#card'));
  const [, view] = await Promise.all([initHeader(), load()]);
  if (!view) return;
  $('#title').textContent = `Shared replay: ${view.problemTitle}`;
  document.title = `Shared replay: ${view.problemTitle} · MLSD mock interviewer`;
  $('#shared').hidden = false;
  document.body.dataset.share = 'open';
  boxes.show(view.comments);
  const seq = Number(param('seq'));
  play({ turns: view.turns, evidence: evidenceOf(view.scorecard), decorate: boxes.decorate,
    focus: Number.isFinite(seq) && seq > 0 ? seq : null, atEnd: true, drill: view.drill ?? null });
  if (view.scorecard) {
    renderScorecard(view.scorecard, s => `/shared.html?token=${encodeURIComponent(token)}&seq=${s}`);
  } else {
    $('#none').hidden = false;
    $('#none').textContent = view.scorecardStatus === 'grading'
      ? 'The scorecard is being made; reload the page in a minute.'
      : 'This interview has no scorecard yet.';
  }
}

main().catch(e => showError(errorBox, e));
