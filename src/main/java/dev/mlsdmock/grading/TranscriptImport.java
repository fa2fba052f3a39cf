package dev.mlsdmock.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.interview.Interview;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import dev.mlsdmock.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a transcript from outside (say, a human mock interview) as an ended interview of the account and queues
 * its grading in the same transaction. Everything is validated before anything is stored, with errors that name
 * the field ({@code turns[3].role}). Each candidate turn is placed in the stage whose rubric signals it shows most,
 * never going back a stage, so the stored interview reads like one run here.
 */
@ApplicationScoped
public class TranscriptImport {

    private static final Set<String> FIELDS = Set.of("problemId", "turns", "level");
    private static final Set<String> TURN_FIELDS = Set.of("role", "text", "at");

    private final InterviewService interviews;
    private final RubricRegistry rubrics;
    private final CoverageDetector coverage;
    private final GradingQueue queue;
    private final GradingConfig config;
    private final Clock clock;

    public TranscriptImport(InterviewService interviews, RubricRegistry rubrics, CoverageDetector coverage, GradingQueue queue, GradingConfig config,
                            Clock clock) {
        this.interviews = interviews;
        this.rubrics = rubrics;
        this.coverage = coverage;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }

    public record Imported(Interview interview, int turns) {
    }

    private record Line(Role role, String text, Instant at) {
    }

    public Imported importTranscript(long accountId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("A transcript is a JSON object: {\"problemId\", \"turns\": [{\"role\", \"text\", \"at\"?}], \"level\"?}.");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw invalid("Unknown field '" + name + "'; the fields are problemId, turns and level.");
            }
        }
        String problemId = body.path("problemId").isTextual() ? body.get("problemId").asText() : null;
        Rubric rubric = rubrics.find(problemId).orElseThrow(() -> ApiException.badRequest("unknown_problem",
                "There is no problem '" + problemId + "'. GET /api/problems lists the problem ids."));
        Level level = level(body.get("level"));
        List<Line> lines = lines(body.get("turns"));

        // Stage placement needs the embedding model: done before the transaction so no lock waits on it.
        List<Set<String>> detected = new ArrayList<>();
        for (Line line : lines) {
            detected.add(line.role() == Role.CANDIDATE ? coverage.detectSignals(rubric, line.text()) : Set.of());
        }
        List<Stage> stages = stages(rubric, lines, detected);
        List<InterviewService.ImportedTurn> turns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            turns.add(new InterviewService.ImportedTurn(line.role(), stages.get(i), line.text(), line.at(), detected.get(i)));
        }
        Interview interview = interviews.importEnded(accountId, rubric.id(), level, turns,
                id -> queue.enqueue(id, GradingTrigger.defaultGrader(config), level));
        return new Imported(interview, lines.size());
    }

    static Level level(JsonNode node) {
        if (node == null || node.isNull()) {
            return Level.DEFAULT;
        }
        String id = node.isTextual() ? node.asText() : node.toString();
        return Level.fromId(id).orElseThrow(() -> ApiException.badRequest("unknown_level",
                "There is no level '" + id + "'. The levels are " + Level.ids() + "."));
    }

    private List<Line> lines(JsonNode turns) {
        if (turns == null || !turns.isArray() || turns.isEmpty()) {
            throw invalid("\"turns\" must be a non-empty list of {\"role\", \"text\", \"at\"?}.");
        }
        if (turns.size() > config.importMaxTurns()) {
            throw ApiException.badRequest("transcript_too_long", "The transcript has " + turns.size()
                    + " turns; at most " + config.importMaxTurns() + " can be imported.");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            String path = "turns[" + i + "]";
            if (!t.isObject()) {
                throw invalid(path + " must be an object {\"role\", \"text\", \"at\"?}.");
            }
            for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!TURN_FIELDS.contains(name)) {
                    throw invalid(path + "." + name + " is not a turn field; the fields are role, text and at.");
                }
            }
            String roleText = t.path("role").asText("");
            Role role = switch (roleText) {
                case "candidate" -> Role.CANDIDATE;
                case "interviewer" -> Role.INTERVIEWER;
                default -> throw invalid(path + ".role is '" + roleText + "'; it must be \"candidate\" or \"interviewer\".");
            };
            JsonNode text = t.get("text");
            if (text == null || !text.isTextual() || text.asText().isBlank()) {
                throw invalid(path + ".text must be non-empty text.");
            }
            if (text.asText().length() > config.importMaxTurnChars()) {
                throw ApiException.badRequest("turn_too_long", path + ".text has " + text.asText().length()
                        + " characters; at most " + config.importMaxTurnChars() + " fit in one turn.");
            }
            Instant at = null;
            JsonNode atNode = t.get("at");
            if (atNode != null && !atNode.isNull()) {
                try {
                    at = Instant.parse(atNode.asText());
                } catch (DateTimeParseException e) {
                    throw invalid(path + ".at is '" + atNode.asText() + "'; use an ISO-8601 instant such as 2026-01-31T14:05:00Z.");
                }
            }
            lines.add(new Line(role, text.asText().strip(), at));
        }
        if (lines.stream().noneMatch(l -> l.role() == Role.CANDIDATE)) {
            throw ApiException.badRequest("no_candidate_turn", "The transcript has no candidate turn, so there is nothing to grade.");
        }
        return lines;
    }

    /** The stage of each turn: a candidate turn moves to the stage it shows most signals of, never backwards. */
    private static List<Stage> stages(Rubric rubric, List<Line> lines, List<Set<String>> detected) {
        Stage current = Stage.CLARIFY;
        Stage[] result = new Stage[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).role() != Role.CANDIDATE) {
                continue;
            }
            Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
            for (String signal : detected.get(i)) {
                for (Stage s : Stage.values()) {
                    if (rubric.stage(s).signals().stream().anyMatch(sig -> sig.id().equals(signal))) {
                        counts.merge(s, 1, Integer::sum);
                    }
                }
            }
            Stage best = current;
            int bestCount = counts.getOrDefault(current, 0);
            for (Stage s : Stage.values()) {
                if (s.ordinal() > current.ordinal() && counts.getOrDefault(s, 0) > bestCount) {
                    best = s;
                    bestCount = counts.get(s);
                }
            }
            current = best;
            result[i] = current;
        }
        // Interviewer turns belong to the stage of the answer that follows them (the question opens that stage).
        Stage next = current;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (result[i] == null) {
                result[i] = next;
            } else {
                next = result[i];
            }
        }
        return List.of(result);
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_transcript", message);
    }
}
