package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mints access tokens of one {@link OAuthClient}: {@code POST <token url>} with HTTP Basic
 * {@code client_id:client_secret} and the form {@code grant_type=client_credentials[&sub=<user id>]}, to the
 * configured token URL only (the caller's client must not follow redirects). Passing failures (5xx, 408, 429, I/O,
 * an unreadable body) are retried; a refusal is classified by status and body, and its message names the settings
 * to check. The expiry is read from {@code expires_in} (seconds) or {@code expires_at} (ISO-8601 or epoch), else
 * assumed to be one hour; the token is to be renewed {@link #RENEW_EARLY} before it expires (half its lifetime for
 * very short-lived tokens). The client secret and tokens never appear in logs, messages or {@code toString()}.
 */
final class TokenEndpoint {
    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    /** How long before its expiry a token is replaced. */
    static final Duration RENEW_EARLY = Duration.ofSeconds(60);
    /** The lifetime assumed when the token response states none (e.g. Greenhouse documents one hour). */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    /** The lifetime assumed when the stated expiry already lies in the past by this worker's clock. */
    static final Duration SKEWED_LIFETIME = Duration.ofMinutes(5);
    /** The longest wait a 429 from the token endpoint may ask for (Greenhouse's window is reportedly 60 s). */
    static final Duration MAX_THROTTLE_WAIT = Duration.ofSeconds(60);

    /** A minted token; toString() leaves the value out. */
    record Token(String value, Instant renewAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expires " + expiresAt + "]";
        }
    }

    private final OAuthClient client;
    private final OAuthSettings settings;
    private final String fingerprint;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** @param fingerprint the client's identity in logs */
    TokenEndpoint(OAuthClient client, String fingerprint, Clock clock) {
        this.client = client;
        this.settings = client.settings();
        this.fingerprint = fingerprint;
        this.clock = clock;
    }

    /**
     * A new token, after as many retries of passing failures as {@code retry} allows, waiting with {@code sleeper}.
     *
     * @throws TokenEndpointException when the token endpoint refuses the client (not retriable)
     * @throws TransientApiException  when it stayed unreachable or failing through every retry
     * @throws StoppedException       when the sleeper was stopped during a wait
     */
    Token mint(OkHttpClient http, Sleeper sleeper, RetryPolicy retry) {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        if (client.userId() != null) {
            form.add("sub", client.userId());
        }
        FormBody body = form.build();
        int failures = 0;
        while (true) {
            Request request = new Request.Builder().url(client.tokenUrl())
                    .header("Authorization", okhttp3.Credentials.basic(client.clientId(), client.clientSecret(),
                            StandardCharsets.UTF_8))
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
            // an outage of the token endpoint holds up every request of the credential: say until when
            log.warn("OAuth client {}: token request to {} failed with {}; requests waiting for a token wait until {}"
                    + " (retry {} of {} in {} ms)", fingerprint, where(), failure, clock.instant().plus(backoff),
                    failures, retry.maxRetries(), backoff.toMillis());
            if (!sleeper.sleep(backoff)) {
                throw new StoppedException();
            }
        }
    }

    /** The token of a 2xx answer; null if the body is not JSON (transient); an exception if JSON without a token. */
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
                    + " answered HTTP " + response.code() + " without an access_token: check "
                    + settings.tokenUrlKey(), List.of(settings.tokenUrlKey()));
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
     * between the worker and the API and preferred when both are sent; {@code expires_at} (ISO-8601, or epoch
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

    /** A refused token request, classified by body as well as status (APIs mix both, e.g. Greenhouse). */
    private TokenEndpointException refused(int code, Response response) {
        String detail = scrub(ApiErrorBody.summary(json, response));
        String lower = detail.toLowerCase(Locale.ROOT);
        String clientId = settings.clientIdKey();
        String secret = settings.clientSecretKey();
        String user = settings.userIdKey();
        String tokenUrl = settings.tokenUrlKey();
        String hint;
        List<String> keys;
        if (code >= 300 && code < 400) {
            hint = "The OAuth token endpoint " + where() + " redirected elsewhere (HTTP " + code + "), which is not "
                    + "followed: set " + tokenUrl + " to the token endpoint itself";
            keys = List.of(tokenUrl);
        } else if (code == 404 || code == 405) {
            hint = "There is no OAuth token endpoint at " + where() + " (HTTP " + code + "): check " + tokenUrl;
            keys = List.of(tokenUrl);
        } else if (code == 401 || lower.contains("invalid_client") || lower.contains("unauthorized")) {
            hint = settings.apiName() + " rejected the OAuth client credentials (HTTP " + code + " from " + where()
                    + "): check " + clientId + " and " + secret + " " + settings.whereClientsAreMade();
            keys = List.of(clientId, secret);
        } else if (lower.contains("client id") || lower.contains("client_id")) {
            hint = settings.apiName() + " refused the OAuth client id (HTTP " + code + " from " + where()
                    + "): check " + clientId + " " + settings.clientIdForm();
            keys = List.of(clientId);
        } else if (code == 403) {
            hint = "The OAuth client may not get a token for this user (HTTP 403 from " + where() + "): check "
                    + user + " and the credential's permissions";
            keys = List.of(user, clientId);
        } else {
            hint = "The OAuth token request was refused (HTTP " + code + " from " + where() + "): check "
                    + clientId + ", " + secret + ", " + user + " " + settings.userIdForm() + " and " + tokenUrl;
            keys = List.of(user, clientId, secret, tokenUrl);
        }
        return new TokenEndpointException(code, hint + detail, keys);
    }

    /** Removes the secret and the client id (which some APIs echo in errors) from a message. */
    private String scrub(String text) {
        String out = text;
        String secret = client.clientSecret();
        if (secret != null && secret.length() >= 4) {
            out = out.replace(secret, "[hidden]");
        }
        if (client.clientId().length() >= 4) {
            out = out.replace(client.clientId(), "[" + settings.clientIdKey() + "]");
        }
        return out;
    }

    private String where() {
        return "POST " + client.tokenUrl().newBuilder().query(null).build();
    }
}
