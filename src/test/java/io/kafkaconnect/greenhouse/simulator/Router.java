package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The request pipeline shared by both dialects:
 * route (404) → authenticate (401) → rate limit (429) → method / v1 GET-with-body (404 / 403) → permanent status
 * for the path → injected fault → the dialect's handler (422 / 200) → latency → log → respond (the last steps in
 * {@link Responder}).
 *
 * <p>Every answer carries {@code Date} (simulator clock), {@code Content-Type} and the rate-limit headers as
 * {@link RateHeaders} says (by default Limit and Remaining, and Reset and Retry-After on 429s only); only a reset
 * connection has none. The token endpoint ({@value #TOKEN_PATH}) is not rate limited and
 * only path-scoped faults reach it.
 */
final class Router {
    static final String TOKEN_PATH = "/oauth/token";
    private static final String V3_UNAUTHORIZED = "{\"message\":\"Unauthorized\",\"errors\":[\"Token could not be "
            + "decoded. Please ensure your token is from a trusted source.\"]}";

    private final SimClock clock;
    private final Set<String> apiKeys;
    private final Map<String, String> clients;
    private final RateLimiter v1Limiter;
    private final RateLimiter v3Limiter;
    private final RateHeaders rateHeaders;
    private final RateHeaders v3RateHeaders;
    private final TokenStore tokens;
    private final Responder responder;
    private final V1Handler v1;
    private final V3Handler v3;
    private final byte[] padding;

    Router(SimClock clock, Set<String> apiKeys, Map<String, String> clients, RateLimiter v1Limiter,
            RateLimiter v3Limiter, RateHeaders rateHeaders, RateHeaders v3RateHeaders, TokenStore tokens, FaultInjector faults,
            LatencyModel latency, RequestLog<LoggedRequest> log, V1Handler v1, V3Handler v3, int padding) {
        this.clock = clock;
        this.apiKeys = apiKeys;
        this.clients = clients;
        this.v1Limiter = v1Limiter;
        this.v3Limiter = v3Limiter;
        this.rateHeaders = rateHeaders;
        this.v3RateHeaders = v3RateHeaders;
        this.tokens = tokens;
        this.responder = new Responder(clock, faults, latency, log, "[{\"id\": 1 \"name\": undefined, <html>}");
        this.v1 = v1;
        this.v3 = v3;
        this.padding = " ".repeat(padding).getBytes(StandardCharsets.US_ASCII);
    }

    void handle(HttpServerCore.Exchange ex) throws IOException {
        responder.handle(ex, QueryString.decode(ex.rawQuery), this::route);
    }

    private void route(Call call) throws IOException {
        if (call.path.startsWith("/v1/")) {
            serveApi(call, true);
        } else if (call.path.startsWith("/v3/")) {
            serveApi(call, false);
        } else if (call.path.equals(TOKEN_PATH)) {
            serveToken(call);
        } else {
            responder.send(call, Reply.message(404, "Resource not found"), rateHeaders(call, v1Limiter.peek("")));
        }
    }

    private void serveApi(Call call, boolean isV1) throws IOException {
        HttpServerCore.Exchange ex = call.exchange;
        RateLimiter limiter = isV1 ? v1Limiter : v3Limiter;
        V1Handler.Route v1Route = isV1 ? v1.route(call.path) : null;
        Resource v3Route = isV1 ? null : v3.route(call.path);
        if (v1Route == null && v3Route == null) {
            responder.send(call, Reply.message(404, "Resource not found"), rateHeaders(call, limiter.peek("")));
            return;
        }
        String credential = isV1 ? basicUser(ex) : bearerClient(ex);
        if (credential == null || (isV1 && !apiKeys.contains(credential))) {
            Reply unauthorized = isV1 ? Reply.message(401, "Invalid Basic Auth credentials") : Reply.json(401, V3_UNAUTHORIZED);
            responder.send(call, unauthorized, rateHeaders(call, limiter.peek("")));
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(credential);
        Responder.ExtraHeaders headers = rateHeaders(call, decision);
        if (!decision.allowed()) {
            responder.send(call, Reply.message(429, "Rate limit exceeded. Please retry after "
                    + decision.retryAfterSeconds() + " seconds."), headers);
            return;
        }
        if (!ex.method.equals("GET")) {
            responder.send(call, Reply.message(404, "Resource not found"), headers);
            return;
        }
        if (isV1 && (ex.body.length > 0 || ex.header("transfer-encoding") != null)) {
            responder.send(call, Reply.message(403, "GET requests must not have a body"), headers);
            return;
        }
        Responder.Preflight pre = responder.preflight(call, true, headers);
        if (pre.answered()) {
            return;
        }
        String selfBase = "http://" + hostOf(ex) + call.path;
        Reply reply = isV1 ? v1.handle(v1Route, call.query, ex.rawQuery, selfBase)
                : v3.handle(v3Route, call.query, selfBase);
        if (padding.length > 0 && reply.status() == 200) {
            byte[] padded = Arrays.copyOf(reply.body(), reply.body().length + padding.length);
            System.arraycopy(padding, 0, padded, reply.body().length, padding.length);
            reply = new Reply(200, reply.headers(), padded, reply.records());
        }
        responder.sendSpoilt(call, reply, pre.bodyFault(), headers);
    }

    private void serveToken(Call call) throws IOException {
        HttpServerCore.Exchange ex = call.exchange;
        BasicAuth basic = BasicAuth.parse(ex.header("authorization"));
        Map<String, String> form = QueryString.decode(new String(ex.body, StandardCharsets.UTF_8));
        String clientId = basic != null ? basic.user() : form.get("client_id");
        String secret = basic != null ? Objects.requireNonNullElse(basic.password(), "") : form.get("client_secret");
        Responder.ExtraHeaders headers = rateHeaders(call, v3Limiter.peek(clientId == null ? "" : clientId));
        if (!ex.method.equals("POST")) {
            responder.send(call, Reply.message(405, "Method Not Allowed"), headers);
            return;
        }
        Responder.Preflight pre = responder.preflight(call, false, headers);
        if (pre.answered()) {
            return;
        }
        Reply reply;
        if (clientId == null) {
            reply = Reply.json(401, "{\"message\":\"Unauthorized\"}");
        } else if (!Objects.equals(clients.get(clientId), secret)) {
            reply = Reply.json(401, "{\"error\":\"invalid_client\"}");
        } else if (!"client_credentials".equals(form.get("grant_type"))) {
            reply = Reply.json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant_type must be "
                    + "one of authorization_code, refresh_token, client_credentials, "
                    + "urn:ietf:params:oauth:grant-type:token-exchange\"}");
        } else {
            TokenStore.Issued issued = tokens.issue(clientId);
            ObjectNode body = Reply.JSON.createObjectNode();
            body.put("access_token", issued.token());
            body.put("token_type", "bearer");
            body.put("expires_in", tokens.ttl().toSeconds());
            body.put("expires_at", Vocabulary.ts(issued.expiresAt().toEpochMilli()));
            reply = Reply.json(200, body);
        }
        responder.sendSpoilt(call, reply, pre.bodyFault(), headers);
    }

    /** v3's rate-limit headers on /v3/ paths, v1's everywhere else. */
    private Responder.ExtraHeaders rateHeaders(Call call, RateLimiter.Decision decision) {
        RateHeaders shape = call.exchange.path.startsWith("/v3/") ? v3RateHeaders : rateHeaders;
        return (h, reply) -> shape.write(h, decision, reply.status() == 429, clock.now());
    }

    private String hostOf(HttpServerCore.Exchange ex) {
        String host = ex.header("host");
        return host == null || host.isBlank() ? ex.localAuthority() : host.trim();
    }

    /** The v1 API key (Basic username; the password is ignored), or null. */
    private static String basicUser(HttpServerCore.Exchange ex) {
        BasicAuth c = BasicAuth.parse(ex.header("authorization"));
        return c == null || c.user().isEmpty() ? null : c.user();
    }

    /** The client id behind a valid Bearer token, or null. */
    private String bearerClient(HttpServerCore.Exchange ex) {
        String auth = ex.header("authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return tokens.authenticate(auth.substring(7).trim());
    }
}
