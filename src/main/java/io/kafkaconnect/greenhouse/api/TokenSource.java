package io.kafkaconnect.greenhouse.api;

import io.kafkaconnect.greenhouse.api.TokenEndpoint.Token;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one OAuth client (token URL + client id + acting user + client secret): minted lazily and
 * single-flight through its {@link TokenEndpoint}, and only when the cached one is about to expire or was refused,
 * since an API may keep only one active token per client (minting a new one revokes the old: Greenhouse reportedly
 * does, reference §3.2.6, UNCERTAIN) and the token endpoint has its own rate limit. Shared by the tasks of this JVM
 * that use the client through {@link SharedTokenSources}. Neither the secret nor a token appears in
 * {@code toString()}.
 */
public final class TokenSource {
    private final AtomicLong minted = new AtomicLong();
    private static final Logger log = LoggerFactory.getLogger(TokenSource.class);

    /** After a failed renewal while the old token is still valid, how long the old one is used before trying again. */
    static final Duration RENEWAL_RETRY = Duration.ofSeconds(10);

    private final String key;
    private final String fingerprint;
    private final String budgetKey;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private volatile Token current;

    /** @param key the client's keyed hash, secret included, that tells two secrets apart (see SharedTokenSources) */
    TokenSource(String key, OAuthClient client, Clock clock) {
        this.key = key;
        String id = ApiKeyCredentials.fingerprint(client.tokenUrl() + "\n" + client.clientId() + "\n"
                + (client.userId() == null ? "" : client.userId()));
        // the client part is stable across restarts; the secret part tells two secrets apart within this JVM
        this.fingerprint = id + "#" + key.substring(0, 6);
        this.budgetKey = "oauth:" + ApiKeyCredentials.fingerprint(client.tokenUrl() + "\n" + client.clientId());
        this.endpoint = new TokenEndpoint(client, fingerprint, clock);
        this.clock = clock;
    }

    String key() {
        return key;
    }

    /** A non-secret identity of this token source, safe to log. */
    /** Access tokens fetched so far, the first included. */
    public long minted() {
        return minted.get();
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** One rate budget per OAuth client (not per acting user): an API meters the credential (e.g. Greenhouse). */
    public String budgetKey() {
        return budgetKey;
    }

    /**
     * A valid access token: the cached one, or a new one minted now (single-flight: concurrent callers wait for one
     * request). Transient token-endpoint failures are retried per {@code retry}, waiting with {@code sleeper}.
     *
     * @throws ApiException          when the token endpoint refuses the credential (not retriable)
     * @throws TransientApiException when it stayed unreachable or failing through every retry
     * @throws StoppedException      when the sleeper was stopped during a wait
     */
    public String token(OkHttpClient http, Sleeper sleeper, RetryPolicy retry) {
        Token t = current;
        if (t != null && clock.instant().isBefore(t.renewAt())) {
            return t.value();
        }
        synchronized (this) {
            t = current;
            Instant now = clock.instant();
            if (t != null && now.isBefore(t.renewAt())) {
                return t.value();
            }
            try {
                current = endpoint.mint(http, sleeper, retry);
                minted.incrementAndGet();
            } catch (TransientApiException e) {
                Instant later = clock.instant();
                if (t != null && later.isBefore(t.expiresAt())) {
                    log.warn("OAuth client {}: renewing the access token failed ({}); the current token stays in use "
                            + "until it expires at {}", fingerprint, e.getMessage(), t.expiresAt());
                    Instant retryAt = later.plus(RENEWAL_RETRY);
                    current = new Token(t.value(), retryAt.isBefore(t.expiresAt()) ? retryAt : t.expiresAt(),
                            t.expiresAt());
                    return t.value();
                }
                current = null;
                throw e;
            }
            return current.value();
        }
    }

    /**
     * Whether {@code value} is the token {@link #token} hands out now: not replaced, not discarded, not due for
     * renewal. Waits for a renewal under way, whose new token may have revoked {@code value} at the API already.
     */
    public synchronized boolean isCurrent(String value) {
        Token t = current;
        return t != null && t.value().equals(value) && clock.instant().isBefore(t.renewAt());
    }

    /**
     * Forgets the cached token if it is {@code rejected} (the token a request was sent with and the API answered
     * 401 to), so the next {@link #token} call mints a new one. A token already replaced by another caller is kept.
     */
    public synchronized void invalidate(String rejected) {
        Token t = current;
        if (t != null && t.value().equals(rejected)) {
            log.info("OAuth client {}: the API refused the access token (HTTP 401); a new one will be requested",
                    fingerprint);
            current = null;
        }
    }

    /** Forgets the token: no task uses this source any more. */
    void forget() {
        current = null;
        log.info("OAuth client {}: no task uses its access token any more; it is forgotten", fingerprint);
    }

    @Override
    public String toString() {
        return "TokenSource[" + fingerprint + "]";
    }
}
