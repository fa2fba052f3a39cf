package dev.mlsdmock.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Password checking and browser sessions (docs/security.md; every key is in the README's configuration table). */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /**
     * How many bcrypt hashes may run at once; 0 means one per CPU core. Each takes a core for about 60-90 ms, so
     * more than the cores only makes every login slower.
     */
    @WithDefault("0")
    int hashConcurrency();

    /** How long a login waits for a free hashing slot before the server answers 503 with {@code Retry-After}. */
    @WithDefault("2s")
    Duration hashQueueWait();

    /**
     * How long a verified username and password are remembered (as a keyed hash, never the password), so API clients
     * on HTTP Basic do not pay a bcrypt per request. 0 turns the cache off.
     */
    @WithDefault("60s")
    Duration credentialCacheTtl();

    /** Most credentials the cache holds. */
    @WithDefault("10000")
    int credentialCacheSize();

    /**
     * The absolute lifetime of a browser session: however active, the user logs in again after this long. The idle
     * timeout is {@code quarkus.http.auth.form.timeout}.
     */
    @WithDefault("12h")
    Duration sessionLifetime();
}
