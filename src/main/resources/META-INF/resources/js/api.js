// Talking to our own REST API from the browser. Every call sends X-Requested-With: the server's CSRF check wants it
// on state-changing requests made with the session cookie, and it stops a 401 from opening the Basic dialog.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, { method = 'GET', body, allow = [] } = {}) {
  const headers = { 'X-Requested-With': 'fetch', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (res.status === 401) {
    // The session ended (logged out elsewhere, expired, or the server's key changed): log in again, then come back.
    window.location.reload();
    throw new ApiError(401, 'unauthorized', 'Your session has ended; please log in again.');
  }
  const data = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok && !allow.includes(res.status)) {
    throw new ApiError(res.status, data?.error ?? `http_${res.status}`,
      data?.message ?? `The server answered ${res.status}. Try again in a moment.`);
  }
  return { status: res.status, data };
}

export const get = (path, options) => api(path, options).then(r => r.data);
