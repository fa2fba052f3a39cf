package dev.mlsdmock.flow;

import java.util.List;

/**
 * What the interviewer's next turn must do, decided by the stage policy. An interviewer (offline templates or an
 * LLM) only puts it into words; it never decides the stage. The plan names rubric facts and signals by id: the
 * words belong to the rubric, which the interviewer reads them from.
 *
 * @param kind        what the turn does
 * @param stage       the stage the turn belongs to (the new one after a transition)
 * @param from        the stage being left, for a transition; otherwise the same as {@code stage}
 * @param factIds     ids of the facts the candidate asked for, to reveal in this turn
 * @param unanswered  questions of the candidate that the problem does not specify
 * @param probeId     id of the signal to ask about, for {@link Kind#PROBE}; otherwise null
 * @param variant     a counter for choosing between phrasings, so wording rotates deterministically
 * @param reason      why the stage is being left: for {@link Kind#CLOSE} which advance ended the last stage, for a
 *                    {@link Kind#PROBE} made before leaving on the candidate's request {@link Kind#ADVANCE_REQUESTED};
 *                    otherwise null
 * @param hintStep    for {@link Kind#HINT}: 0 for the first nudge about {@code probeId}, then 1, 2... for the
 *                    more specific pointers; -1 when nothing is left to hint (and for every other kind)
 */
public record TurnPlan(Kind kind, Stage stage, Stage from, List<String> factIds, int unanswered, String probeId,
                       int variant, Kind reason, int hintStep) {

    public TurnPlan {
        factIds = List.copyOf(factIds);
    }

    /** A plan with no particular reason and no hint. */
    public TurnPlan(Kind kind, Stage stage, Stage from, List<String> factIds, int unanswered, String probeId, int variant) {
        this(kind, stage, from, factIds, unanswered, probeId, variant, null, -1);
    }

    public enum Kind {
        /** The first turn: the problem statement and the first question. */
        OPEN,
        /** Stay in the stage and ask about a signal the candidate has not shown. */
        PROBE,
        /** Stay in the stage; the candidate is mid-way (e.g. just got answers to their questions). */
        KEEP_GOING,
        /** Next stage: the current one's signals are covered, or every follow-up has been asked. */
        ADVANCE_COVERED,
        /** Next stage: the candidate asked to move on. */
        ADVANCE_REQUESTED,
        /** Next stage: the current one used up its time. */
        ADVANCE_OVER_TIME,
        /** The last stage is done: close the interview. */
        CLOSE,
        /** The candidate ended the interview before the last stage was done. */
        END_EARLY,
        /** Coach mode: a graduated hint toward a missing signal of the stage ({@code probeId}), on request. */
        HINT,
        /**
         * Not an interviewer turn and never planned: a candidate turn that is a version of their diagram (Mermaid
         * text) rather than an answer. It does not take the candidate's turn in the conversation.
         */
        DIAGRAM
    }

    public boolean changesStage() {
        return stage != from;
    }

    public boolean endsInterview() {
        return kind == Kind.CLOSE || kind == Kind.END_EARLY;
    }
}
