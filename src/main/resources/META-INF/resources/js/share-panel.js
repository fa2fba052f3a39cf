// "Share with a coach" on the candidate's replay: make a read-only link to this interview's replay and scorecard,
// copy it (its token is shown once: only a hash is stored), list the live links and revoke them. A reviewer with
// the link can read and comment, nothing else (docs/security.md, "Share links").
import { api, get } from './api.js';
import { el, formatDate, showError } from './ui.js';

export function sharePanel(container, interviewId) {
  const base = `/api/interviews/${encodeURIComponent(interviewId)}/shares`;
  const error = el('p', { class: 'alert error', role: 'alert', hidden: true });
  const created = el('div', { id: 'share-created', hidden: true });
  const links = el('ul', { class: 'share-links', id: 'share-links' });
  const create = el('button', { type: 'button', id: 'share-create', text: 'Create a share link' });

  async function refresh() {
    const list = await get(base);
    links.replaceChildren(...(list.length ? list.map(link => el('li', { dataset: { id: link.id } },
      el('span', { text: `Link …${link.hint}, made ${formatDate(link.createdAt)}` }), ' ',
      el('button', { type: 'button', class: 'revoke', onclick: () => revoke(link) }, 'Revoke')))
      : [el('li', { class: 'muted', text: 'No live links.' })]));
  }

  async function revoke(link) {
    error.hidden = true;
    try {
      await api(`${base}/${encodeURIComponent(link.id)}`, { method: 'DELETE' });
      created.hidden = true;
      await refresh();
    } catch (e) {
      showError(error, e);
    }
  }

  function showCreated(link) {
    const url = new URL(link.url, window.location.origin).toString();
    const field = el('input', { type: 'text', id: 'share-url', readonly: true, value: url, 'aria-label': 'Share link' });
    const status = el('span', { class: 'muted small', role: 'status' });
    const copy = el('button', { type: 'button', id: 'share-copy', text: 'Copy' });
    copy.addEventListener('click', async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = 'Copied.';
      } catch (e) {
        status.textContent = 'Select the link and copy it (Ctrl+C).';
      }
    });
    created.replaceChildren(
      el('p', { class: 'small', text: 'Send this link to your coach. Copy it now: it is shown only once.' }),
      el('div', { class: 'row' }, field, copy, status));
    created.hidden = false;
    field.focus();
    field.select();
  }

  create.addEventListener('click', async () => {
    error.hidden = true;
    create.disabled = true;
    try {
      const { data } = await api(base, { method: 'POST' });
      showCreated(data);
      await refresh();
    } catch (e) {
      showError(error, e);
    } finally {
      create.disabled = false;
    }
  });

  container.replaceChildren(
    el('h2', { id: 'share-title', text: 'Share with a coach' }),
    el('p', { class: 'muted small', text: 'A link lets any signed-in person read this replay and scorecard and '
      + 'comment on turns, until you revoke it. It does not show your username or your other interviews.' }),
    el('div', { class: 'row' }, create), created, error, links);
  container.setAttribute('aria-labelledby', 'share-title');
  return refresh();
}
