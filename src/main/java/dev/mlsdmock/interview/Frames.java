package dev.mlsdmock.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;

import java.time.Instant;

/** The JSON frames the server sends on the interview WebSocket (see docs/api.md). */
public final class Frames {

    private Frames() {
    }

    /** The current stage: 1-based index, seconds left in its budget (negative when over) and the budget itself. */
    public record StageFrame(String type, String stage, int index, long remainingSeconds, long budgetSeconds) {
        public StageFrame(String stage, int index, long remainingSeconds, long budgetSeconds) {
            this("stage", stage, index, remainingSeconds, budgetSeconds);
        }
    }

    /**
     * A stored turn. For a candidate turn it is also the acknowledgement of the answer with that client id.
     * {@code fallback} is true (and present) only on an interviewer turn the offline interviewer spoke in place of
     * the interview's model; it replaces any delta streamed for the same seq. {@code kind} is {@code "hint"} (and present)
     * only on a coach-mode hint, {@code "diagram"} only on a candidate's diagram version (Mermaid text).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TurnFrame(String type, int seq, String role, String stage, String text, Instant at, String clientId,
                            Boolean fallback, String kind) {
        public static TurnFrame of(TurnView t) {
            return new TurnFrame("turn", t.seq(), t.role().id(), t.stage().id(), t.text(), t.at(), t.clientId(),
                    t.fallback() ? Boolean.TRUE : null, kindOf(t));
        }

        private static String kindOf(TurnView t) {
            return t.kind() == TurnPlan.Kind.HINT ? "hint" : t.diagram() ? "diagram" : null;
        }
    }

    /** A piece of interviewer turn {@code seq} while it is being produced. */
    public record DeltaFrame(String type, int seq, String text) {
        public DeltaFrame(int seq, String text) {
            this("delta", seq, text);
        }
    }

    public record EndedFrame(String type) {
        public static final EndedFrame INSTANCE = new EndedFrame("ended");
    }

    /** The interview's scorecard is ready at {@code url} (sent after grading, which runs after the interview ended). */
    public record ScorecardFrame(String type, String url) {
        public ScorecardFrame(String url) {
            this("scorecard", url);
        }
    }

    /** Something the client should show, that is neither an error nor a turn (e.g. a hint refused in interview mode). */
    public record NoticeFrame(String type, String code, String message) {
        public NoticeFrame(String code, String message) {
            this("notice", code, message);
        }
    }

    /** A frame could not be handled; {@code retryAfterSeconds} only on {@code rate_limited}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorFrame(String type, String code, String message, Long retryAfterSeconds, String clientId) {
        public ErrorFrame(String code, String message) {
            this("error", code, message, null, null);
        }

        public ErrorFrame(String code, String message, Long retryAfterSeconds) {
            this("error", code, message, retryAfterSeconds, null);
        }

        /** The same error about the client's frame {@code clientId} (an answer or a diagram version), so it knows which. */
        public ErrorFrame about(String clientId) {
            return new ErrorFrame(type, code, message, retryAfterSeconds, clientId);
        }
    }
}
