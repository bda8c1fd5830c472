package io.kafkaconnect.greenhouse.simulator.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** One request being answered; its log entry is written exactly once, just before its answer goes on the wire. */
public final class Call {
    public final HttpServerCore.Exchange exchange;
    /** The request path without a trailing slash, and with a same-origin redirect's prefix removed. */
    public final String path;
    /** Decoded query parameters, as the simulator reads them. */
    public final Map<String, String> query;
    private final Instant at;
    private final RequestLog<LoggedRequest> log;
    private boolean logged;

    Call(HttpServerCore.Exchange exchange, Instant at, Map<String, String> query, RequestLog<LoggedRequest> log) {
        this.exchange = exchange;
        this.at = at;
        this.query = query;
        this.log = log;
        String p = exchange.path;
        this.path = FaultInjector.served(p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
    }

    /** Logs the answer; a no-op once logged. */
    void record(int status, Boolean success, String errorCode, int records) {
        if (!logged) {
            logged = true;
            log.add(new LoggedRequest(at, exchange.method, path, query,
                    new String(exchange.body, StandardCharsets.UTF_8), status, success, errorCode, records));
        }
    }
}
