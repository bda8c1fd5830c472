package io.kafkaconnect.greenhouse.simulator.ashby;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.Fault;
import io.kafkaconnect.greenhouse.simulator.FaultInjector;
import io.kafkaconnect.greenhouse.simulator.HttpServerCore;
import io.kafkaconnect.greenhouse.simulator.LatencyModel;
import io.kafkaconnect.greenhouse.simulator.RateLimiter;
import io.kafkaconnect.greenhouse.simulator.Reply;
import io.kafkaconnect.greenhouse.simulator.RequestLog;
import io.kafkaconnect.greenhouse.simulator.SimClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The request pipeline: route (404) → POST only (405) → authenticate (401 {@code unauthenticated}, 403
 * {@code invalid_api_key}) → rate limit per key (429, or 200 if so configured, {@code rate_limit_exceeded}) →
 * module permission (403 {@code missing_endpoint_permission}) → permanent status for the path → injected fault →
 * {@link AshbyHandler} (200, {@code success} true or false) → latency → log → respond.
 *
 * <p>Every answer carries {@code Date} (simulator clock) and {@code Content-Type}; no {@code X-RateLimit-*}
 * headers; {@code Retry-After} on 429 only if enabled. Only a reset connection has no headers.
 */
final class AshbyRouter {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String HTML_503 = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>"
            + "\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>"
            + "\r\n</body>\r\n</html>\r\n";

    private final ObjectMapper json = new ObjectMapper();
    private final SimClock clock;
    private final Set<String> apiKeys;
    private final AshbyPermissions permissions;
    private final RateLimiter limiter;
    private final boolean retryAfter;
    /** Every n-th throttle is HTTP 200 (0: never), and how many throttles there were. */
    private final int throttleAsHttp200Every;
    private final java.util.concurrent.atomic.AtomicInteger throttles = new java.util.concurrent.atomic.AtomicInteger();
    private final FaultInjector faults;
    private final LatencyModel latency;
    private final RequestLog<AshbyLoggedRequest> log;
    private final AshbyHandler handler;

    AshbyRouter(SimClock clock, Set<String> apiKeys, AshbyPermissions permissions, RateLimiter limiter,
            boolean retryAfter, int throttleAsHttp200Every, FaultInjector faults, LatencyModel latency, RequestLog<AshbyLoggedRequest> log,
            AshbyHandler handler) {
        this.clock = clock;
        this.apiKeys = apiKeys;
        this.permissions = permissions;
        this.limiter = limiter;
        this.retryAfter = retryAfter;
        this.throttleAsHttp200Every = throttleAsHttp200Every;
        this.faults = faults;
        this.latency = latency;
        this.log = log;
        this.handler = handler;
    }

    /** What is sent: HTTP status, body, and for the log the envelope's success flag, error code and record count. */
    private record Answer(int status, Map<String, String> headers, byte[] body, Boolean success, String errorCode,
            int records) {
    }

    void handle(HttpServerCore.Exchange ex) throws IOException {
        Instant at = clock.now();
        String path = FaultInjector.served(
                ex.path.length() > 1 && ex.path.endsWith("/") ? ex.path.substring(0, ex.path.length() - 1) : ex.path);
        String method = path.startsWith("/") ? path.substring(1) : path;
        Outcome outcome = new Outcome(at, ex.method, path, method, new String(ex.body, StandardCharsets.UTF_8));
        try {
            serve(ex, path, method, outcome);
        } finally {
            outcome.record(0, null, null, 0); // no-op if the answer was already logged
        }
    }

