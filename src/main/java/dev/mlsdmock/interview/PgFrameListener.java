package dev.mlsdmock.interview;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * One thread with its own PostgreSQL connection (outside the pool, so it never takes a connection from requests)
 * that {@code LISTEN}s on a channel and hands each payload on. pgjdbc reads notifications only when asked, so the
 * thread asks with a timeout in a loop; after a lost connection it reconnects with a growing pause.
 */
final class PgFrameListener {

    private static final Logger LOG = Logger.getLogger(PgFrameListener.class);
    private static final int POLL_MILLIS = 5_000;
    private static final long MAX_PAUSE_MILLIS = 10_000;

    private final String url;
    private final Properties credentials = new Properties();
    private final String channel;
    private final Consumer<String> payloads;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean listening;
    private volatile Connection connection;

    private PgFrameListener(String url, String user, String password, String channel, Consumer<String> payloads) {
        this.url = url;
        this.credentials.setProperty("user", user);
        this.credentials.setProperty("password", password);
        this.channel = channel;
        this.payloads = payloads;
        this.thread = new Thread(this::run, "pg-listen-" + channel);
        this.thread.setDaemon(true);
    }

    static PgFrameListener start(String url, String user, String password, String channel, Consumer<String> payloads) {
        PgFrameListener listener = new PgFrameListener(url, user, password, channel, payloads);
        listener.thread.start();
        return listener;
    }

    boolean listening() {
        return listening;
    }

    void stop() {
        stopping = true;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the listen connection: %s", e);
            }
        }
    }

    private void run() {
        long pause = 500;
        while (!stopping) {
            // The driver directly, not DriverManager: in the packaged app the driver is not registered with it.
            try (Connection c = new org.postgresql.Driver().connect(url, credentials)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                pause = 500;
                while (!stopping) {
                    PGNotification[] received = pg.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification n : received) {
                            payloads.accept(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopping) {
                    return;
                }
                LOG.warnf("Listening on %s failed (%s); reconnecting in %d ms", channel, e.toString(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    return;
                }
                pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
            }
        }
    }
}
