package dev.mlsdmock.interview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** One utterance in an interview transcript, the record of truth for everything else (grading, replay, LLM memory). */
@Entity
@Table(name = "turn")
public class Turn extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "interview_id", nullable = false)
    public UUID interviewId;

    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public Stage stage;

    @Column(name = "body", nullable = false, length = 16000)
    public String text;

    @Column(name = "spoken_at", nullable = false)
    public Instant at;

    @Column(name = "client_id")
    public String clientId;

    /** For an interviewer turn: what it did (opened, probed, moved on, closed). */
    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    public TurnPlan.Kind kind;

    /** For an interviewer turn: the rubric signal it asked about, if it was a follow-up. */
    @Column(name = "probe")
    public String probe;

    /** For a candidate turn: the rubric signals it showed, comma-separated. */
    @Column(name = "signals")
    public String signals;

    /**
     * For an interviewer turn: who produced it: {@code offline}, {@code <provider>/<model>}, {@code offline-fallback}
     * (the model failed) or {@code offline-budget} (the token budget was spent).
     */
    @Column(name = "source")
    public String source;

    /**
     * For a candidate turn: the signals it showed first after an interviewer turn asked about them, as
     * {@code signal@seq} pairs, comma-separated; null when every signal was raised unprompted.
     */
    @Column(name = "prompted")
    public String prompted;

    /** For a model-spoken turn: the prompt tokens of the call, when the provider reported them. */
    @Column(name = "input_tokens")
    public Integer inputTokens;

    /** For a model-spoken turn: the completion tokens of the call, when the provider reported them. */
    @Column(name = "output_tokens")
    public Integer outputTokens;

    /** A candidate's answer, with the ids of the rubric signals it showed. */
    public static Turn candidate(UUID interviewId, int seq, Stage stage, String text, Instant at, String clientId,
                                 Set<String> signals) {
        Turn turn = said(interviewId, seq, Role.CANDIDATE, stage, text, at);
        turn.clientId = clientId;
        turn.signals = signals == null || signals.isEmpty() ? null : String.join(",", new TreeSet<>(signals));
        return turn;
    }

    /** A version of the candidate's diagram (Mermaid text): a candidate turn of kind diagram, with no signals. */
    public static Turn diagram(UUID interviewId, int seq, Stage stage, String text, Instant at, String clientId) {
        Turn turn = candidate(interviewId, seq, stage, text, at, clientId, Set.of());
        turn.kind = TurnPlan.Kind.DIAGRAM;
        return turn;
    }

    /**
     * An interviewer turn that carried out {@code plan}.
     *
     * @param source who put it into words (see {@link #source}); tokens may be null when not reported
     */
    public static Turn interviewer(UUID interviewId, int seq, TurnPlan plan, String text, Instant at, String source,
                                   Integer inputTokens, Integer outputTokens) {
        Turn turn = said(interviewId, seq, Role.INTERVIEWER, plan.stage(), text, at);
        turn.source = source;
        turn.inputTokens = inputTokens;
        turn.outputTokens = outputTokens;
        turn.kind = plan.kind();
        turn.probe = plan.probeId();
        return turn;
    }

    /** An interviewer turn of an imported transcript: its words only, no plan behind it. */
    public static Turn importedInterviewer(UUID interviewId, int seq, Stage stage, String text, Instant at) {
        return said(interviewId, seq, Role.INTERVIEWER, stage, text, at);
    }

    /** What every turn has: who said what, when, in which stage, at which place in the transcript. */
    private static Turn said(UUID interviewId, int seq, Role role, Stage stage, String text, Instant at) {
        Turn turn = new Turn();
        turn.interviewId = interviewId;
        turn.seq = seq;
        turn.role = role;
        turn.stage = stage;
        turn.text = text;
        turn.at = at;
        return turn;
    }

    /** Records which of the turn's signals were asked for first, and by which interviewer turn. */
    public Turn promptedBy(Map<String, Integer> bySignal) {
        prompted = bySignal.isEmpty() ? null : bySignal.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                .sorted().collect(Collectors.joining(","));
        return this;
    }

    public TurnView view() {
        return new TurnView(seq, role, stage, text, at, clientId, kind, probe, signalIds(), source, inputTokens,
                outputTokens, promptedMap());
    }

    private Map<String, Integer> promptedMap() {
        Map<String, Integer> map = new TreeMap<>();
        if (prompted != null && !prompted.isBlank()) {
            for (String pair : prompted.split(",")) {
                int at = pair.lastIndexOf('@');
                map.put(pair.substring(0, at), Integer.parseInt(pair.substring(at + 1)));
            }
        }
        return map;
    }

    public Set<String> signalIds() {
        if (signals == null || signals.isBlank()) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.asList(signals.split(",")));
    }

    /** The highest seq of the interview's turns; 0 before the first. */
    public static int lastSeq(UUID interviewId) {
        Integer max = getEntityManager()
                .createQuery("select max(t.seq) from Turn t where t.interviewId = :id", Integer.class)
                .setParameter("id", interviewId).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Whether a turn other than a diagram version was stored after {@code seq}. */
    public static boolean spokenSince(UUID interviewId, int seq) {
        return count("interviewId = ?1 and seq > ?2 and (kind is null or kind <> ?3)", interviewId, seq,
                TurnPlan.Kind.DIAGRAM) > 0;
    }

    /** What the interviewer said last, or null before its first turn. */
    public static String lastInterviewerText(UUID interviewId) {
        return find("interviewId = ?1 and role = ?2 order by seq desc", interviewId, Role.INTERVIEWER)
                .firstResultOptional().map(t -> ((Turn) t).text).orElse(null);
    }

    public static List<Turn> transcript(UUID interviewId) {
        return list("interviewId = ?1 order by seq", interviewId);
    }

    public static Optional<Turn> byClientId(UUID interviewId, String clientId) {
        return find("interviewId = ?1 and clientId = ?2", interviewId, clientId).firstResultOptional();
    }
}
