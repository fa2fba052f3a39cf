// The diagram pane of the replay player (replay and shared pages): it shows the candidate's diagram as it was at the
// current moment of playback, i.e. the latest version saved up to the turns revealed so far.
import { diagramView } from './mermaid-view.js';
import { $, el } from './ui.js';

/** The pane's nodes, hidden until the interview turns out to have a diagram. */
export function diagramPaneNode() {
  return el('section', { class: 'panel replay-diagram', id: 'replay-diagram', 'aria-label': 'The diagram at this moment', hidden: true },
    el('h2', { class: 'small' }, "The candidate's diagram at this moment ",
      el('span', { id: 'replay-diagram-version', class: 'muted' })),
    el('p', { id: 'replay-diagram-none', class: 'muted small', text: 'No diagram yet at this moment.' }),
    el('p', { id: 'replay-diagram-error', class: 'alert error diagram-error', role: 'status', hidden: true }),
    el('img', { id: 'replay-diagram-image', alt: "The candidate's diagram, rendered", hidden: true }));
}

/** A function of the revealed turns that keeps the pane on the newest diagram version among them. */
export function diagramFollower(allTurns) {
  $('#replay-diagram').hidden = !allTurns.some(t => t.kind === 'diagram');
  const render = diagramView($('#replay-diagram-image'));
  let shownSeq = null;
  return async revealed => {
    const versions = revealed.filter(t => t.kind === 'diagram');
    const current = versions[versions.length - 1];
    if ((current?.seq ?? null) === shownSeq) return;
    shownSeq = current?.seq ?? null;
    const image = $('#replay-diagram-image');
    const error = $('#replay-diagram-error');
    $('#replay-diagram-none').hidden = Boolean(current);
    $('#replay-diagram-version').textContent = current ? `(version ${versions.length}, turn ${current.seq})` : '';
    if (!current) {
      image.hidden = true;
      error.hidden = true;
      return;
    }
    const result = await render(current.text);
    if (shownSeq !== current.seq) return;
    error.hidden = result.ok;
    error.textContent = result.ok ? '' : `This version does not render: ${result.error}`;
  };
}
