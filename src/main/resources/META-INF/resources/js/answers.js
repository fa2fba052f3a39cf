// The candidate's answers until the server has stored them: each is kept in localStorage until its echo arrives,
// sent again under the same clientId after a reconnect, and never lost. An answer still waiting when the interview
// ends is kept apart as unsent (shown, never sent).
import { uuid } from './ui.js';

export function answerQueue(interviewId, sendFrame) {
  const key = `mlsd.pending.${interviewId}`;
  let pending = load(); // [{clientId, text}] sent or to send, not yet echoed
  let unsent = []; // answers still waiting when the interview ended
  const sentAt = new Map(); // clientId -> when an answer was sent on the open connection, until its echo or refusal

  function load() {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? [];
    } catch {
      return [];
    }
  }

  function save() {
    if (pending.length) localStorage.setItem(key, JSON.stringify(pending));
    else localStorage.removeItem(key);
  }

  function send(answer) {
    if (sendFrame({ type: 'answer', clientId: answer.clientId, text: answer.text })) sentAt.set(answer.clientId, Date.now());
  }

  return {
    pending: () => pending,
    unsent: () => unsent,
    /** A new answer: kept, then sent (or sent on the next connect). */
    add(text) {
      const answer = { clientId: uuid(), text };
      pending.push(answer);
      save();
      send(answer);
    },
    /** After (re)connecting: the server replays every stored turn and recognises an answer it has by its clientId. */
    resendAll() {
      sentAt.clear();
      pending.forEach(send);
    },
    /** A stored turn with this clientId arrived: that answer is stored. */
    acknowledge(clientId) {
      sentAt.delete(clientId);
      const before = pending.length;
      pending = pending.filter(p => p.clientId !== clientId);
      if (pending.length !== before) save();
    },
    /** Whether this answer is waiting to be stored. */
    has(clientId) {
      return pending.some(p => p.clientId === clientId);
    },
    /** The answer was refused as it is (an answer error frame): it is no longer pending, and is returned. */
    refuse(clientId) {
      const refused = pending.find(p => p.clientId === clientId);
      pending = pending.filter(p => p.clientId !== clientId);
      sentAt.delete(clientId);
      save();
      return refused;
    },
    /** A rate limit refused the answer: it stays pending and is sent again after the given seconds. */
    retryLater(clientId, seconds) {
      sentAt.delete(clientId);
      setTimeout(() => {
        const answer = pending.find(p => p.clientId === clientId);
        if (answer && !sentAt.has(clientId)) send(answer); // a reconnect may have sent it meanwhile
      }, seconds * 1000);
    },
    /** The interview ended: what is still waiting can no longer be taken. */
    end() {
      unsent = unsent.concat(pending);
      pending = [];
      save();
    },
  };
}
