// Stage drills on the home page: the practice plan (GET /api/practice-plan) with the next drill and its reason, the
// other drills due now and the upcoming repeats, and starting a drill (POST /api/interviews with "drill").
import { api } from './api.js';
import { stageOf } from './stages.js';
import { el, formatDate } from './ui.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a drill of one stage and opens it. */
export async function startDrill({ problemId, stage, level, mode, interviewer }) {
  const body = { problemId, drill: stage, level, mode };
  if (interviewer) body.interviewer = interviewer;
  const { data } = await api('/api/interviews', { method: 'POST', body });
  window.location.assign(`/interview.html?id=${encodeURIComponent(data.id)}`);
}

/** "in 3 days", "tomorrow", "today" from the plan's own clock, so the page and the server agree. */
function when(due, now) {
  const days = Math.ceil((Date.parse(due) - Date.parse(now)) / DAY_MS);
  if (days <= 0) return 'due now';
  return days === 1 ? 'due tomorrow' : `due in ${days} days`;
}

/**
 * @param box      the plan's panel body
 * @param plan     the API's practice plan
 * @param problems problem id -> {title}
 * @param drill    called with a suggestion to start it
 */
export function renderPlan(box, plan, problems, drill) {
  box.replaceChildren();
  const title = id => problems.get(id)?.title ?? id;
  const [next, ...others] = plan.next;
  if (next) {
    const due = Date.parse(next.due) <= Date.parse(plan.now);
    box.append(el('div', { class: 'next-drill', id: 'next-drill', dataset: { stage: next.stage, problem: next.problemId } },
      el('h3', { text: `${due ? 'Next drill' : 'Coming up'}: ${stageOf(next.stage).long} on ${title(next.problemId)}` }),
      el('p', { class: 'reason', id: 'next-reason', text: next.reason }),
      el('button', { type: 'button', class: 'primary', id: 'start-next-drill', onclick: () => drill(next) },
        due ? 'Start this drill' : 'Drill it now anyway')));
  }
  if (others.length) {
    box.append(el('h3', { text: 'Also due now' }), el('ul', { class: 'plan-list', id: 'also-due' },
      ...others.map(s => el('li', { dataset: { stage: s.stage } },
        el('strong', { text: `${stageOf(s.stage).long}` }), ` on ${title(s.problemId)}. `,
        el('span', { class: 'muted small', text: s.reason }), ' ',
        el('button', { type: 'button', onclick: () => drill(s) }, `Drill ${stageOf(s.stage).name}`)))));
  }
  const repeats = plan.schedule.filter(e => e.lastDrilled && Date.parse(e.due) > Date.parse(plan.now))
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
  box.append(el('h3', { text: 'Upcoming repeats' }));
  box.append(repeats.length
    ? el('ul', { class: 'plan-list', id: 'repeats' }, ...repeats.map(e => el('li', { dataset: { stage: e.stage } },
      el('strong', { text: stageOf(e.stage).long }), ` — ${when(e.due, plan.now)} (${formatDate(e.due)}), `,
      el('span', { class: 'muted', text: `${e.drills} drill${e.drills === 1 ? '' : 's'} so far, repeats ${e.intervalDays} day${e.intervalDays === 1 ? '' : 's'} after the last` }))))
    : el('p', { class: 'muted', id: 'repeats', text: 'None yet: each drill schedules its repeat, 1 day after at first, '
      + 'then 3, 7 and 14 days while you meet the bar; a drill below the bar comes back after 1 day.' }));
}
