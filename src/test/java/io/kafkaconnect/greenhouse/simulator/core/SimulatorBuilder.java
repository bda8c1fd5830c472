package io.kafkaconnect.greenhouse.simulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings both simulators have; every one has a default.
 *
 * @param <B> the simulator's own builder, which each setter returns
 */
public abstract class SimulatorBuilder<B extends SimulatorBuilder<B>> {
    long seed = 42L;
    int defaultRecords = 25;
    final Set<String> apiKeys = new LinkedHashSet<>();
    Duration latencyFixed = Duration.ZERO;
    Duration latencyPerRecord = Duration.ZERO;
    double latencyJitter;
    Duration clockOffset = Duration.ZERO;
    Instant dataEpoch;
    Duration slowDelay = Duration.ofSeconds(3);
    String host = "127.0.0.1";
    int port;
    int threads = 256;

    protected SimulatorBuilder() {
    }

    protected abstract B self();

    /** Seeds the generated records, ids and random faults; default 42. */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Records seeded for one resource. */
    public abstract B records(String resource, int count);

    /** Requests allowed per window. */
    public abstract B rateLimit(int limit, Duration window);

    public abstract Simulator build();

    /** Records seeded for resources not named in {@link #records}; default 25. */
    public B defaultRecords(int count) {
        this.defaultRecords = checkedCount(count);
        return self();
    }

    protected static int checkedCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0");
        }
        return count;
    }

    /** A valid API key (Basic user name). May be called several times; default "test-api-key". */
    public B apiKey(String apiKey) {
        apiKeys.add(Objects.requireNonNull(apiKey));
        return self();
    }

    /** Delay = (fixed + perRecord x records) x (1 +/- jitter x random). */
    public B latency(Duration fixed, Duration perRecord, double jitter) {
        this.latencyFixed = fixed;
        this.latencyPerRecord = perRecord;
        this.latencyJitter = jitter;
        return self();
    }

    public B clockOffset(Duration offset) {
        this.clockOffset = offset;
        return self();
    }

    /** Seeded timestamps lie in the three years before this instant; default: the simulator's now at build. */
    public B dataEpoch(Instant epoch) {
        this.dataEpoch = epoch;
        return self();
    }

    /** Sleep of the {@link Fault#SLOW} fault; default 3 s. */
    public B slowFaultDelay(Duration delay) {
        this.slowDelay = delay;
        return self();
    }

    /** 0 (default): any free port. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** Max concurrent connections (one pooled thread each); default 256. */
    public B threads(int threads) {
        this.threads = threads;
        return self();
    }
}
