package dev.mlsdmock.browser;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test hold a streamed interviewer turn half-way, so it can look at the page while the reply is still
 * streaming, then let it finish. Open unless a test holds it.
 */
@ApplicationScoped
public class StreamGate {

    private volatile CountDownLatch latch = new CountDownLatch(0);

    public void hold() {
        latch = new CountDownLatch(1);
    }

    public void release() {
        latch.countDown();
    }

    void passThrough() {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A test held the stream gate for over a minute without releasing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
