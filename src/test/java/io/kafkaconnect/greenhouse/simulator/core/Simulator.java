package io.kafkaconnect.greenhouse.simulator.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What both simulators are: an HTTP server on 127.0.0.1 with a clock that may be skewed, injectable faults,
 * latency, a request log and background mutations. The Harvest and Ashby simulators add their API.
 */
public abstract class Simulator implements AutoCloseable {
    protected final long seed;
    protected final int defaultRecords;
    protected final SimClock clock;
    /** Seeded timestamps lie in the three years before this. */
    protected final long dataEpochMillis;
    /** The valid API keys, in the order given. */
    protected final Set<String> apiKeys;
    protected final FaultInjector faults;
    protected final LatencyModel latency;
    protected final RequestLog<LoggedRequest> log = new RequestLog<>(100_000);
    private final String host;
    private final int configuredPort;
    private final int threads;
    private HttpServerCore server;

    protected Simulator(SimulatorBuilder<?> b) {
        this.seed = b.seed;
        this.defaultRecords = b.defaultRecords;
        this.clock = new SimClock(Clock.systemUTC(), b.clockOffset);
        this.dataEpochMillis = (b.dataEpoch != null ? b.dataEpoch : clock.now()).toEpochMilli();
        this.apiKeys = Collections.unmodifiableSet(new LinkedHashSet<>(
                b.apiKeys.isEmpty() ? Set.of("test-api-key") : b.apiKeys));
        this.faults = new FaultInjector(b.seed, b.slowDelay);
        this.latency = new LatencyModel(b.latencyFixed, b.latencyPerRecord, b.latencyJitter);
        this.host = b.host;
        this.configuredPort = b.port;
        this.threads = b.threads;
    }

    /** Binds the configured host and port (0 = any free port) and starts serving; a no-op if serving. */
    protected final synchronized void startServer(HttpServerCore.Handler handler, String threadPrefix) {
        if (server != null) {
            return;
        }
        try {
            server = new HttpServerCore(host, configuredPort, threads, Duration.ofSeconds(60), handler, threadPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + host + ":" + configuredPort, e);
        }
        server.start();
    }

    /** Bind 127.0.0.1 (port from the builder, 0 = any free port) and start serving. */
    public abstract Simulator start();

    /** The URL the API is served under. */
    public abstract String baseUrl();

    /** The background mutations, and the count of all edits and inserts. */
    public abstract Mutations mutations();

    @Override
    public synchronized void close() {
        mutations().stop();
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.port();
    }

    protected String host() {
        return host;
    }

    /** The first configured API key. */
    public String apiKey() {
        return apiKeys.iterator().next();
    }

    public List<LoggedRequest> requestLog() {
        return log.snapshot();
    }

    public void clearRequestLog() {
        log.clear();
    }

    /** The simulator clock: machine clock + offset, millisecond precision. */
    public Instant now() {
        return clock.now();
    }

    public void setClockOffset(Duration offset) {
        clock.setOffset(offset);
    }

    public Duration clockOffset() {
        return clock.offset();
    }

    /** Faults; scope them to a path with a path prefix. */
    public FaultInjector faults() {
        return faults;
    }
}
