package dev.mlsdmock.grading.importing;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/interviews/import},
 * {@code {"problemId", "turns": [{"role", "text", "at"?, "stage"?}], "level"?}},
 * as the client sent it: values are checked here, in plain Java, with errors that name the field
 * ({@code turns[3].role}). The problem and level are checked by their registries ({@code RubricRegistry.require},
 * {@code Level.require}).
 *
 * @param problemId null when missing or not text
 * @param turns     null when missing or not a list
 * @param level     null when missing (the default level)
 */
public record ImportRequest(String problemId, List<Turn> turns, String level) {

    /**
     * One turn as sent.
     *
     * @param role "candidate" or "interviewer"; anything else is rejected by {@link #lines}
     * @param text null when missing or not text
     * @param at    an ISO-8601 instant, or null when missing
     * @param stage the interview stage the turn belongs to ({@code clarify} ... {@code monitor}), or null to let the
     *              import infer it from what was said
     * @param kind  {@code "diagram"} for a version of the candidate's diagram (Mermaid text), or null for words
     */
    public record Turn(String role, String text, String at, String stage, String kind) {

        public Turn(String role, String text, String at) {
            this(role, text, at, null, null);
        }

        public Turn(String role, String text, String at, String stage) {
            this(role, text, at, stage, null);
        }
    }

    /**
     * A checked turn: its role, its text (stripped), when it was said and its stage (each null when not given), and
     * whether it is a version of the candidate's diagram.
     */
    public record Line(Role role, String text, Instant at, Stage stage, boolean diagram) {

        public Line(Role role, String text, Instant at) {
            this(role, text, at, null, false);
        }

        public Line(Role role, String text, Instant at, Stage stage) {
            this(role, text, at, stage, false);
        }
    }

    /**
     * The turns, checked in order.
     *
     * @throws ApiException {@code invalid_transcript} (naming the field), {@code transcript_too_long},
     *                      {@code turn_too_long} or {@code no_candidate_turn}
     */
    public List<Line> lines(int maxTurns, int maxTurnChars) {
        return lines(maxTurns, maxTurnChars, Long.MAX_VALUE);
    }

    /**
     * The turns, checked in order, with a bound on all turns' characters together (the CPU an import costs grows
     * with it: stage placement and grading embed every sentence).
     *
     * @throws ApiException as {@link #lines(int, int)}, and {@code transcript_too_long} naming {@code turns} when the
     *                      text of all turns together is longer than {@code maxTotalChars}
     */
    public List<Line> lines(int maxTurns, int maxTurnChars, long maxTotalChars) {
        if (turns == null || turns.isEmpty()) {
            throw invalid("\"turns\" must be a non-empty list of {\"role\", \"text\", \"at\"?}.");
        }
        if (turns.size() > maxTurns) {
            throw ApiException.badRequest("transcript_too_long", "The transcript has " + turns.size()
                    + " turns; at most " + maxTurns + " can be imported.");
        }
        long total = turns.stream().mapToLong(t -> t == null || t.text() == null ? 0 : t.text().length()).sum();
        if (total > maxTotalChars) {
            throw ApiException.badRequest("transcript_too_long", "turns: the transcript has " + total
                    + " characters in all; at most " + maxTotalChars + " can be imported. Import it in parts, or "
                    + "leave out what is not part of the interview.");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            lines.add(line("turns[" + i + "]", turns.get(i), maxTurnChars));
        }
        if (lines.stream().noneMatch(l -> l.role() == Role.CANDIDATE)) {
            throw ApiException.badRequest("no_candidate_turn", "The transcript has no candidate turn, so there is nothing to grade.");
        }
        return lines;
    }

    private static Line line(String path, Turn t, int maxTurnChars) {
        Role role = switch (t.role() == null ? "" : t.role()) {
            case "candidate" -> Role.CANDIDATE;
            case "interviewer" -> Role.INTERVIEWER;
            default -> throw invalid(path + ".role is '" + (t.role() == null ? "" : t.role())
                    + "'; it must be \"candidate\" or \"interviewer\".");
        };
        if (t.text() == null || t.text().isBlank()) {
            throw invalid(path + ".text must be non-empty text.");
        }
        if (t.text().length() > maxTurnChars) {
            throw ApiException.badRequest("turn_too_long", path + ".text has " + t.text().length()
                    + " characters; at most " + maxTurnChars + " fit in one turn.");
        }
        Instant at = null;
        if (t.at() != null) {
            try {
                at = Instant.parse(t.at());
            } catch (DateTimeParseException e) {
                throw invalid(path + ".at is '" + t.at() + "'; use an ISO-8601 instant such as 2026-01-31T14:05:00Z.");
            }
        }
        Stage stage = null;
        if (t.stage() != null) {
            stage = Stage.fromId(t.stage()).orElseThrow(() -> invalid(path + ".stage is '" + t.stage()
                    + "'; it must be one of clarify, frame, data, model, evaluate, serve, monitor, or left out."));
        }
        boolean diagram = "diagram".equals(t.kind());
        if (t.kind() != null && (!diagram || role != Role.CANDIDATE)) {
            throw invalid(path + ".kind is '" + t.kind() + "'; it may only be \"diagram\", on a candidate turn, or left out.");
        }
        return new Line(role, t.text().strip(), at, stage, diagram);
    }

    static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_transcript", message);
    }
}
