package dev.mlsdmock.interview;

import dev.mlsdmock.interview.InterviewConversation.FrameSink;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket connections open on each interview in this instance, so work that finishes later and elsewhere
 * (a scorecard) can be pushed to whoever is watching. A client on another instance, or one that reconnects later,
 * finds the same result through the REST API.
 */
@ApplicationScoped
public class InterviewConnections {

    private static final Logger LOG = Logger.getLogger(InterviewConnections.class);

    private record Open(UUID interviewId, long accountId, FrameSink sink) {
    }

    private final Map<String, Open> byConnection = new ConcurrentHashMap<>();

    public void opened(String connectionId, UUID interviewId, long accountId, FrameSink sink) {
        byConnection.put(connectionId, new Open(interviewId, accountId, sink));
    }

    /** How many interview sockets the account has open on this instance (the cap is limits.sockets-per-account). */
    public long openBy(long accountId) {
        return byConnection.values().stream().filter(o -> o.accountId() == accountId).count();
    }

    public void closed(String connectionId) {
        byConnection.remove(connectionId);
    }

    int openSockets() {
        return byConnection.size();
    }

    long liveInterviews() {
        return byConnection.values().stream().map(Open::interviewId).distinct().count();
    }

    /** Sends the frame to every open connection of the interview; a failing connection does not stop the others. */
    public void send(UUID interviewId, Object frame) {
        byConnection.values().stream().filter(o -> o.interviewId().equals(interviewId)).forEach(o -> {
            try {
                o.sink().send(frame);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Could not push a frame to a connection of interview %s", interviewId);
            }
        });
    }
}
