package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The request pipeline shared by both dialects:
 * route (404) → authenticate (401) → rate limit (429) → method / v1 GET-with-body (404 / 403) → permanent status
 * for the path → injected fault → the dialect's handler (422 / 200) → latency → log → respond.
 *
 * <p>Every answer carries {@code Date} (simulator clock), {@code Content-Type} and the rate-limit headers as
 * {@link RateHeaders} says (by default Limit and Remaining, and Reset and Retry-After on 429s only); only a reset
 * connection has none. The token endpoint ({@value #TOKEN_PATH}) is not rate limited and
 * only path-scoped faults reach it.
 */
final class Router {
    static final String TOKEN_PATH = "/oauth/token";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String V3_UNAUTHORIZED = "{\"message\":\"Unauthorized\",\"errors\":[\"Token could not be "
            + "decoded. Please ensure your token is from a trusted source.\"]}";
    private static final String HTML_503 = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>"
            + "\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>"
            + "\r\n</body>\r\n</html>\r\n";

    private final SimClock clock;
    private final Set<String> apiKeys;
    private final Map<String, String> clients;
    private final RateLimiter v1Limiter;
    private final RateLimiter v3Limiter;
    private final RateHeaders rateHeaders;
    private final RateHeaders v3RateHeaders;
    private final TokenStore tokens;
    private final FaultInjector faults;
    private final LatencyModel latency;
    private final RequestLog<LoggedRequest> log;
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
        this.faults = faults;
        this.latency = latency;
        this.log = log;
        this.v1 = v1;
        this.v3 = v3;
        this.padding = " ".repeat(padding).getBytes(StandardCharsets.US_ASCII);
    }

    void handle(HttpServerCore.Exchange ex) throws IOException {
        Instant at = clock.now();
        Map<String, String> query = QueryString.decode(ex.rawQuery);
        String path = FaultInjector.served(
                ex.path.length() > 1 && ex.path.endsWith("/") ? ex.path.substring(0, ex.path.length() - 1) : ex.path);
        Outcome outcome = new Outcome(at, ex.method, path, Collections.unmodifiableMap(query));
        try {
            if (path.startsWith("/v1/")) {
                serveApi(ex, path, query, true, outcome);
            } else if (path.startsWith("/v3/")) {
                serveApi(ex, path, query, false, outcome);
            } else if (path.equals(TOKEN_PATH)) {
                serveToken(ex, path, outcome);
            } else {
                send(ex, Reply.message(404, "Resource not found"), v1Limiter.peek(""), outcome);
            }
        } finally {
            outcome.record(0, 0); // no-op if the answer was already logged
        }
    }

    /** Logs a request exactly once, just before its answer goes on the wire (so a client never sees it first). */
    private final class Outcome {
        private final Instant at;
        private final String method;
        private final String path;
        private final Map<String, String> query;
        private boolean logged;

        Outcome(Instant at, String method, String path, Map<String, String> query) {
            this.at = at;
            this.method = method;
            this.path = path;
            this.query = query;
        }

        void record(int status, int records) {
            if (!logged) {
                logged = true;
                log.add(new LoggedRequest(at, method, path, query, status, records));
            }
        }
    }

    private void serveApi(HttpServerCore.Exchange ex, String path, Map<String, String> query, boolean isV1,
            Outcome outcome) throws IOException {
        RateLimiter limiter = isV1 ? v1Limiter : v3Limiter;
        V1Handler.Route v1Route = isV1 ? v1.route(path) : null;
        Resource v3Route = isV1 ? null : v3.route(path);
        if (v1Route == null && v3Route == null) {
            send(ex, Reply.message(404, "Resource not found"), limiter.peek(""), outcome);
            return;
        }
        String credential = isV1 ? basicUser(ex) : bearerClient(ex);
        if (credential == null || (isV1 && !apiKeys.contains(credential))) {
            Reply unauthorized = isV1 ? Reply.message(401, "Invalid Basic Auth credentials") : Reply.json(401, V3_UNAUTHORIZED);
            send(ex, unauthorized, limiter.peek(""), outcome);
            return;
        }
        RateLimiter.Decision decision = limiter.acquire(credential);
        if (!decision.allowed()) {
            send(ex, Reply.message(429, "Rate limit exceeded. Please retry after " + decision.retryAfterSeconds()
                    + " seconds."), decision, outcome);
            return;
        }
        if (!ex.method.equals("GET")) {
            send(ex, Reply.message(404, "Resource not found"), decision, outcome);
            return;
        }
        if (isV1 && (ex.body.length > 0 || ex.header("transfer-encoding") != null)) {
            send(ex, Reply.message(403, "GET requests must not have a body"), decision, outcome);
            return;
        }
        Preflight pre = statusOrFault(ex, path, true, decision, outcome);
        if (pre.answered()) {
            return;
        }
        String selfBase = "http://" + hostOf(ex) + path;
        Reply reply = isV1 ? v1.handle(v1Route, query, ex.rawQuery, selfBase) : v3.handle(v3Route, query, selfBase);
        if (padding.length > 0 && reply.status() == 200) {
            byte[] padded = Arrays.copyOf(reply.body(), reply.body().length + padding.length);
            System.arraycopy(padding, 0, padded, reply.body().length, padding.length);
            reply = new Reply(200, reply.headers(), padded, reply.records());
        }
        sendWithFault(ex, reply, pre.bodyFault(), decision, outcome);
    }

    /** Whether a permanent status or fault already answered, and a fault still to apply to the body. */
    private record Preflight(boolean answered, Fault bodyFault) {
        static final Preflight ANSWERED = new Preflight(true, null);
        static final Preflight PROCEED = new Preflight(false, null);
    }

    /**
     * Applies a permanent status or an injected fault that replaces the answer (or delays it, for SLOW).
     * TRUNCATED_JSON and INVALID_JSON are handed back for {@link #sendWithFault}.
     */
    private Preflight statusOrFault(HttpServerCore.Exchange ex, String path, boolean apiPath,
            RateLimiter.Decision decision, Outcome outcome) throws IOException {
        Integer status = faults.statusFor(path);
        if (status != null) {
            send(ex, Reply.message(status, HttpServerCore.reason(status)), decision, outcome);
            return Preflight.ANSWERED;
        }
        Fault fault = faults.next(path, apiPath);
        if (fault == null) {
            return Preflight.PROCEED;
        }
        switch (fault) {
            case HTTP_500:
            case HTTP_502:
            case HTTP_503:
                int code = fault == Fault.HTTP_500 ? 500 : fault == Fault.HTTP_502 ? 502 : 503;
                send(ex, Reply.message(code, HttpServerCore.reason(code)), decision, outcome);
                return Preflight.ANSWERED;
            case HTML_ERROR_PAGE:
                Reply html = new Reply(503, new LinkedHashMap<>(), HTML_503.getBytes(StandardCharsets.UTF_8), 0)
                        .withHeader("Content-Type", "text/html");
                send(ex, html, decision, outcome);
                return Preflight.ANSWERED;
            case CONNECTION_RESET:
                latency.sleep(0);
                outcome.record(0, 0);
                ex.reset();
                return Preflight.ANSWERED;
            case SLOW:
                LatencyModel.sleepNanos(faults.slowDelay().toNanos());
                return Preflight.PROCEED;
            case REDIRECT_SAME_ORIGIN:
            case REDIRECT_ELSEWHERE:
                send(ex, Reply.message(307, "Temporary Redirect").withHeader("Location",
                        faults.redirectLocation(fault, path, ex.rawQuery, ex.localPort())), decision, outcome);
                return Preflight.ANSWERED;
            default:
                return new Preflight(false, fault);
        }
    }

    private void sendWithFault(HttpServerCore.Exchange ex, Reply reply, Fault fault, RateLimiter.Decision decision,
            Outcome outcome) throws IOException {
        if (fault == Fault.INVALID_JSON) {
            byte[] garbage = "[{\"id\": 1 \"name\": undefined, <html>}".getBytes(StandardCharsets.UTF_8);
            send(ex, new Reply(200, reply.headers(), garbage, 0), decision, outcome);
        } else if (fault == Fault.TRUNCATED_JSON) {
            latency.sleep(reply.records());
            byte[] half = Arrays.copyOf(reply.body(), Math.max(1, reply.body().length / 2));
            outcome.record(200, 0);
            ex.sendTruncated(200, headers(ex, reply, decision), half, half.length);
        } else {
            send(ex, reply, decision, outcome);
        }
    }

    private void serveToken(HttpServerCore.Exchange ex, String path, Outcome outcome) throws IOException {
        String[] basic = basicCredentials(ex);
        Map<String, String> form = QueryString.decode(new String(ex.body, StandardCharsets.UTF_8));
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        RateLimiter.Decision decision = v3Limiter.peek(clientId == null ? "" : clientId);
        if (!ex.method.equals("POST")) {
            send(ex, Reply.message(405, "Method Not Allowed"), decision, outcome);
            return;
        }
        Preflight pre = statusOrFault(ex, path, false, decision, outcome);
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
        sendWithFault(ex, reply, pre.bodyFault(), decision, outcome);
    }

    private void send(HttpServerCore.Exchange ex, Reply reply, RateLimiter.Decision decision, Outcome outcome)
            throws IOException {
        latency.sleep(reply.records());
        outcome.record(reply.status(), reply.status() / 100 == 2 ? reply.records() : 0);
        ex.send(reply.status(), headers(ex, reply, decision), reply.body());
    }

    private Map<String, String> headers(HttpServerCore.Exchange ex, Reply reply, RateLimiter.Decision decision) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Date", HTTP_DATE.format(clock.now()));
        h.put("Content-Type", Reply.JSON_TYPE);
        (ex.path.startsWith("/v3/") ? v3RateHeaders : rateHeaders).write(h, decision, reply.status() == 429,
                clock.now());
        h.putAll(reply.headers());
        return h;
    }

    private String hostOf(HttpServerCore.Exchange ex) {
        String host = ex.header("host");
        return host == null || host.isBlank() ? ex.localAuthority() : host.trim();
    }

    private static String[] basicCredentials(HttpServerCore.Exchange ex) {
        String auth = ex.header("authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? new String[] {decoded, ""} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The v1 API key (Basic username; the password is ignored), or null. */
    private static String basicUser(HttpServerCore.Exchange ex) {
        String[] c = basicCredentials(ex);
        return c == null || c[0].isEmpty() ? null : c[0];
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
