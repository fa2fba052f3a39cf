package dev.mlsdmock.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where an interview stands, as plain values: who interviews, its current stage, when that stage started, and the
 * transcript so far. The stage policy decides from it; an interviewer words a turn with it.
 *
 * @param interviewer which interviewer the interview was created with: {@value #OFFLINE} or {@value #LLM}
 * @param tokenBudget the most tokens the interview's model calls may use; null for no limit
 * @param accountId   the account the interview belongs to, whose daily LLM budget its model calls use; null when
 *                    not known (plain logic and tests)
 * @param drill       for a stage drill, the one stage it practises (the interview opens and ends in it); null for a
 *                    full interview
 */
public record InterviewState(String interviewer, Integer tokenBudget, Stage stage, Instant stageStartedAt,
                             List<TurnView> turns, Long accountId, Stage drill) {

    public static final String OFFLINE = "offline";
    public static final String LLM = "llm";

    public InterviewState {
        turns = List.copyOf(turns);
    }

    /** A full interview (not a drill). */
    public InterviewState(String interviewer, Integer tokenBudget, Stage stage, Instant stageStartedAt,
                          List<TurnView> turns, Long accountId) {
        this(interviewer, tokenBudget, stage, stageStartedAt, turns, accountId, null);
    }

    /** An interview of no known account. */
    public InterviewState(String interviewer, Integer tokenBudget, Stage stage, Instant stageStartedAt, List<TurnView> turns) {
        this(interviewer, tokenBudget, stage, stageStartedAt, turns, null);
    }

    /** An offline interview with no token budget. */
    public InterviewState(Stage stage, Instant stageStartedAt, List<TurnView> turns) {
        this(OFFLINE, null, stage, stageStartedAt, turns, null);
    }

    /** The seq of the transcript's last turn; 0 before the first. */
    public int lastSeq() {
        return turns.isEmpty() ? 0 : turns.get(turns.size() - 1).seq();
    }

    /** The same interview with one more turn at the end of its transcript. */
    public InterviewState with(TurnView turn) {
        List<TurnView> more = new ArrayList<>(turns);
        more.add(turn);
        return new InterviewState(interviewer, tokenBudget, stage, stageStartedAt, more, accountId, drill);
    }

    /** Whether this is a stage drill: one stage, opened directly and closed when it ends. */
    public boolean isDrill() {
        return drill != null;
    }

    /** The tokens the interview's model calls have used so far (prompt and completion, every turn). */
    public long tokensUsed() {
        return turns.stream().mapToLong(t -> (t.inputTokens() == null ? 0 : t.inputTokens())
                + (t.outputTokens() == null ? 0 : t.outputTokens())).sum();
    }

    /** Who spoke the last interviewer turn ({@link TurnView#source()}), or "" before the first. */
    public String lastInterviewerSource() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.INTERVIEWER) {
                return turns.get(i).source() == null ? "" : turns.get(i).source();
            }
        }
        return "";
    }

    public int interviewerTurnCount() {
        return (int) turns.stream().filter(t -> t.role() == Role.INTERVIEWER).count();
    }

    /** Ids of the rubric signals any candidate turn has shown so far. */
    public Set<String> signalsShown() {
        Set<String> shown = new HashSet<>();
        turns.stream().filter(t -> t.role() == Role.CANDIDATE).forEach(t -> shown.addAll(t.signals()));
        return shown;
    }

    /** Ids of the signals the interviewer has already asked about in the current stage. */
    public Set<String> probedInStage() {
        Set<String> probed = new HashSet<>();
        turns.stream().filter(t -> t.role() == Role.INTERVIEWER && t.stage() == stage && t.probe() != null)
                .forEach(t -> probed.add(t.probe()));
        return probed;
    }

    /**
     * Which of a new candidate turn's signals were asked for first: each signal not shown before, with the seq of
     * the latest interviewer turn (probe or hint) that asked about it. The rest were raised unprompted.
     */
    public Map<String, Integer> promptedBy(Set<String> newSignals) {
        Set<String> before = signalsShown();
        Map<String, Integer> prompted = new TreeMap<>();
        for (TurnView t : turns) {
            if (t.role() == Role.INTERVIEWER && t.probe() != null && newSignals.contains(t.probe())
                    && !before.contains(t.probe())) {
                prompted.put(t.probe(), t.seq());
            }
        }
        return prompted;
    }

    /** How many hints about the signal the interviewer has given in the current stage. */
    public int hintsGiven(String signalId) {
        return (int) turns.stream().filter(t -> t.role() == Role.INTERVIEWER && t.stage() == stage
                && t.kind() == TurnPlan.Kind.HINT && signalId.equals(t.probe())).count();
    }

    /** The text of the interviewer's last turn, or null before the first: what a "can you tell me?" refers to. */
    public String lastInterviewerText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.INTERVIEWER) {
                return turns.get(i).text();
            }
        }
        return null;
    }

    public boolean hasCandidateTurnIn(Stage s) {
        return turns.stream().anyMatch(t -> t.role() == Role.CANDIDATE && !t.diagram() && t.stage() == s);
    }

    /** The latest version of the candidate's diagram, if they saved one. */
    public Optional<TurnView> latestDiagram() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).diagram()) {
                return Optional.of(turns.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether the interviewer's previous turn already said "what else", so the next one must move on. */
    public boolean keptGoingSinceLastCandidateTurn() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            TurnView t = turns.get(i);
            if (t.role() == Role.INTERVIEWER) {
                return t.kind() == TurnPlan.Kind.KEEP_GOING;
            }
        }
        return false;
    }

    /**
     * Whether the last utterance is the candidate's: the one the interviewer replies to. Diagram versions are not
     * utterances: saving a diagram never asks for a reply.
     */
    public boolean endsWithCandidate() {
        return endsWithCandidate(turns);
    }

    /** {@link #endsWithCandidate()} of a plain list of turns. */
    public static boolean endsWithCandidate(List<TurnView> turns) {
        return lastUtterance(turns).map(t -> t.role() == Role.CANDIDATE).orElse(false);
    }

    /** The last turn that is not a diagram version. */
    public Optional<TurnView> lastUtterance() {
        return lastUtterance(turns);
    }

    private static Optional<TurnView> lastUtterance(List<TurnView> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).diagram()) {
                return Optional.of(turns.get(i));
            }
        }
        return Optional.empty();
    }
}
