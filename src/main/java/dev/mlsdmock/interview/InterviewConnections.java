package dev.mlsdmock.interview;

import dev.mlsdmock.interview.InterviewConversation.FrameSink;
import dev.mlsdmock.limits.Limits;
import dev.mlsdmock.limits.SharedSlots;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket connections open on each interview in this instance, so work that finishes later and elsewhere
 * (a scorecard) can be pushed to whoever is watching. A client on another instance, or one that reconnects later,
 * finds the same result through the REST API.
 * <p>
 * It also counts them against {@code limits.sockets-per-account} on all instances ({@link SharedSlots}): the
 * upgrade check {@link #reserve reserves} a slot atomically (no check-then-act race), the opened socket takes the
 * reservation over, and closing releases it. A reservation whose socket never opened is released after
 * {@link #UNOPENED}; a heartbeat keeps this instance's slots alive.
 */
@ApplicationScoped
public class InterviewConnections {

    private static final Logger LOG = Logger.getLogger(InterviewConnections.class);

    /** How long an upgrade's reservation waits for its socket to open before it is released. */
    static final long UNOPENED = TimeUnit.SECONDS.toNanos(30);

    private record Open(UUID interviewId, long accountId, FrameSink sink, String slotId) {
    }

    private record Reservation(String slotId, long reservedAt) {
    }

    private final Map<String, Open> byConnection = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Reservation>> reserved = new ConcurrentHashMap<>();
    private final SharedSlots slots;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "socket-slot-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public InterviewConnections(Limits limits) {
        this.slots = limits.socketSlots();
        long every = Math.max(1000, slots.lease().toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes one of the account's socket slots for an upgrade about to be permitted; false when it has none left. */
    public boolean reserve(long accountId, int max) {
        String slotId = UUID.randomUUID().toString();
        if (!slots.tryAcquire(accountId, slotId, max)) {
            return false;
        }
        reserved.computeIfAbsent(accountId, k -> new ConcurrentLinkedDeque<>()).add(new Reservation(slotId, System.nanoTime()));
        return true;
    }

    public void opened(String connectionId, UUID interviewId, long accountId, FrameSink sink) {
        Deque<Reservation> mine = reserved.get(accountId);
        Reservation r = mine == null ? null : mine.poll();
        String slotId = r != null ? r.slotId() : null;
        if (slotId == null) {
            // Opened without a reservation (its reservation expired): count it anyway, the socket is real.
            slotId = UUID.randomUUID().toString();
            slots.tryAcquire(accountId, slotId, Integer.MAX_VALUE);
        }
        byConnection.put(connectionId, new Open(interviewId, accountId, sink, slotId));
    }

    /** How many interview sockets the account has open or being opened, on all instances. */
    public long openBy(long accountId) {
        return slots.live(accountId);
    }

    public void closed(String connectionId) {
        Open open = byConnection.remove(connectionId);
        if (open != null) {
            slots.release(open.slotId());
        }
    }

    private void beat() {
        try {
            long now = System.nanoTime();
            reserved.values().forEach(q -> q.removeIf(r -> {
                boolean stale = now - r.reservedAt() > UNOPENED;
                if (stale) {
                    slots.release(r.slotId());
                }
                return stale;
            }));
            slots.renew();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not renew this instance's socket slots");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        heartbeat.shutdownNow();
        try {
            slots.releaseAll();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not release this instance's socket slots at shutdown; they expire");
        }
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