    private void serve(HttpServerCore.Exchange ex, String path, String method, Outcome outcome) throws IOException {
        String requestId = UUID.randomUUID().toString();
        AshbyResource r = AshbyResource.byMethod(method);
        if (r == null) {
            send(ex, failure(404, "not_found", "No such endpoint: " + path, requestId), outcome);
            return;
        }
        if (!ex.method.equals("POST")) {
            send(ex, failure(405, "method_not_allowed", "Use POST for " + method, requestId), outcome);
            return;
        }
        String key = basicUser(ex.header("authorization"));
        if (key == null) {
            send(ex, failure(401, "unauthenticated", "Missing or malformed Authorization header; use Basic auth "
                    + "with the API key as user name and an empty password", requestId), outcome);
            return;
        }
        if (!apiKeys.contains(key)) {
            send(ex, failure(403, "invalid_api_key", "The API key is invalid or deactivated", requestId), outcome);
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(key);
        if (!decision.allowed()) {
            boolean asOk = throttleAsHttp200Every > 0 && throttles.incrementAndGet() % throttleAsHttp200Every == 0;
            Answer limited = failure(asOk ? 200 : 429, "rate_limit_exceeded", "Rate limit exceeded: " + decision.limit()
                    + " requests per " + limiter.policy().window().toSeconds() + " s per API key", requestId);
            if (retryAfter) {
                limited.headers().put("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            }
            send(ex, limited, outcome);
            return;
        }
        if (!permissions.allowed(key, r)) {
            send(ex, failure(403, "missing_endpoint_permission", "Missing endpoint permission: " + r.permission
                    + " is required for " + r.method, requestId), outcome);
            return;
        }
        Integer status = faults.statusFor(path);
        if (status != null) {
            send(ex, plain(status, Reply.message(status, HttpServerCore.reason(status))), outcome);
            return;
        }
        Fault fault = faults.next(path, true);
        if (fault != null) {
            switch (fault) {
                case HTTP_500, HTTP_502, HTTP_503 -> {
                    int code = fault == Fault.HTTP_500 ? 500 : fault == Fault.HTTP_502 ? 502 : 503;
                    send(ex, plain(code, Reply.message(code, HttpServerCore.reason(code))), outcome);
                    return;
                }
                case HTML_ERROR_PAGE -> {
                    Answer html = new Answer(503, new LinkedHashMap<>(Map.of("Content-Type", "text/html")),
                            HTML_503.getBytes(StandardCharsets.UTF_8), null, null, 0);
                    send(ex, html, outcome);
                    return;
                }
                case CONNECTION_RESET -> {
                    latency.sleep(0);
                    outcome.record(0, null, null, 0);
                    ex.reset();
                    return;
                }
                case SLOW -> LatencyModel.sleepNanos(faults.slowDelay().toNanos());
                case REDIRECT_SAME_ORIGIN, REDIRECT_ELSEWHERE -> {
                    Answer moved = plain(307, Reply.message(307, "Temporary Redirect"));
                    moved.headers().put("Location", faults.redirectLocation(fault, path, ex.rawQuery, ex.localPort()));
                    send(ex, moved, outcome);
                    return;
                }
                default -> {
                    // TRUNCATED_JSON and INVALID_JSON spoil the real answer below
                }
            }
        }
        AshbyHandler.Result result = handler.handle(r, ex.body, requestId);
        Answer answer = new Answer(200, new LinkedHashMap<>(), bytes(result.body()), result.errorCode() == null,
                result.errorCode(), result.records());
        if (fault == Fault.INVALID_JSON) {
            byte[] garbage = "{\"success\": true, \"results\": [{\"id\": \"1\" \"name\": undefined, <html>}"
                    .getBytes(StandardCharsets.UTF_8);
            send(ex, new Answer(200, answer.headers(), garbage, null, null, 0), outcome);
        } else if (fault == Fault.TRUNCATED_JSON) {
            latency.sleep(answer.records());
            byte[] half = Arrays.copyOf(answer.body(), Math.max(1, answer.body().length / 2));
            outcome.record(200, null, null, 0);
            ex.sendTruncated(200, headers(answer), half, half.length);
        } else {
            send(ex, answer, outcome);
        }
    }

    private Answer failure(int status, String code, String message, String requestId) {
        return new Answer(status, new LinkedHashMap<>(), bytes(handler.error(code, message, requestId)), false, code, 0);
    }

    private static Answer plain(int status, Reply reply) {
        return new Answer(status, new LinkedHashMap<>(), reply.body(), null, null, 0);
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(HttpServerCore.Exchange ex, Answer answer, Outcome outcome) throws IOException {
        latency.sleep(answer.records());
        outcome.record(answer.status(), answer.success(), answer.errorCode(), answer.records());
        ex.send(answer.status(), headers(answer), answer.body());
    }

    private Map<String, String> headers(Answer answer) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Date", HTTP_DATE.format(clock.now()));
        h.put("Content-Type", Reply.JSON_TYPE);
        h.putAll(answer.headers());
        return h;
    }

    /** The API key from {@code Basic base64(key:)} (password ignored), or null if missing or malformed. */
    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return colon < 0 || user.isEmpty() ? null : user;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Logs a request exactly once, just before its answer goes on the wire. */
    private final class Outcome {
        private final Instant at;
        private final String httpMethod;
        private final String path;
        private final String method;
        private final String body;
        private boolean logged;

        Outcome(Instant at, String httpMethod, String path, String method, String body) {
            this.at = at;
            this.httpMethod = httpMethod;
            this.path = path;
            this.method = method;
            this.body = body;
        }

        void record(int status, Boolean success, String errorCode, int records) {
            if (!logged) {
                logged = true;
                log.add(new AshbyLoggedRequest(at, httpMethod, path, method, body, status, success, errorCode, records));
            }
        }
    }
}
