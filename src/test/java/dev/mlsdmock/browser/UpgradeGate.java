package dev.mlsdmock.browser;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test-only: while closed, the server refuses every WebSocket upgrade with 503, as a server that is restarting
 * would. Lets a browser test keep the page disconnected for as long as it needs. Open by default.
 */
@ApplicationScoped
public class UpgradeGate implements HttpUpgradeCheck {

    private volatile boolean closed;

    public void close() {
        closed = true;
    }

    public void open() {
        closed = false;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return closed ? CheckResult.rejectUpgrade(503) : CheckResult.permitUpgrade();
    }
}
