package dev.mlsdmock.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which session keys the packaged application refuses to start with (ProductionDefaultsIT checks the refusal). */
class SessionKeyCheckTest {

    @Test
    void refusesMissingShortPublishedAndNonRandomKeys() {
        assertThat(SessionKeyCheck.problem(Optional.empty())).get().asString().contains("not set");
        assertThat(SessionKeyCheck.problem(Optional.of("  "))).get().asString().contains("not set");
        assertThat(SessionKeyCheck.problem(Optional.of("please-change-this-to-a-long-random-secret")))
                .get().asString().contains("published");
        assertThat(SessionKeyCheck.problem(Optional.of("short-but-random-Xy7"))).get().asString().contains("shorter");
        assertThat(SessionKeyCheck.problem(Optional.of("a".repeat(40)))).get().asString().contains("not random");
    }

    @Test
    void acceptsAKeyFromOpensslRand() {
        assertThat(SessionKeyCheck.problem(Optional.of("q3J0k0m2e8hV1r5cX9ZpL4sT7wYbN6aF2dGhJkLmNoPqRsTuVwXyZ0123456789ab")))
                .isEmpty();
    }

    @Test
    void theHowToNamesTheVariableAndTheCommand() {
        assertThat(SessionKeyCheck.HOW).contains("SESSION_ENCRYPTION_KEY").contains("openssl rand -base64 48");
    }
}
