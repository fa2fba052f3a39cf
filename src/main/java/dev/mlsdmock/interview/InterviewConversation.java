package dev.mlsdmock.interview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsdmock.interview.Frames.DeltaFrame;
import dev.mlsdmock.interview.Frames.EndedFrame;
import dev.mlsdmock.interview.Frames.ErrorFrame;
import dev.mlsdmock.interview.Frames.TurnFrame;
import dev.mlsdmock.interview.InterviewService.Acknowledged;
import dev.mlsdmock.interview.InterviewService.Snapshot;
import dev.mlsdmock.interview.InterviewService.Spoken;
import dev.mlsdmock.web.ApiException;
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

    private final InterviewService interviews;
    private final ObjectMapper json;
    private final Instance<ScorecardLinks> scorecards;

    public InterviewConversation(InterviewService interviews, ObjectMapper json, Instance<ScorecardLinks> scorecards) {
        this.interviews = interviews;
        this.json = json;
        this.scorecards = scorecards;
    }

    /** A client connected: the stage, every stored turn, then the opening (new interview) or a pending reply. */
    public void open(UUID id, FrameSink out) {
        Snapshot snapshot = interviews.snapshot(id);
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
            interviews.openIfNew(id, deltas(out)).ifPresent(s -> sendSpoken(s, out));
        } else if (snapshot.turns().get(snapshot.turns().size() - 1).role() == Role.CANDIDATE) {
            // The server stopped after storing an answer and before replying to it: reply now.
            interviews.reply(id, null, deltas(out)).ifPresent(s -> sendSpoken(s, out));
        }
    }

    public void receive(UUID id, String message, FrameSink out) {
        try {
            handle(id, message, out);
        } catch (ApiException e) {
            out.send(new ErrorFrame(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Failed to handle a frame of interview %s", id);
            out.send(new ErrorFrame("internal_error", "Something went wrong on the server. Anything acknowledged is "
                    + "stored; re-send an answer that was not acknowledged."));
        }
    }

    private void handle(UUID id, String message, FrameSink out) {
        if (message.length() > MAX_FRAME_CHARS) {
            throw ApiException.badRequest("frame_too_large", "The frame has " + message.length()
                    + " characters; a frame may have at most " + MAX_FRAME_CHARS + " (an answer at most 8000).");
        }
        JsonNode frame;
        try {
            frame = json.readTree(message);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "The frame is not valid JSON. Send e.g. "
                    + "{\"type\":\"answer\",\"clientId\":\"<uuid>\",\"text\":\"...\"}.");
        }
        if (frame == null || !frame.isObject()) {
            throw ApiException.badRequest("malformed_frame", "A frame is a JSON object with a \"type\".");
        }
        String type = frame.path("type").asText("");
        switch (type) {
            case "answer" -> answer(id, frame, out);
            case "advance" -> interviews.advance(id, deltas(out)).ifPresentOrElse(s -> sendSpoken(s, out), () -> notActive(id));
            case "end" -> end(id, out);
            default -> throw ApiException.badRequest("unknown_type", "Unknown frame type '" + type
                    + "'. The types are answer, advance and end.");
        }
    }

    private void answer(UUID id, JsonNode frame, FrameSink out) {
        JsonNode text = frame.get("text");
        JsonNode clientId = frame.get("clientId");
        if (text != null && !text.isTextual()) {
            throw ApiException.badRequest("invalid_answer", "\"text\" must be a string.");
        }
        Acknowledged ack = interviews.answer(id, clientId == null || !clientId.isTextual() ? null : clientId.asText(),
                text == null ? null : text.asText());
        out.send(TurnFrame.of(ack.turn()));
        if (!ack.duplicate()) {
            interviews.reply(id, ack.analysis(), deltas(out)).ifPresent(s -> sendSpoken(s, out));
        }
    }

    private void end(UUID id, FrameSink out) {
        Optional<Spoken> spoken = interviews.end(id, deltas(out));
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

    /** Where server frames go; the WebSocket endpoint serialises them to JSON text frames. */
    @FunctionalInterface
    public interface FrameSink {
        void send(Object frame);
    }
}
