// The seven steps of the framework, as the pages name them.
export const STAGES = [
  { id: 'clarify', name: 'Clarify', long: 'Clarify requirements' },
  { id: 'frame', name: 'Frame', long: 'Frame as an ML task' },
  { id: 'data', name: 'Data', long: 'Data and features' },
  { id: 'model', name: 'Model', long: 'Model' },
  { id: 'evaluate', name: 'Evaluate', long: 'Evaluation' },
  { id: 'serve', name: 'Serve', long: 'Serving' },
  { id: 'monitor', name: 'Monitor', long: 'Monitoring' },
];

export const stageIndex = id => STAGES.findIndex(s => s.id === id);
export const stageOf = id => STAGES[stageIndex(id)] ?? { id, name: id, long: id };

export const RECOMMENDATIONS = {
  'strong-hire': 'Strong hire',
  hire: 'Hire',
  'lean-hire': 'Lean hire',
  'lean-no-hire': 'Lean no hire',
  'no-hire': 'No hire',
};

export const LEVELS = { mid: 'Mid-level', senior: 'Senior', staff: 'Staff' };

/** A readable name from a criterion id such as grade-clarify-business-objective: "Business objective". */
export function criterionName(id, stage) {
  const words = id.replace(/^grade-/, '').replace(new RegExp(`^${stage}-`), '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stage drill's verdict (scorecard "drill.verdict"): its step score against the level's bar. */
export const VERDICTS = {
  'above-bar': 'Above the bar',
  'at-bar': 'Meets the bar',
  'below-bar': 'Below the bar',
};

/** The badge colour of a drill verdict, borrowed from the recommendations'. */
export const VERDICT_CLASSES = { 'above-bar': 'strong-hire', 'at-bar': 'hire', 'below-bar': 'no-hire' };
