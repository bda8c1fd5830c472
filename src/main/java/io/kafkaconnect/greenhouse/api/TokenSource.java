package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OAuth 2.0 client-credentials access token per credential (token URL + client id + acting user + client
 * secret), shared by every task in this JVM that uses that credential: Greenhouse reportedly keeps only one active
 * token per client (minting a new one revokes the old; reference §3.2.6, UNCERTAIN), and the token endpoint has its
 * own rate limit, so tokens are minted single-flight, lazily, and only when the cached one is about to expire or was
 * refused.
 *
 * <p><b>Sharing.</b> Tasks {@link #acquire} the shared source and {@link #release} it when they stop; the last
 * release removes it from the registry and forgets its token. The registry is keyed by a keyed hash (HMAC-SHA256
 * with a random key made when this class loads) of the credential <em>including the secret</em>, never by the
 * secret itself: a connector configured with the same client id but another secret gets a source of its own and
 * must prove its secret at the token endpoint before it gets a token. {@link #forCheck} (validate()) uses the
 * shared source when one with the same key is in use, else a private one it does not register.
 *
 * <p><b>Two sources of one client.</b> Sources of the same client id with different secrets (a secret being rotated,
 * one of them stale) or different acting users coexist but do not coordinate. A stale secret is refused by the token
 * endpoint, so it never gets a token and revokes nothing; its connector fails naming the secret. If both are valid
 * and Greenhouse keeps one active token per client, each source's mint revokes the other's token: requests then meet
 * 401s, which are retried with a new token a bounded number of times (see {@link OAuthCredentials}) and can end as
 * a credential error when the other source mints between our mint and our request. The same holds for tasks of one
 * credential on different workers (each JVM has its own source). Run one secret and user per client id at a time.
 *
 * <p>The token request is {@code POST <token url>} with HTTP Basic {@code client_id:client_secret} and the form
 * {@code grant_type=client_credentials[&sub=<user id>]}; it goes to the configured token URL only (redirects are
 * not followed). The expiry is read from {@code expires_in} (seconds) or {@code expires_at} (ISO-8601), else
 * assumed to be one hour; the token is renewed {@link #RENEW_EARLY} before it expires (half its lifetime for very
 * short-lived tokens). The client secret and tokens never appear in logs, messages or {@code toString()}.
 */
public final class TokenSource {
    private static final Logger log = LoggerFactory.getLogger(TokenSource.class);
    /** Shared sources by {@link #keyOf}; sources are added, removed and their {@link #users} counted in compute(). */
    private static final ConcurrentMap<String, TokenSource> REGISTRY = new ConcurrentHashMap<>();
    /** The key of the secret's hash: random per JVM, so a hash in a log or heap dump cannot be checked offline. */
    private static final byte[] HASH_KEY = randomKey();

    static final String CLIENT_ID_KEY = "greenhouse.oauth.client.id";
    static final String CLIENT_SECRET_KEY = "greenhouse.oauth.client.secret";
    static final String USER_ID_KEY = "greenhouse.oauth.user.id";
    static final String TOKEN_URL_KEY = "greenhouse.oauth.token.url";

    /** How long before its expiry a token is replaced. */
    static final Duration RENEW_EARLY = Duration.ofSeconds(60);
    /** The lifetime assumed when the token response states none (Greenhouse documents one hour). */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    /** The lifetime assumed when the stated expiry already lies in the past by this worker's clock. */
    static final Duration SKEWED_LIFETIME = Duration.ofMinutes(5);
    /** The longest wait a 429 from the token endpoint may ask for (its window is reportedly 60 s). */
    static final Duration MAX_THROTTLE_WAIT = Duration.ofSeconds(60);
    /** After a failed renewal while the old token is still valid, how long the old one is used before trying again. */
    static final Duration RENEWAL_RETRY = Duration.ofSeconds(10);

    private final String key;
    private final String fingerprint;
    private final String budgetKey;
    private final HttpUrl tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String userId;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Token current;
    /** Tasks using this source while it is registered; only changed inside REGISTRY.compute() on {@link #key}. */
    private int users;

    /** A minted token; toString() leaves the value out. */
    private record Token(String value, Instant renewAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expires " + expiresAt + "]";
        }
    }

    private TokenSource(String key, HttpUrl tokenUrl, String clientId, String clientSecret, String userId,
                        Clock clock) {
        this.key = key;
        String client = ApiKeyCredentials.fingerprint(tokenUrl + "\n" + clientId + "\n"
                + (userId == null ? "" : userId));
        // the client part is stable across restarts; the secret part tells two secrets apart within this JVM
        this.fingerprint = client + "#" + key.substring(0, 6);
        this.budgetKey = "oauth:" + ApiKeyCredentials.fingerprint(tokenUrl + "\n" + clientId);
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.userId = userId;
        this.clock = clock;
    }

    /**
     * The shared token source of this credential, created on first use, for a task that {@link #release}s it when it
     * stops. All callers with the same token URL, client id, user id and client secret share it.
     *
     * @param userId the {@code sub} of the grant (a numeric Greenhouse user id), or null/blank to act as the
     *               credential's Integration Service User
     */
    public static TokenSource acquire(HttpUrl tokenUrl, String clientId, String clientSecret, String userId,
                                      Clock clock) {
        String user = user(userId);
        String id = clientId.trim();
        String key = keyOf(tokenUrl, id, user, clientSecret);
        return REGISTRY.compute(key, (k, shared) -> {
            TokenSource source = shared != null ? shared : new TokenSource(k, tokenUrl, id, clientSecret, user, clock);
            source.users++;
            return source;
        });
    }

    /**
     * For validate(): the shared source of this credential if a task uses one (its cached token proves this very
     * secret), else a new private source that is not registered and not to be released. Changes no shared state,
     * except that a shared token due for renewal is renewed as a task would.
     */
    public static TokenSource forCheck(HttpUrl tokenUrl, String clientId, String clientSecret, String userId,
                                       Clock clock) {
        String user = user(userId);
        String id = clientId.trim();
        String key = keyOf(tokenUrl, id, user, clientSecret);
        TokenSource shared = REGISTRY.get(key);
        return shared != null ? shared : new TokenSource(key, tokenUrl, id, clientSecret, user, clock);
    }

    /**
     * Gives back one use taken by {@link #acquire}; the last one removes this source from the registry and forgets its
     * token. Does nothing for a source that is not (or no longer) registered.
     */
    public void release() {
        REGISTRY.computeIfPresent(key, (k, shared) -> {
            if (shared != this) {
                return shared;
            }
            if (--users > 0) {
                return this;
            }
            current = null;
            log.info("OAuth client {}: no task uses its access token any more; it is forgotten", fingerprint);
            return null;
        });
    }

    /** Forgets every shared token (tests only). */
    static void forgetAll() {
        REGISTRY.clear();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String user(String userId) {
        return userId == null || userId.isBlank() ? null : userId.trim();
    }

    /** HMAC-SHA256 of the whole credential, secret included, under this JVM's random {@link #HASH_KEY}. */
    private static String keyOf(HttpUrl tokenUrl, String clientId, String userId, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HASH_KEY, "HmacSHA256"));
            for (String part : new String[] {tokenUrl.toString(), clientId, userId == null ? "" : userId, secret}) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A non-secret identity of this token source, safe to log. */
    public String fingerprint() {
        return fingerprint;
    }

    /** One rate budget per OAuth client (not per acting user): Harvest meters the credential. */
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
                current = mint(http, sleeper, retry);
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
     * renewal. Waits for a renewal under way, whose new token may have revoked {@code value} at Greenhouse already.
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

    private Token mint(OkHttpClient http, Sleeper sleeper, RetryPolicy retry) {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        if (userId != null) {
            form.add("sub", userId);
        }
        FormBody body = form.build();
        int failures = 0;
        while (true) {
            Request request = new Request.Builder().url(tokenUrl)
                    .header("Authorization", okhttp3.Credentials.basic(clientId, clientSecret, StandardCharsets.UTF_8))
                    .header("Accept", "application/json")
                    .post(body)
                    .build();
            Instant sentAt = clock.instant();
            String failure;
            Duration wait = null;
            try (Response response = http.newCall(request).execute()) {
                int code = response.code();
                if (code >= 200 && code < 300) {
                    Token token = read(response, sentAt);
                    if (token != null) {
                        log.info("OAuth client {}: got an access token valid until {}", fingerprint, token.expiresAt());
                        return token;
                    }
                    failure = "an unreadable body";
                } else if (code == 429) {
                    failure = "HTTP 429 (rate limited)";
                    wait = retryAfter(response);
                } else if (code >= 500 || code == 408) {
                    failure = "HTTP " + code;
                } else {
                    throw refused(code, response);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            }
            failures++;
            if (failures > retry.maxRetries()) {
                throw new TransientApiException("Could not get an OAuth access token from " + where() + ": "
                        + failures + " attempts failed, the last with " + failure + "; the task will try again");
            }
            Duration backoff = wait != null ? wait : retry.backoff(failures);
            log.warn("OAuth client {}: token request to {} failed with {}; retry {} of {} in {} ms", fingerprint,
                    where(), failure, failures, retry.maxRetries(), backoff.toMillis());
            if (!sleeper.sleep(backoff)) {
                throw new StoppedException();
            }
        }
    }

    /** The token of a 2xx answer; null if the body is not JSON (transient); ApiException if JSON without a token. */
    private Token read(Response response, Instant sentAt) throws IOException {
        JsonNode root;
        ResponseBody body = response.body();
        try (InputStream in = body.byteStream()) {
            root = json.readTree(in);
        } catch (IOException e) {
            return null; // never quote the parser's message: it may contain part of the body
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode token = root.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new TokenEndpointException(response.code(), "The OAuth token endpoint " + where()
                    + " answered HTTP " + response.code() + " without an access_token: check " + TOKEN_URL_KEY,
                    List.of(TOKEN_URL_KEY));
        }
        JsonNode type = root.get("token_type");
        if (type != null && type.isTextual() && !type.asText().equalsIgnoreCase("bearer")) {
            log.warn("OAuth client {}: the token endpoint issued a token of type '{}'; it is sent as a Bearer token",
                    fingerprint, type.asText());
        }
        Instant expiresAt = expiry(root, sentAt);
        Duration lifetime = Duration.between(sentAt, expiresAt);
        Duration early = lifetime.dividedBy(2).compareTo(RENEW_EARLY) < 0 ? lifetime.dividedBy(2) : RENEW_EARLY;
        return new Token(token.asText(), expiresAt.minus(early), expiresAt);
    }

    /**
     * When the token expires, by this worker's clock. {@code expires_in} is relative, so it is immune to clock skew
     * between the worker and Greenhouse and preferred when both are sent; {@code expires_at} (ISO-8601, or epoch
     * seconds) is used otherwise; one hour when neither is usable.
     */
    private Instant expiry(JsonNode root, Instant sentAt) {
        JsonNode in = root.get("expires_in");
        Long seconds = null;
        if (in != null && in.isNumber()) {
            seconds = in.asLong();
        } else if (in != null && in.isTextual() && in.asText().trim().matches("\\d{1,9}")) {
            seconds = Long.parseLong(in.asText().trim());
        }
        if (seconds != null && seconds > 0) {
            return sentAt.plusSeconds(seconds);
        }
        JsonNode at = root.get("expires_at");
        Instant stated = null;
        if (at != null && at.isTextual()) {
            stated = Types.parseInstant(at.asText().trim());
        } else if (at != null && at.isIntegralNumber()) {
            long v = at.asLong();
            stated = v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        if (stated != null) {
            if (stated.isAfter(sentAt)) {
                return stated;
            }
            log.warn("OAuth client {}: the token endpoint says the new token expires at {}, which is not after this "
                    + "worker's clock ({}); is the clock skewed? Assuming {} s", fingerprint, stated, sentAt,
                    SKEWED_LIFETIME.toSeconds());
            return sentAt.plus(SKEWED_LIFETIME);
        }
        return sentAt.plus(DEFAULT_LIFETIME);
    }

    private static Duration retryAfter(Response response) {
        String header = response.header("Retry-After");
        try {
            long s = header == null ? MAX_THROTTLE_WAIT.toSeconds() : Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(s, MAX_THROTTLE_WAIT.toSeconds())));
        } catch (NumberFormatException e) {
            return MAX_THROTTLE_WAIT;
        }
    }

    /** A refused token request, classified by body as well as status (Greenhouse mixes both, reference §3.2.7). */
    private TokenEndpointException refused(int code, Response response) {
        String detail = scrub(ApiErrorBody.summary(json, response));
        String lower = detail.toLowerCase(Locale.ROOT);
        String hint;
        List<String> settings;
        if (code >= 300 && code < 400) {
            hint = "The OAuth token endpoint " + where() + " redirected elsewhere (HTTP " + code + "), which is not "
                    + "followed: set " + TOKEN_URL_KEY + " to the token endpoint itself";
            settings = List.of(TOKEN_URL_KEY);
        } else if (code == 404 || code == 405) {
            hint = "There is no OAuth token endpoint at " + where() + " (HTTP " + code + "): check " + TOKEN_URL_KEY;
            settings = List.of(TOKEN_URL_KEY);
        } else if (code == 401 || lower.contains("invalid_client") || lower.contains("unauthorized")) {
            hint = "Greenhouse rejected the OAuth client credentials (HTTP " + code + " from " + where() + "): check "
                    + CLIENT_ID_KEY + " and " + CLIENT_SECRET_KEY + " (Configure > Dev Center > API Credentials, a "
                    + "credential of type Harvest V3 (OAuth))";
            settings = List.of(CLIENT_ID_KEY, CLIENT_SECRET_KEY);
        } else if (lower.contains("client id") || lower.contains("client_id")) {
            hint = "Greenhouse refused the OAuth client id (HTTP " + code + " from " + where() + "): check "
                    + CLIENT_ID_KEY + " (Greenhouse client ids end in -<number>)";
            settings = List.of(CLIENT_ID_KEY);
        } else if (code == 403) {
            hint = "The OAuth client may not get a token for this user (HTTP 403 from " + where() + "): check "
                    + USER_ID_KEY + " and the credential's permissions";
            settings = List.of(USER_ID_KEY, CLIENT_ID_KEY);
        } else {
            hint = "The OAuth token request was refused (HTTP " + code + " from " + where() + "): check "
                    + CLIENT_ID_KEY + ", " + CLIENT_SECRET_KEY + ", " + USER_ID_KEY + " (a numeric Greenhouse user "
                    + "id, or empty) and " + TOKEN_URL_KEY;
            settings = List.of(USER_ID_KEY, CLIENT_ID_KEY, CLIENT_SECRET_KEY, TOKEN_URL_KEY);
        }
        return new TokenEndpointException(code, hint + detail, settings);
    }

    /** Removes the secret and the client id (which Greenhouse echoes in some errors) from a message. */
    private String scrub(String text) {
        String out = text;
        String secret = clientSecret;
        if (secret != null && secret.length() >= 4) {
            out = out.replace(secret, "[hidden]");
        }
        if (clientId.length() >= 4) {
            out = out.replace(clientId, "[" + CLIENT_ID_KEY + "]");
        }
        return out;
    }

    private String where() {
        return "POST " + tokenUrl.newBuilder().query(null).build();
    }

    @Override
    public String toString() {
        return "TokenSource[" + fingerprint + "]";
    }
}
