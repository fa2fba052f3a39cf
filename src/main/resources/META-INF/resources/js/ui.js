// Small DOM helpers shared by the pages. Text from the server (and above all from the candidate) is only ever
// inserted as text nodes, never parsed as HTML.
import { api, get } from './api.js';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    // Through the CSSOM: the Content-Security-Policy forbids style attributes (docs/security.md).
    else if (key === 'style') node.style.cssText = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

export function showError(target, error) {
  target.textContent = error?.message ?? String(error);
  target.hidden = false;
}

/** A neutral message (a `notice` frame): shown in an info box, never styled or announced as an error. */
export function showNotice(target, notice) {
  target.textContent = notice?.message ?? String(notice);
  target.hidden = false;
}

export function param(name) {
  return new URLSearchParams(window.location.search).get(name);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = iso => (iso ? dateFormat.format(new Date(iso)) : '');

/** m:ss, or h:mm:ss for an hour or more. */
export function clock(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Fills the page header: who is logged in, and the log-out button. */
export async function initHeader() {
  const me = await get('/api/accounts/me');
  $('#who').textContent = me.username;
  $('#logout').addEventListener('click', async () => {
    await api('/api/session', { method: 'DELETE' });
    window.location.assign('/login.html?loggedOut=1');
  });
  return me;
}

/** Problem titles by id, for pages that only know an interview's problem id. */
export async function problemTitles() {
  const problems = await get('/api/problems');
  return new Map(problems.map(p => [p.id, p]));
}

/** A random UUID that also works outside secure contexts (plain http on a LAN address). */
export function uuid() {
  if (window.crypto?.randomUUID && window.isSecureContext) return window.crypto.randomUUID();
  const b = window.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
