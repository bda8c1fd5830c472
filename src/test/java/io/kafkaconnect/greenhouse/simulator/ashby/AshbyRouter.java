package io.kafkaconnect.greenhouse.simulator.ashby;

import io.kafkaconnect.greenhouse.simulator.core.BasicAuth;
import io.kafkaconnect.greenhouse.simulator.core.Call;
import io.kafkaconnect.greenhouse.simulator.core.FaultInjector;
import io.kafkaconnect.greenhouse.simulator.core.HttpServerCore;
import io.kafkaconnect.greenhouse.simulator.core.LatencyModel;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.simulator.core.RateLimiter;
import io.kafkaconnect.greenhouse.simulator.core.Reply;
import io.kafkaconnect.greenhouse.simulator.core.RequestLog;
import io.kafkaconnect.greenhouse.simulator.core.Responder;
import io.kafkaconnect.greenhouse.simulator.core.SimClock;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request pipeline: route (404) → POST only (405) → authenticate (401 {@code unauthenticated}, 403
 * {@code invalid_api_key}) → rate limit per key (429, or 200 if so configured, {@code rate_limit_exceeded}) →
 * module permission (403 {@code missing_endpoint_permission}) → permanent status for the path → injected fault →
 * {@link AshbyHandler} (200, {@code success} true or false) → latency → log → respond (the last steps in
 * {@link Responder}).
 *
 * <p>Every answer carries {@code Date} (simulator clock) and {@code Content-Type}; no {@code X-RateLimit-*}
 * headers; {@code Retry-After} on 429 only if enabled. Only a reset connection has no headers.
 */
final class AshbyRouter {
    private static final Responder.ExtraHeaders NONE = Responder.ExtraHeaders.NONE;

    private final Set<String> apiKeys;
    private final AshbyPermissions permissions;
    private final RateLimiter limiter;
    private final boolean retryAfter;
    /** Every n-th throttle is HTTP 200 (0: never), and how many throttles there were. */
    private final int throttleAsHttp200Every;
    private final AtomicInteger throttles = new AtomicInteger();
    private final Responder responder;
    private final AshbyHandler handler;

    AshbyRouter(SimClock clock, Set<String> apiKeys, AshbyPermissions permissions, RateLimiter limiter,
            boolean retryAfter, int throttleAsHttp200Every, FaultInjector faults, LatencyModel latency,
            RequestLog<LoggedRequest> log, AshbyHandler handler) {
        this.apiKeys = apiKeys;
        this.permissions = permissions;
        this.limiter = limiter;
        this.retryAfter = retryAfter;
        this.throttleAsHttp200Every = throttleAsHttp200Every;
        this.responder = new Responder(clock, faults, latency, log,
                "{\"success\": true, \"results\": [{\"id\": \"1\" \"name\": undefined, <html>}");
        this.handler = handler;
    }

    void handle(HttpServerCore.Exchange ex) throws IOException {
        responder.handle(ex, Map.of(), this::serve);
    }

    private void serve(Call call) throws IOException {
        HttpServerCore.Exchange ex = call.exchange;
        String method = call.path.startsWith("/") ? call.path.substring(1) : call.path;
        String requestId = UUID.randomUUID().toString();
        AshbyResource r = AshbyResource.byMethod(method);
        if (r == null) {
            responder.send(call, failure(404, "not_found", "No such endpoint: " + call.path, requestId), NONE);
            return;
        }
        if (!ex.method.equals("POST")) {
            responder.send(call, failure(405, "method_not_allowed", "Use POST for " + method, requestId), NONE);
            return;
        }
        String key = basicUser(ex.header("authorization"));
        if (key == null) {
            responder.send(call, failure(401, "unauthenticated", "Missing or malformed Authorization header; use "
                    + "Basic auth with the API key as user name and an empty password", requestId), NONE);
            return;
        }
        if (!apiKeys.contains(key)) {
            responder.send(call, failure(403, "invalid_api_key", "The API key is invalid or deactivated", requestId),
                    NONE);
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(key);
        if (!decision.allowed()) {
            boolean asOk = throttleAsHttp200Every > 0 && throttles.incrementAndGet() % throttleAsHttp200Every == 0;
            Reply limited = failure(asOk ? 200 : 429, "rate_limit_exceeded", "Rate limit exceeded: " + decision.limit()
                    + " requests per " + limiter.policy().window().toSeconds() + " s per API key", requestId);
            if (retryAfter) {
                limited.withHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            }
            responder.send(call, limited, NONE);
            return;
        }
        if (!permissions.allowed(key, r)) {
            responder.send(call, failure(403, "missing_endpoint_permission", "Missing endpoint permission: "
                    + r.permission + " is required for " + r.method, requestId), NONE);
            return;
        }
        Responder.Preflight pre = responder.preflight(call, true, NONE);
        if (pre.answered()) {
            return;
        }
        AshbyHandler.Result result = handler.handle(r, ex.body, requestId);
        Reply answer = new Reply(200, new LinkedHashMap<>(), Reply.bytes(result.body()), result.records(),
                result.errorCode() == null, result.errorCode());
        responder.sendSpoilt(call, answer, pre.bodyFault(), NONE);
    }

    private Reply failure(int status, String code, String message, String requestId) {
        return new Reply(status, new LinkedHashMap<>(), Reply.bytes(handler.error(code, message, requestId)), 0,
                false, code);
    }

    /** The API key from {@code Basic base64(key:)} (password ignored), or null if missing or malformed. */
    private static String basicUser(String authorization) {
        BasicAuth c = BasicAuth.parse(authorization);
        return c == null || c.password() == null || c.user().isEmpty() ? null : c.user();
    }
}
