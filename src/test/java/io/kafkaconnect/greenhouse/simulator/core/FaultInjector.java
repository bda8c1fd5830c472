package io.kafkaconnect.greenhouse.simulator.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Decides which requests fail, and how. Thread-safe.
 *
 * <ul>
 *   <li>Scripted: {@link #failNext} (any {@code /v1/} or {@code /v3/} request) and {@link #failNextOn} (requests
 *       whose path starts with a prefix, on a segment boundary; this also reaches {@code /oauth/token}). Entries
 *       are consumed in the order they were added.</li>
 *   <li>Probabilistic: {@link #probability}, rolled once per API request with a seeded random.</li>
 *   <li>Periodic: {@link #every}, one API request in n.</li>
 *   <li>Permanent statuses per path prefix ({@code HarvestSimulator.setStatusFor}); not touched by
 *       {@link #clear()}.</li>
 * </ul>
 */
public final class FaultInjector {

    private static final class Scripted {
        final String prefix;
        final Fault fault;
        int remaining;

        Scripted(String prefix, int remaining, Fault fault) {
            this.prefix = prefix;
            this.remaining = remaining;
            this.fault = fault;
        }
    }

    private final List<Scripted> scripted = new ArrayList<>();
    private final Map<Fault, Double> probabilities = new EnumMap<>(Fault.class);
    private final Map<String, Integer> statuses = new LinkedHashMap<>();
    /** A same-origin redirect's target path starts with this; the simulator serves it as the path after it. */
    public static final String MOVED_PREFIX = "/moved";
    private Fault everyFault;
    private int everyN;
    private long apiRequests;
    private volatile String elsewhere;
    private final Random random;
    private volatile Duration slowDelay;
    private long injected;

    public FaultInjector(long seed, Duration slowDelay) {
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.slowDelay = slowDelay;
    }

    /** The next {@code n} API requests (Harvest: any path under /v1/ or /v3/; Ashby: any method) fail with {@code fault}. */
    public synchronized FaultInjector failNext(int n, Fault fault) {
        return add(null, n, fault);
    }

    /** The next {@code n} requests whose path starts with {@code pathPrefix} fail with {@code fault}. */
    public synchronized FaultInjector failNextOn(String pathPrefix, int n, Fault fault) {
        return add(Objects.requireNonNull(pathPrefix), n, fault);
    }

    private FaultInjector add(String prefix, int n, Fault fault) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        if (n > 0) {
            scripted.add(new Scripted(prefix, n, Objects.requireNonNull(fault)));
        }
        return this;
    }

    /** Each API request fails with {@code fault} with this probability (0 removes it). Probabilities add up. */
    public synchronized FaultInjector probability(Fault fault, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("probability must be in [0,1]");
        }
        if (p == 0) {
            probabilities.remove(fault);
        } else {
            probabilities.put(fault, p);
        }
        double sum = probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1.0 + 1e-9) {
            probabilities.remove(fault);
            throw new IllegalArgumentException("fault probabilities add up to more than 1");
        }
        return this;
    }

    /** Every {@code n}-th API request (the n-th, 2n-th, ...) fails with {@code fault}; n = 0 removes it. */
    public synchronized FaultInjector every(int n, Fault fault) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        this.everyN = n;
        this.everyFault = n == 0 ? null : Objects.requireNonNull(fault);
        this.apiRequests = 0;
        return this;
    }

    /**
     * The origin ({@code http://host:port}) a {@link Fault#REDIRECT_ELSEWHERE} points to; default
     * {@code http://127.0.0.2:<the simulator's port>}, where nothing listens.
     */
    public FaultInjector redirectElsewhereTo(String origin) {
        this.elsewhere = origin;
        return this;
    }

    /** Where a redirect fault sends a request for {@code path} and {@code rawQuery} (may be null) to this port. */
    public String redirectLocation(Fault fault, String path, String rawQuery, int localPort) {
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        if (fault == Fault.REDIRECT_SAME_ORIGIN) {
            return MOVED_PREFIX + path + query;
        }
        String origin = elsewhere;
        return (origin != null ? origin : "http://127.0.0.2:" + localPort) + path + query;
    }

    /** The path a request for {@code path} is served as: without {@link #MOVED_PREFIX}. */
    public static String served(String path) {
        return path.startsWith(MOVED_PREFIX + "/") ? path.substring(MOVED_PREFIX.length()) : path;
    }

    /** How long a {@link Fault#SLOW} request sleeps before answering. */
    public FaultInjector slowDelay(Duration delay) {
        this.slowDelay = Objects.requireNonNull(delay);
        return this;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    /** Remove all scripted and probabilistic faults (permanent statuses stay). */
    public synchronized void clear() {
        scripted.clear();
        probabilities.clear();
        everyN = 0;
        everyFault = null;
    }

    /** Scripted faults not yet consumed. */
    public synchronized int pending() {
        return scripted.stream().mapToInt(s -> s.remaining).sum();
    }

    /** How many faults (scripted or random) have been injected so far. */
    public synchronized long injectedCount() {
        return injected;
    }

    public synchronized void setStatus(String pathPrefix, int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        statuses.put(Objects.requireNonNull(pathPrefix), status);
    }

    public synchronized void clearStatus(String pathPrefix) {
        statuses.remove(pathPrefix);
    }

    /** The permanent status configured for this path (longest matching prefix), or null. */
    public synchronized Integer statusFor(String path) {
        String best = null;
        for (String prefix : statuses.keySet()) {
            if (matches(prefix, path) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : statuses.get(best);
    }

    /**
     * The fault for this request, or null. {@code apiPath} says whether unscoped faults may apply
     * (true for /v1/ and /v3/ paths, false for the token endpoint).
     */
    public synchronized Fault next(String path, boolean apiPath) {
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext();) {
            Scripted s = it.next();
            if (s.prefix == null ? apiPath : matches(s.prefix, path)) {
                s.remaining--;
                if (s.remaining <= 0) {
                    it.remove();
                }
                injected++;
                return s.fault;
            }
        }
        if (apiPath && everyN > 0 && ++apiRequests % everyN == 0) {
            injected++;
            return everyFault;
        }
        if (apiPath && !probabilities.isEmpty()) {
            double r = random.nextDouble();
            double acc = 0;
            for (Map.Entry<Fault, Double> e : probabilities.entrySet()) {
                acc += e.getValue();
                if (r < acc) {
                    injected++;
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Prefix match on a path-segment boundary: "/v1/jobs" matches "/v1/jobs" and "/v1/jobs/1", not "/v1/jobsx". */
    static boolean matches(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        return path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/'
                || path.charAt(prefix.length()) == '?';
    }
}
