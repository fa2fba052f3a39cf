// How a stored turn is labelled, the same on the interview and the replay page: a coach-mode hint is visibly a
// hint (its own label, and the `hint` class that gives it a dashed border), never mistaken for a question.
export const isHint = turn => turn.role === 'interviewer' && turn.kind === 'hint';

/** The speaker label of a turn; `candidate` is what the page calls the candidate ("You", "Candidate"). */
export function speaker(turn, candidate) {
  if (turn.role === 'candidate') return candidate;
  return isHint(turn) ? 'Interviewer · hint' : 'Interviewer';
}
