// The interview page's WebSocket: connects, reconnects with a growing back-off after a drop (asking the API first
// whether the interview is still there), and shows the connection state. What the frames mean is interview.js's.
import { get } from './api.js';
import { showError } from './ui.js';

const MAX_BACKOFF_MS = 30000;

/**
 * @param handlers {opened(), frame(frame), closed(), ended(): boolean}: opened after every (re)connect, closed
 *        after every drop; ended says whether the interview is over (then no reconnect)
 */
export function interviewSocket(id, ui, handlers) {
  let socket = null;
  let attempt = 0;
  let retryTimer = null;
  let everOpened = false;

  function connect() {
    clearTimeout(retryTimer);
    ui.retry.hidden = true;
    setConn(everOpened ? 'reconnecting' : 'connecting', everOpened ? 'Reconnecting…' : 'Connecting…');
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${window.location.host}/ws/interviews/${encodeURIComponent(id)}`);
    socket = ws;
    ws.addEventListener('open', () => {
      everOpened = true;
      attempt = 0;
      setConn('connected', 'Connected');
      handlers.opened();
    });
    ws.addEventListener('message', event => handlers.frame(JSON.parse(event.data)));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      handlers.closed();
      if (handlers.ended()) {
        setConn('closed', 'Interview ended');
        return;
      }
      scheduleReconnect();
    });
  }

  async function scheduleReconnect() {
    // A refused upgrade looks like any other failure to the browser; ask the API why before trying again.
    if (!everOpened || attempt > 0) {
      try {
        await get(`/api/interviews/${encodeURIComponent(id)}`);
      } catch (e) {
        if (e.status === 404) {
          setConn('offline', 'Not found');
          showError(ui.error, { message: 'There is no such interview for this account. Go back to the home page to start one.' });
          return;
        }
      }
    }
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) + Math.floor(Math.random() * 250);
    attempt += 1;
    setConn('reconnecting', `Connection lost · retrying in ${Math.ceil(delay / 1000)}s`);
    ui.retry.hidden = false;
    retryTimer = setTimeout(connect, delay);
  }

  function setConn(state, text) {
    ui.conn.className = `conn ${state}`;
    ui.conn.dataset.state = state;
    ui.conn.textContent = text;
  }

  ui.retry.addEventListener('click', () => {
    attempt = 0;
    connect();
  });
  window.addEventListener('online', () => {
    if (!socket && !handlers.ended()) connect();
  });

  return {
    connect,
    isOpen: () => socket?.readyState === WebSocket.OPEN,
    /** Sends a frame if the socket is open; false when it is not (the caller keeps what it could not send). */
    send(frame) {
      if (socket?.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(frame));
        return true;
      }
      return false;
    },
  };
}
