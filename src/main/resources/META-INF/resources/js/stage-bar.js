// The interview page's stage bar and the countdown of the current stage (past its budget, a gentle "over time"
// note). A stage drill shows its one stage only.
import { STAGES, stageIndex, stageOf } from './stages.js';
import { clock, el } from './ui.js';

export function stageBar(ui) {
  let stage = null; // last stage frame, with the local time it arrived
  let drill = null;
  let ended = false;

  function render() {
    if (drill) {
      const s = stageOf(drill);
      ui.stagebar.classList.add('drill');
      ui.stagebar.replaceChildren(el('li', { class: 'current', 'aria-current': 'step', dataset: { stage: s.id } },
        el('span', { class: 'n', text: `Drill · step ${stageIndex(s.id) + 1} of 7` }), el('span', { class: 'name', text: s.long })));
      ui.stageLabel.textContent = `Drill: ${s.long} only`;
      return;
    }
    const current = stageIndex(stage?.stage);
    ui.stagebar.replaceChildren(...STAGES.map((s, i) => el('li', {
      class: i < current ? 'done' : i === current ? 'current' : '',
      'aria-current': i === current ? 'step' : null,
      dataset: { stage: s.id },
    }, el('span', { class: 'n', text: `${i + 1}` }), el('span', { class: 'name', text: s.name }))));
    ui.stageLabel.textContent = `Step ${stage.index} of 7: ${stageOf(stage.stage).long}`;
  }

  function tick() {
    if (!stage) return;
    if (ended) {
      ui.clock.textContent = '';
      ui.clock.className = 'clock';
      ui.clockNote.textContent = '';
      return;
    }
    const left = stage.remainingSeconds - (performance.now() - stage.receivedAt) / 1000;
    if (left >= 0) {
      ui.clock.textContent = `${clock(left)} left`;
      ui.clock.className = left <= 60 ? 'clock soon' : 'clock';
      ui.clockNote.textContent = '';
    } else {
      ui.clock.textContent = `${clock(-left)} over`;
      ui.clock.className = 'clock over';
      ui.clockNote.textContent = ui.clockNote.textContent || 'Time for this step is up; wrap up and move on when you are ready.';
    }
  }

  return {
    /** A stage frame: the bar and the countdown follow it. */
    onStage(frame) {
      stage = { ...frame, receivedAt: performance.now() };
      render();
      tick();
    },
    setDrill(stageId) {
      drill = stageId;
    },
    onEnded() {
      ended = true;
      tick();
    },
    tick,
    /** The id of the current stage, or undefined before the first stage frame. */
    current: () => stage?.stage,
  };
}
