package io.kafkaconnect.greenhouse.simulator.core;

/** Failures the simulator can inject instead of (or, for {@link #SLOW}, before) a normal answer. */
public enum Fault {
    /** 500 with a JSON error body. */
    HTTP_500,
    /** 502 with a JSON error body. */
    HTTP_502,
    /** 503 with a JSON error body. */
    HTTP_503,
    /**
     * 429 with {@code Retry-After: 30} and no rate headers, whatever the simulator's own rate limit says: a throttle
     * from in front of the API (another client of the key spent the window).
     */
    HTTP_429,
    /** 503 with an HTML body and {@code Content-Type: text/html}, like a load balancer's error page. */
    HTML_ERROR_PAGE,
    /** 200 with the normal headers but only the first half of the JSON body (Content-Length matches what is sent). */
    TRUNCATED_JSON,
    /** 200 with the normal headers and a body that is not JSON at all. */
    INVALID_JSON,
    /** The TCP connection is reset without any response: the client sees an IOException. */
    CONNECTION_RESET,
    /** Sleep the configured slow delay, then answer normally. */
    SLOW,
    /**
     * 307 to the same URL under {@value FaultInjector#MOVED_PREFIX} on the same origin, which is served as the URL
     * itself.
     */
    REDIRECT_SAME_ORIGIN,
    /** 307 to the same path and query on another origin ({@link FaultInjector#redirectElsewhereTo}). */
    REDIRECT_ELSEWHERE
}
