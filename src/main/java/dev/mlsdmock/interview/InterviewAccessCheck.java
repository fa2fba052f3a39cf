package dev.mlsdmock.interview;

import dev.mlsdmock.account.AccountIdentityProvider;
import dev.mlsdmock.error.Overloaded;
import dev.mlsdmock.limits.Limits;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Refuses the WebSocket upgrade with 404 when the interview does not exist or belongs to someone else (the same
 * answer REST gives, so ids of other people's interviews cannot be probed), with 401 without credentials, and with
 * 429 when the account already has {@code limits.sockets-per-account} interview sockets open on all instances
 * (the slot is reserved here, atomically, and taken over by the socket when it opens), and 503 + Retry-After when
 * the database pool is exhausted.
 */
@ApplicationScoped
public class InterviewAccessCheck implements HttpUpgradeCheck {

    private static final Map<String, List<String>> RETRY = Map.of("Retry-After", List.of("30"));

    private final InterviewService interviews;
    private final InterviewConnections connections;
    private final int maxSockets;

    public InterviewAccessCheck(InterviewService interviews, InterviewConnections connections, Limits limits) {
        this.interviews = interviews;
        this.connections = connections;
        this.maxSockets = limits.socketsPerAccount();
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return endpointId.equals(InterviewSocket.class.getName());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        // A wrong password fails the identity itself: answer 401 here rather than let the failure travel on; a
        // server too busy to look the account up answers 503, so the client retries instead of asking for a password.
        return context.securityIdentity().onItemOrFailure().transformToUni((identity, failure) -> {
            if (failure != null && Overloaded.isCause(failure)) {
                return busy();
            }
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(401);
            }
            UUID id;
            try {
                id = UUID.fromString(context.pathParam("id"));
            } catch (IllegalArgumentException e) {
                return CheckResult.rejectUpgrade(404);
            }
            long accountId = identity.<Long>getAttribute(AccountIdentityProvider.ACCOUNT_ID);
            return Uni.createFrom().item(() -> !interviews.isOwnedBy(id, accountId) ? 404
                            : connections.reserve(accountId, maxSockets) ? 200 : 429)
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .flatMap(status -> status == 200 ? CheckResult.permitUpgrade()
                            : status == 429 ? CheckResult.rejectUpgrade(429, RETRY) : CheckResult.rejectUpgrade(404))
                    .onFailure(Overloaded::isCause).recoverWithUni(InterviewAccessCheck::busy);
        });
    }

    private static Uni<CheckResult> busy() {
        return CheckResult.rejectUpgrade(503, Map.of("Retry-After", List.of(String.valueOf(Overloaded.RETRY_AFTER_SECONDS))));
    }
}
