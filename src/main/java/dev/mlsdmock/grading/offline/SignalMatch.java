package dev.mlsdmock.grading.offline;

/** A candidate sentence that shows a rubric signal, with its similarity, its substance and the credit it earns. */
record SignalMatch(CandidateSentence unit, double similarity, Substance substance, double credit) {

    /**
     * How much a matched signal is worth: a term in a bare list almost nothing (below the weak band on its own),
     * a statement a base, and the rest is earned by reasoning around it (0-3 points).
     */
    private static final double MENTION_CREDIT = 0.1;
    private static final double MATCH_BASE = 0.35;

    static SignalMatch of(CandidateSentence unit, double similarity, Substance substance) {
        return new SignalMatch(unit, similarity, substance, credit(substance));
    }

    /** The better evidence of the two: more credit, then closer, then said earlier (so the choice is deterministic). */
    boolean better(SignalMatch other) {
        if (credit != other.credit) {
            return credit > other.credit;
        }
        if (similarity != other.similarity) {
            return similarity > other.similarity;
        }
        return unit.seq() < other.unit.seq() || (unit.seq() == other.unit.seq() && unit.index() < other.unit.index());
    }

    private static double credit(Substance s) {
        return s.bareList() ? MENTION_CREDIT : MATCH_BASE + (1 - MATCH_BASE) * Math.min(s.points(), 3) / 3.0;
    }
}
