// Comments on turns, under each turn of a replay: the thread (author, time, text; all as text nodes) and a form to
// add one. Used by the candidate's replay and the shared page, each with its own endpoints. show() refreshes the
// threads in place, so an open form and its draft are never lost.
import { el, formatDate, showError } from './ui.js';

/**
 * @param post      (seq, text) => Promise, stores a comment
 * @param remove    (comment) => Promise, deletes one
 * @param canDelete (comment) => whether to offer deleting it
 */
export function commentBoxes({ post, remove, canDelete }) {
  const threads = new Map();
  let comments = [];

  const fill = seq => threads.get(seq)?.replaceChildren(...comments.filter(c => c.seq === seq).map(item));

  function item(c) {
    return el('li', { class: `comment${c.candidate ? ' by-candidate' : ''}`, dataset: { id: c.id } },
      el('div', { class: 'meta' },
        el('strong', { class: 'author', text: c.author }),
        c.mine ? el('span', { class: 'muted', text: '(you)' }) : '',
        el('span', { class: 'muted', text: formatDate(c.at) }),
        canDelete(c) ? el('button', {
          type: 'button', class: 'link delete-comment', 'aria-label': `Delete the comment by ${c.author}`,
          onclick: () => remove(c),
        }, 'Delete') : ''),
      el('p', { class: 'text', text: c.text }));
  }

  function decorate(turn) {
    const list = el('ol', { class: 'comments', 'aria-label': `Comments on turn ${turn.seq}` });
    threads.set(turn.seq, list);
    fill(turn.seq);
    const text = el('textarea', { name: 'comment', rows: '3', required: true, 'aria-label': `Your comment on turn ${turn.seq}` });
    const error = el('p', { class: 'alert error', role: 'alert', hidden: true });
    const send = el('button', { type: 'submit', class: 'primary', text: 'Post comment' });
    const form = el('form', { class: 'comment-form' }, text, error, el('div', { class: 'row' }, send));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      error.hidden = true;
      send.disabled = true;
      try {
        await post(turn.seq, text.value);
        text.value = '';
      } catch (e) {
        showError(error, e);
      } finally {
        send.disabled = false;
      }
    });
    return el('div', { class: 'turn-comments' }, list,
      el('details', { class: 'comment-box' }, el('summary', { text: 'Comment on this turn' }), form));
  }

  function show(list) {
    comments = list;
    for (const seq of threads.keys()) fill(seq);
  }

  return { decorate, show };
}
