package dev.mlsdmock.interview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsdmock.interview.Frames.DeltaFrame;
import dev.mlsdmock.interview.Frames.EndedFrame;
import dev.mlsdmock.interview.Frames.ErrorFrame;
import dev.mlsdmock.interview.Frames.NoticeFrame;
import dev.mlsdmock.interview.Frames.TurnFrame;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.interview.InterviewDialogue.Snapshot;
import dev.mlsdmock.interview.InterviewDialogue.Spoken;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.error.Overloaded;
import dev.mlsdmock.limits.Limits;
import dev.mlsdmock.limits.RateLimiter;
import dev.mlsdmock.prompt.PromptLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The interview WebSocket protocol (docs/api.md), independent of the transport: reads client frames, drives the
 * {@link InterviewService}, and writes server frames to a {@link FrameSink}. A bad frame gets an {@code error}
 * frame and the connection stays usable.
 */
@ApplicationScoped
public class InterviewConversation {

    private static final Logger LOG = Logger.getLogger(InterviewConversation.class);
    static final int MAX_FRAME_CHARS = 64_000;

    private final InterviewDialogue dialogue;
    private final InterviewAnswers answers;
    private final ObjectMapper json;
    private final Instance<ScorecardLinks> scorecards;
    private final RateLimiter answerLimit;
    private final PromptLibrary prompts;
    private final InterviewMetrics metrics;
    private final InterviewDiagrams diagrams;

    public InterviewConversation(InterviewDialogue dialogue, InterviewAnswers answers, ObjectMapper json,
                                 Instance<ScorecardLinks> scorecards,
                                 Limits limits, PromptLibrary prompts, InterviewMetrics metrics,
                                 InterviewDiagrams diagrams) {
        this.dialogue = dialogue;
        this.answers = answers;
        this.diagrams = diagrams;
        this.json = json;
        this.scorecards = scorecards;
        this.answerLimit = limits.answersPerAccount();
        this.prompts = prompts;
        this.metrics = metrics;
    }

    /** A client connected: the stage, every stored turn, then the opening (new interview) or a pending reply. */
    public void open(UUID id, FrameSink out) {
        guarded(id, null, out, () -> replay(id, out));
    }

    private void replay(UUID id, FrameSink out) {
        Snapshot snapshot = dialogue.snapshot(id);
        out.send(snapshot.stage());
        snapshot.turns().forEach(t -> out.send(TurnFrame.of(t)));
        if (snapshot.ended()) {
            out.send(EndedFrame.INSTANCE);
            // A client that comes back after grading finished learns where the scorecard is, as if it had waited.
            scorecards.stream().flatMap(s -> s.readyScorecardUrl(id).stream()).findFirst()
                    .ifPresent(url -> out.send(new Frames.ScorecardFrame(url)));
            return;
        }
        if (snapshot.turns().isEmpty()) {
            dialogue.openIfNew(id, deltas(out)).ifPresent(s -> sendSpoken(s, out));
        } else if (InterviewState.endsWithCandidate(snapshot.turns())) {
            // The server stopped after storing an answer and before replying to it: reply now.
            dialogue.reply(id, null, deltas(out)).ifPresent(s -> sendSpoken(s, out));
        }
    }

    /** A frame from a client of the account {@code accountId} (whose answers are rate-limited). */
    public void receive(UUID id, long accountId, String message, FrameSink out) {
        ClientFrame frame;
        try {
            frame = parse(message);
        } catch (ApiException e) {
            out.send(new ErrorFrame(e.code(), e.getMessage(), e.retryAfterSeconds()));
            return;
        }
        // An error about an answer or a diagram version names its clientId, so the client knows which was refused.
        guarded(id, frame.clientId(), out, () -> handle(id, accountId, frame, out));
    }

    /** Runs one step of the protocol; what goes wrong becomes an error frame and the connection stays usable. */
    private void guarded(UUID id, String clientId, FrameSink out, Runnable step) {
        try {
            step.run();
        } catch (ApiException e) {
            out.send(new ErrorFrame(e.code(), e.getMessage(), e.retryAfterSeconds()).about(clientId));
        } catch (RuntimeException e) {
            if (Overloaded.isCause(e)) {
                LOG.warnf("Overloaded while handling a frame of interview %s: %s", id, e.toString());
                out.send(new ErrorFrame("overloaded", "The server is busy right now. Anything acknowledged is stored; "
                        + "re-send an answer that was not acknowledged in a few seconds.").about(clientId));
                return;
            }
            LOG.errorf(e, "Failed to handle a frame of interview %s", id);
            out.send(new ErrorFrame("internal_error", "Something went wrong on the server. Anything acknowledged is "
                    + "stored; re-send an answer that was not acknowledged.").about(clientId));
        }
    }

