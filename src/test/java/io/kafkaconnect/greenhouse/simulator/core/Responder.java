package io.kafkaconnect.greenhouse.simulator.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answering half of both simulators' request pipelines: the common headers ({@code Date} on the simulator
 * clock, {@code Content-Type}), latency, logging each request once, a permanent status for a path and the injected
 * faults. The routers decide what to answer; this sends it.
 */
public final class Responder {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** The Retry-After of a {@link Fault#HTTP_429}. */
    public static final int THROTTLE_SECONDS = 30;
    private static final byte[] HTML_503 = ("<html>\r\n<head><title>503 Service Temporarily Unavailable</title>"
            + "</head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx"
            + "</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.UTF_8);

    /** Serves one call; must answer it through the {@link Responder}. */
    public interface Service {
        void serve(Call call) throws IOException;
    }

    /** Headers a simulator adds to every answer of a call (Harvest: its rate-limit headers). */
    public interface ExtraHeaders {
        ExtraHeaders NONE = (headers, reply) -> { };

        void write(Map<String, String> headers, Reply reply);
    }

    /** Whether a permanent status or fault already answered, and a fault still to apply to the body. */
    public record Preflight(boolean answered, Fault bodyFault) {
        static final Preflight ANSWERED = new Preflight(true, null);
        static final Preflight PROCEED = new Preflight(false, null);
    }

    private final SimClock clock;
    private final FaultInjector faults;
    private final LatencyModel latency;
    private final RequestLog<LoggedRequest> log;
    private final byte[] invalidJson;

    /** {@code invalidJson}: the body of the {@link Fault#INVALID_JSON} fault. */
    public Responder(SimClock clock, FaultInjector faults, LatencyModel latency, RequestLog<LoggedRequest> log,
            String invalidJson) {
        this.clock = clock;
        this.faults = faults;
        this.latency = latency;
        this.log = log;
        this.invalidJson = invalidJson.getBytes(StandardCharsets.UTF_8);
    }

    /** Serves one exchange; a request that got no answer is logged with status 0. */
    public void handle(HttpServerCore.Exchange ex, Map<String, String> query, Service service) throws IOException {
        Call call = new Call(ex, clock.now(), Collections.unmodifiableMap(query), log);
        try {
            service.serve(call);
        } finally {
            call.record(0, null, null, 0);
        }
    }

    /** Latency, log, then the answer with the common headers. */
    public void send(Call call, Reply reply, ExtraHeaders extra) throws IOException {
        latency.sleep(reply.records());
        call.record(reply.status(), reply.success(), reply.errorCode(), reply.status() / 100 == 2 ? reply.records() : 0);
        call.exchange.send(reply.status(), headers(reply, extra), reply.body());
    }

    /**
     * Applies a permanent status or an injected fault that replaces the answer (or delays it, for SLOW).
     * TRUNCATED_JSON and INVALID_JSON are handed back for {@link #sendSpoilt}. {@code apiPath}: whether unscoped
     * faults reach this path.
     */
    public Preflight preflight(Call call, boolean apiPath, ExtraHeaders extra) throws IOException {
        Integer status = faults.statusFor(call.path);
        if (status != null) {
            send(call, Reply.message(status, HttpServerCore.reason(status)), extra);
            return Preflight.ANSWERED;
        }
        Fault fault = faults.next(call.path, apiPath);
        if (fault == null) {
            return Preflight.PROCEED;
        }
        switch (fault) {
            case HTTP_500, HTTP_502, HTTP_503 -> {
                int code = fault == Fault.HTTP_500 ? 500 : fault == Fault.HTTP_502 ? 502 : 503;
                send(call, Reply.message(code, HttpServerCore.reason(code)), extra);
                return Preflight.ANSWERED;
            }
            case HTTP_429 -> {
                send(call, Reply.message(429, HttpServerCore.reason(429)).withHeader("Retry-After",
                        String.valueOf(THROTTLE_SECONDS)), ExtraHeaders.NONE);
                return Preflight.ANSWERED;
            }
            case HTML_ERROR_PAGE -> {
                send(call, new Reply(503, new LinkedHashMap<>(), HTML_503, 0).withHeader("Content-Type", "text/html"),
                        extra);
                return Preflight.ANSWERED;
            }
            case CONNECTION_RESET -> {
                latency.sleep(0);
                call.record(0, null, null, 0);
                call.exchange.reset();
                return Preflight.ANSWERED;
            }
            case SLOW -> {
                LatencyModel.sleepNanos(faults.slowDelay().toNanos());
                return Preflight.PROCEED;
            }
            case REDIRECT_SAME_ORIGIN, REDIRECT_ELSEWHERE -> {
                HttpServerCore.Exchange ex = call.exchange;
                send(call, Reply.message(307, "Temporary Redirect").withHeader("Location",
                        faults.redirectLocation(fault, call.path, ex.rawQuery, ex.localPort())), extra);
                return Preflight.ANSWERED;
            }
            default -> {
                return new Preflight(false, fault);
            }
        }
    }

    /** Sends the answer, spoilt by a body fault from {@link #preflight} if there is one. */
    public void sendSpoilt(Call call, Reply reply, Fault bodyFault, ExtraHeaders extra) throws IOException {
        if (bodyFault == Fault.INVALID_JSON) {
            send(call, new Reply(200, reply.headers(), invalidJson, 0), extra);
        } else if (bodyFault == Fault.TRUNCATED_JSON) {
            latency.sleep(reply.records());
            byte[] half = Arrays.copyOf(reply.body(), Math.max(1, reply.body().length / 2));
            call.record(200, null, null, 0);
            call.exchange.sendTruncated(200, headers(reply, extra), half, half.length);
        } else {
            send(call, reply, extra);
        }
    }

    private Map<String, String> headers(Reply reply, ExtraHeaders extra) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Date", HTTP_DATE.format(clock.now()));
        h.put("Content-Type", Reply.JSON_TYPE);
        extra.write(h, reply);
        h.putAll(reply.headers());
        return h;
    }
}
