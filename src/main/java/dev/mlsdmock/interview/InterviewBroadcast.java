package dev.mlsdmock.interview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers a frame to every socket of an interview on every instance: work finished on one instance (a scorecard
 * graded there) reaches a candidate whose socket is open on another. On PostgreSQL the frame travels as a
 * {@code NOTIFY} on one channel that every instance {@code LISTEN}s to ({@link PgFrameListener}), this one included,
 * so delivery is the same wherever the socket is. On H2 (one instance on a laptop) it is delivered in-process.
 * A notification sent while an instance is reconnecting its listener is lost to it; the client still finds the
 * result on reconnect and through the REST API.
 */
@ApplicationScoped
public class InterviewBroadcast {

    static final String CHANNEL = "mlsd_interview_frames";
    private static final Logger LOG = Logger.getLogger(InterviewBroadcast.class);

    private final InterviewConnections connections;
    private final ObjectMapper json;
    private final DataSource database;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile PgFrameListener listener;

    public InterviewBroadcast(InterviewConnections connections, ObjectMapper json, DataSource database,
                              @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                              @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.connections = connections;
        this.json = json;
        this.database = database;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (shared()) {
            listener = PgFrameListener.start(url, user.orElse(""), password.orElse(""), CHANNEL, this::received);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        PgFrameListener l = listener;
        if (l != null) {
            l.stop();
        }
    }

    /** Sends the frame to the interview's sockets here and on the other instances sharing the database. */
    public void publish(UUID interviewId, Object frame) {
        if (!shared()) {
            connections.send(interviewId, frame);
            return;
        }
        try (Connection c = database.getConnection(); PreparedStatement notify = c.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, interviewId + " " + json.writeValueAsString(frame));
            notify.execute();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warnf("Could not notify other instances about interview %s (%s); delivering here only", interviewId, e);
            connections.send(interviewId, frame);
        }
    }

    /** Whether this instance listens for other instances' frames (and is ready to receive them). */
    public boolean listening() {
        PgFrameListener l = listener;
        return !shared() || (l != null && l.listening());
    }

    private boolean shared() {
        return url.startsWith("jdbc:postgresql:");
    }

    private void received(String payload) {
        int space = payload.indexOf(' ');
        try {
            UUID interviewId = UUID.fromString(payload.substring(0, space));
            JsonNode frame = json.readTree(payload.substring(space + 1));
            connections.send(interviewId, frame);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warnf("Ignored a malformed notification on %s: %s", CHANNEL, e.toString());
        }
    }
}