    private ClientFrame parse(String message) {
        if (message.length() > MAX_FRAME_CHARS) {
            throw ApiException.badRequest("frame_too_large", "The frame has " + message.length()
                    + " characters; a frame may have at most " + MAX_FRAME_CHARS + " (an answer at most 8000).");
        }
        JsonNode tree;
        try {
            tree = json.readTree(message);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "The frame is not valid JSON. Send e.g. "
                    + "{\"type\":\"answer\",\"clientId\":\"<uuid>\",\"text\":\"...\"}.");
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badRequest("malformed_frame", "A frame is a JSON object with a \"type\".");
        }
        return ClientFrame.of(tree);
    }

    private void handle(UUID id, long accountId, ClientFrame frame, FrameSink out) {
        switch (frame.type()) {
            case "answer" -> {
                limitAnswers(accountId);
                answer(id, frame, out);
            }
            case "advance" -> dialogue.advance(id, deltas(out)).ifPresentOrElse(s -> sendSpoken(s, out), () -> notActive(id));
            case "end" -> end(id, out);
            case "hint" -> hint(id, out);
            // A diagram version is stored and echoed; it is not an answer, so the interviewer does not reply to it.
            case "diagram" -> out.send(TurnFrame.of(diagrams.save(id, accountId, frame.clientId(), frame.text()).turn()));
            default -> throw ApiException.badRequest("unknown_type", "Unknown frame type '" + frame.type()
                    + "'. The types are answer, diagram, advance, end and hint.");
        }
    }

    private void answer(UUID id, ClientFrame frame, FrameSink out) {
        long received = System.nanoTime();
        boolean[] spoke = {false};
        FrameSink timed = f -> {
            if (!spoke[0] && (f instanceof DeltaFrame || f instanceof TurnFrame)) {
                spoke[0] = true;
                metrics.firstWords(received);
            }
            out.send(f);
        };
        // The echo comes from the thread that stored the answer, before any word of the reply.
        answers.answer(id, frame.clientId(), frame.text(), ack -> {
            out.send(TurnFrame.of(ack.turn()));
            if (!ack.duplicate()) {
                metrics.answerStored();
            }
        }, deltas(timed)).ifPresent(s -> {
            sendSpoken(s, timed);
            metrics.replied(received);
        });
    }

    private void limitAnswers(long accountId) {
        RateLimiter.Decision decision = answerLimit.tryAcquire(Long.toString(accountId));
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests("rate_limited", "Too many answers in a short time; nothing was stored. "
                    + "Send it again in " + decision.retryAfterSeconds() + " seconds.", decision.retryAfterSeconds());
        }
    }

    /** Coach mode gets the next hint as a turn; interview mode a polite notice, and the interview goes on. */
    private void hint(UUID id, FrameSink out) {
        if (!dialogue.coaching(id)) {
            out.send(new NoticeFrame("hints_off", prompts.offlinePhrases().hintRefused()));
            return;
        }
        dialogue.hint(id, deltas(out)).ifPresentOrElse(s -> sendSpoken(s, out), () -> notActive(id));
    }

    private void end(UUID id, FrameSink out) {
        Optional<Spoken> spoken = dialogue.end(id, deltas(out));
        if (spoken.isPresent()) {
            sendSpoken(spoken.get(), out);
        } else {
            out.send(EndedFrame.INSTANCE); // already ended: ending again is harmless
        }
    }

    private void notActive(UUID id) {
        throw ApiException.conflict("interview_ended", "This interview has ended; there is no next stage.");
    }

    private void sendSpoken(Spoken spoken, FrameSink out) {
        if (spoken.notice() != null) {
            out.send(new ErrorFrame(spoken.notice().code(), spoken.notice().message()));
        }
        if (spoken.stageChanged()) {
            out.send(spoken.stage());
        }
        out.send(TurnFrame.of(spoken.turn()));
        if (spoken.ended()) {
            out.send(EndedFrame.INSTANCE);
        }
    }

    private static BiConsumer<Integer, String> deltas(FrameSink out) {
        return (seq, text) -> out.send(new DeltaFrame(seq, text));
    }

    /**
     * A frame from the client (docs/api.md). Fields a frame type does not use are ignored; {@code text} must be a
     * string when present, and a {@code clientId} that is not a string counts as missing.
     */
    record ClientFrame(String type, String clientId, String text) {

        static ClientFrame of(JsonNode frame) {
            JsonNode text = frame.get("text");
            if (text != null && !text.isTextual() && !text.isNull()) {
                throw ApiException.badRequest("invalid_answer", "\"text\" must be a string.");
            }
            JsonNode clientId = frame.get("clientId");
            return new ClientFrame(frame.path("type").asText(""),
                    clientId != null && clientId.isTextual() ? clientId.asText() : null,
                    text == null || text.isNull() ? null : text.asText());
        }
    }

    /** Where server frames go; the WebSocket endpoint serialises them to JSON text frames. */
    @FunctionalInterface
    public interface FrameSink {
        void send(Object frame);
    }
}
