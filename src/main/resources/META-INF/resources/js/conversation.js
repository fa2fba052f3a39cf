// The interview page's conversation: stored turns, the interviewer's turn being streamed, and the candidate's
// answers not yet stored. It is updated in place, node by node, so assistive technology announces only what is new
// and a half-read turn never jumps. All text is inserted as text, never as HTML.
import { stageIndex, stageOf } from './stages.js';
import { isHint, speaker } from './turns.js';
import { el } from './ui.js';

/**
 * @returns render(state): state is {turns: Map seq -> turn frame, streaming: Map seq -> text so far, pending and
 *          unsent: [{clientId, text}], open: socket open, drill: stage id or null, stage: current stage id}
 */
export function conversationView(list) {
  const nodes = new Map(); // key -> element: d<seq> stage divider, t<seq> turn, s<seq> streaming turn, p<clientId> pending

  function node(key, create) {
    if (!nodes.has(key)) nodes.set(key, create());
    return nodes.get(key);
  }

  return function render({ turns, streaming, pending, unsent, open, drill, stage }) {
    const nearBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
    const desired = [];
    let lastStage = null;
    const seqs = [...new Set([...turns.keys(), ...streaming.keys()])].sort((a, b) => a - b);
    for (const seq of seqs) {
      const turn = turns.get(seq);
      const turnStage = turn?.stage ?? stage;
      if (turnStage && turnStage !== lastStage) {
        const divider = node(`d${seq}`, () => el('li', { class: 'stage-divider', 'aria-hidden': 'true' }));
        divider.textContent = drill ? `Drill · ${stageOf(turnStage).long}` : `Step ${stageIndex(turnStage) + 1} · ${stageOf(turnStage).long}`;
        desired.push(divider);
        lastStage = turnStage;
      }
      if (turn) {
        nodes.delete(`s${seq}`);
        desired.push(node(`t${seq}`, () => turnItem(turn)));
      } else {
        const item = node(`s${seq}`, () => el('li', { class: 'turn interviewer streaming', dataset: { seq } },
          el('div', { class: 'meta' }, el('span', { text: 'Interviewer' }), el('span', { text: 'typing…' })),
          el('p', { class: 'text' })));
        item.querySelector('.text').textContent = streaming.get(seq);
        desired.push(item);
      }
    }
    const pendingKeys = new Set(pending.map(p => `p${p.clientId}`));
    for (const key of [...nodes.keys()]) {
      if (key.startsWith('p') && !pendingKeys.has(key)) nodes.delete(key);
    }
    for (const p of pending) {
      const item = node(`p${p.clientId}`, () => el('li', { class: 'turn candidate pending', dataset: { clientId: p.clientId } },
        el('div', { class: 'meta' }, el('span', { text: 'You' }), el('span', { class: 'state' })),
        el('p', { class: 'text', text: p.text })));
      item.querySelector('.state').textContent = open ? 'sending…' : 'not sent yet: will send when reconnected';
      desired.push(item);
    }
    for (const u of unsent) {
      desired.push(node(`u${u.clientId}`, () => el('li', { class: 'turn candidate pending', dataset: { clientId: u.clientId } },
        el('div', { class: 'meta' }, el('span', { text: 'You' }), el('span', { text: 'not sent: the interview had already ended' })),
        el('p', { class: 'text', text: u.text }))));
    }
    desired.forEach((item, i) => {
      if (list.children[i] !== item) list.insertBefore(item, list.children[i] ?? null);
    });
    while (list.children.length > desired.length) list.lastElementChild.remove();
    list.setAttribute('aria-busy', streaming.size > 0 ? 'true' : 'false');
    if (nearBottom) window.scrollTo(0, document.body.scrollHeight);
  };
}

function turnItem(turn) {
  const time = new Date(turn.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return el('li', { class: `turn ${turn.role}${isHint(turn) ? ' hint' : ''}`, dataset: { seq: turn.seq } },
    el('div', { class: 'meta' }, el('span', { text: speaker(turn, 'You') }), el('time', { datetime: turn.at, text: time })),
    el('p', { class: 'text', text: turn.text }));
}
