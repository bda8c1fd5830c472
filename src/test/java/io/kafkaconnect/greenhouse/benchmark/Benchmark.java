package io.kafkaconnect.greenhouse.benchmark;

import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The throughput benchmark of issue "Throughput: backfill at the speed of the rate budget": the real
 * {@code GreenhouseSourceTask} against the in-process {@link HarvestSimulator}, side by side with a plain
 * page-by-page reader. Not a test: it is run by hand (see docs/performance.md) and never by {@code mvn verify}.
 *
 * <pre>
 * mvn -B -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath io.kafkaconnect.greenhouse.benchmark.Benchmark all"
 * </pre>
 *
 * Scenarios: {@code all} (default), {@code realistic-v1}, {@code baseline-v1}, {@code unthrottled-v1}, and the
 * same for v3 and for Ashby ({@code AshbySourceTask} against the {@link AshbySimulator}). Options: see
 * {@link #USAGE}.
 */
public final class Benchmark {
    static final String USAGE = """
            Usage: Benchmark [scenario ...] [options]
              scenarios: all (default) | realistic-v1 | baseline-v1 | unthrottled-v1
                                       | realistic-v3 | baseline-v3 | unthrottled-v3
                                       | shared-v1 | shared-v3 (two connectors, one credential, half each)
                                       | realistic-ashby | baseline-ashby | unthrottled-ashby
              --records N           candidates in the Harvest simulator (default 200000)
              --ashby-records N     candidates in the Ashby simulator (default 20000: one cursor chain is slow)
              --ashby-limit N       Ashby requests per 60 s window (default 1000, as documented)
              --ashby-seconds S     how long realistic-ashby reads its account (default 180)
              --page-size N         page.size of the connector and per_page of the baseline (default 500)
              --concurrency N       fetch.max.concurrency of the task (default 8; realistic-ashby: the
                                    connector's default, or --set fetch.max.concurrency=N)
              --budget-fraction F   rate.limit.budget.fraction of the task (default 1.0)
              --set KEY=VALUE       any other task property (repeatable)
              --baseline-pages N    pages the baseline reads, 0 = all (default 40)
              --v1-limit N          v1 requests per 10 s window (default 50)
              --v3-limit N          v3 requests per 30 s window (default 150: the same ceiling as v1)
              --warmup N            records read unmeasured before the first unthrottled run (default 20000)
              --timeout S           give up on one backfill after S seconds (default 1200)
              --seed N              simulator seed (default 42)
              --log LEVEL           log level of the connector's classes (default warn)
              --metrics on|off      publish the task's metrics to JMX and read them every second (default off)
              --timeline PREFIX     write every request of each connector run to PREFIX-<scenario>.txt
              --simulator process|in-process
                                    where unthrottled-v1/-v3 run the Harvest simulator: a JVM of its own, so its
                                    CPU and garbage are not the connector's (default), or this one
              --converter both|none|json
                                    unthrottled runs: without any converter, with JsonConverter as a worker runs
                                    it, or both one after the other (default)
            """;
    static final long MIB = 1024 * 1024;
    static final List<String> ALL = List.of("unthrottled-v1", "realistic-v1", "baseline-v1", "unthrottled-v3",
            "realistic-v3", "baseline-v3", "shared-v1", "shared-v3", "unthrottled-ashby", "realistic-ashby",
            "baseline-ashby");

    private static final Duration LATENCY_FIXED = Duration.ofMillis(600);
    private static final Duration LATENCY_PER_RECORD = Duration.ofMillis(1);
    private static final double LATENCY_JITTER = 0.1;
    private static final Duration V1_WINDOW = Duration.ofSeconds(10);
    private static final Duration V3_WINDOW = Duration.ofSeconds(30);
    private static final Duration ASHBY_WINDOW = Duration.ofSeconds(60);
    private static final int ASHBY_MAX_PAGE = 100;
    /** Issue 22 (was 0.90). */
    private static final double TARGET_CEILING_FRACTION = 0.95;
    private static final double TARGET_THROTTLED_SHARE = 0.01;
    private static final double TARGET_SPEEDUP = 10.0;
    private static final double TARGET_PER_CORE = 50_000;
    /** Issue 22, item 1: without a converter. */
    private static final double TARGET_PER_CORE_NO_CONVERTER = 25_000;
    private static final long TARGET_HEAP = 256 * MIB;
    private static final double HEAP_GC_SHARE = 0.05;

    private static final AtomicInteger CREDENTIALS = new AtomicInteger();

    /** Command-line settings. */
    record Options(Set<String> scenarios, int records, int pageSize, int concurrency, double budgetFraction,
                   Map<String, String> extraProps, int baselinePages, int v1Limit, int v3Limit, int warmup,
                   Duration timeout, long seed, String logLevel, int ashbyRecords, int ashbyLimit,
                   boolean metrics, Duration ashbySpan, String timeline, boolean simulatorProcess,
                   List<Boolean> converters) {

        static Options parse(String[] rawArgs) {
            // one argument may hold several words (e.g. from a single Maven property)
            String[] args = Arrays.stream(rawArgs).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                    .filter(a -> !a.isEmpty()).toArray(String[]::new);
            Set<String> scenarios = new LinkedHashSet<>();
            int records = 200_000;
            int pageSize = 500;
            int concurrency = 8;
            double fraction = 1.0;
            Map<String, String> extra = new LinkedHashMap<>();
            int baselinePages = 40;
            int v1Limit = 50;
            int v3Limit = 150;
            int warmup = 20_000;
            Duration timeout = Duration.ofSeconds(1200);
            long seed = 42;
            String log = "warn";
            int ashbyRecords = 20_000;
            int ashbyLimit = 1_000;
            Duration ashbySpan = Duration.ofSeconds(180);
            boolean metrics = false;
            String timeline = null;
            boolean simulatorProcess = true;
            List<Boolean> converters = List.of(false, true);
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    for (String s : a.split(",")) {
                        if (s.isBlank()) {
                            continue;
                        }
                        if (s.equals("all")) {
                            scenarios.addAll(ALL);
                        } else if (ALL.contains(s)) {
                            scenarios.add(s);
                        } else {
                            throw new IllegalArgumentException("unknown scenario '" + s + "'\n" + USAGE);
                        }
                    }
                    continue;
                }
                String name = a;
                String value;
                int eq = a.indexOf('=');
                if (eq > 0 && !a.startsWith("--set")) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--records" -> records = Integer.parseInt(value);
                    case "--page-size" -> pageSize = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--budget-fraction" -> fraction = Double.parseDouble(value);
                    case "--set" -> {
                        int kv = value.indexOf('=');
                        if (kv <= 0) {
                            throw new IllegalArgumentException("--set needs KEY=VALUE\n" + USAGE);
                        }
                        extra.put(value.substring(0, kv), value.substring(kv + 1));
                    }
                    case "--baseline-pages" -> baselinePages = Integer.parseInt(value);
                    case "--v1-limit" -> v1Limit = Integer.parseInt(value);
                    case "--v3-limit" -> v3Limit = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value));
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--log" -> log = value;
                    case "--ashby-records" -> ashbyRecords = Integer.parseInt(value);
                    case "--ashby-limit" -> ashbyLimit = Integer.parseInt(value);
                    case "--ashby-seconds" -> ashbySpan = Duration.ofSeconds(Long.parseLong(value));
                    case "--metrics" -> {
                        if (!value.equals("on") && !value.equals("off")) {
                            throw new IllegalArgumentException("--metrics is on or off\n" + USAGE);
                        }
                        metrics = value.equals("on");
                    }
                    case "--timeline" -> timeline = value;
                    case "--simulator" -> {
                        if (!value.equals("process") && !value.equals("in-process")) {
                            throw new IllegalArgumentException("--simulator is process or in-process\n" + USAGE);
                        }
                        simulatorProcess = value.equals("process");
                    }
                    case "--converter" -> converters = switch (value) {
                        case "both" -> List.of(false, true);
                        case "none" -> List.of(false);
                        case "json" -> List.of(true);
                        default -> throw new IllegalArgumentException("--converter is both, none or json\n" + USAGE);
                    };
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            }
            if (scenarios.isEmpty()) {
                scenarios.addAll(ALL);
            }
            return new Options(scenarios, records, pageSize, concurrency, fraction, extra, baselinePages, v1Limit,
                    v3Limit, warmup, timeout, seed, log, ashbyRecords, ashbyLimit, metrics, ashbySpan, timeline,
                    simulatorProcess, converters);
        }
    }

    /** One line of the summary table; {@code pass == null} means the target could not be evaluated. */
    record Verdict(String scenario, String target, String measured, Boolean pass) {
    }

    private final Options options;
    private final List<Verdict> verdicts = new ArrayList<>();
    private final Map<String, Double> connectorRates = new LinkedHashMap<>();
    private final Map<String, BaselineReader.Result> baselines = new LinkedHashMap<>();
    private boolean warmedUp;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        // before anything creates a logger: the connector logs every window at info
        System.setProperty("org.slf4j.simpleLogger.log.io.kafkaconnect.greenhouse", options.logLevel());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        new Benchmark(options).runAll();
        System.exit(0);
    }

    private void runAll() throws Exception {
        Runtime rt = Runtime.getRuntime();
        say("Greenhouse connector throughput benchmark, %s", Instant.now());
        say("JVM %s %s, %d cores, max heap %d MiB; options: %s", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() / MIB,
                describeOptions());
        for (String scenario : options.scenarios()) {
            String version = scenario.substring(scenario.indexOf('-') + 1);
            if (version.equals("v3") && !v3Supported()) {
                say("");
                say("== %s", scenario);
                say("   v3: not supported by this build (greenhouse.api.version=v3 is not accepted yet)");
                verdicts.add(new Verdict(scenario, "-", "v3: not supported by this build", null));
                continue;
            }
            try {
                if (scenario.startsWith("realistic")) {
                    realistic(version);
                } else if (scenario.startsWith("shared")) {
                    shared(version);
                } else if (scenario.startsWith("baseline")) {
                    baseline(version);
                } else {
                    unthrottled(version);
                }
            } catch (Exception | Error e) {
                say("   FAILED: %s", e);
                e.printStackTrace(System.out);
                verdicts.add(new Verdict(scenario, "run", "failed: " + e, false));
            }
        }
        speedups();
        summary();
    }

    // ------------------------------------------------------------------ scenarios

    private void realistic(String version) {
        if (version.equals("ashby")) {
            realisticAshbyAccount();
            return;
        }
        int limit = limit(version);
        Duration window = window(version);
        int pageSize = pageSize(version);
        double ceiling = limit * (double) pageSize / (window.toMillis() / 1000.0);
        String name = "realistic-" + version;
        say("");
        say("== %s: %,d candidates, latency %d ms + %d ms/record ±%.0f%%, budget %d requests / %d s (%s window), "
                        + "page.size %d", name, records(version), LATENCY_FIXED.toMillis(), LATENCY_PER_RECORD.toMillis(),
                LATENCY_JITTER * 100, limit, window.toSeconds(), "fixed", pageSize);
        try (Target target = start(version, records(version), true)) {
            ConnectorRun.Result r = runConnector(target, version);
            printRun(r);
            printPhases(r, limit, window);
            writeTimeline(name, r);
            double pageSeconds = (LATENCY_FIXED.toMillis() + LATENCY_PER_RECORD.toMillis() * pageSize) / 1000.0;
            double requestCeiling = limit / (double) window.toSeconds();
            say("   ceiling          %,.0f records/s (%d requests × %d records ÷ %d s)", ceiling, limit,
                    pageSize, window.toSeconds());
            double fraction = r.recordsPerSecond() / ceiling;
            say("   of ceiling       %.1f %%", fraction * 100);
            double requestRate = r.requests() / seconds(r.wallNanos());
            double yield = r.requests() == 0 ? 0 : r.distinct() / (double) r.requests();
            say("   requests/s       %.2f (budget %.2f: %.0f %% used); a %d-record page takes ≈ %.2f s, so the budget "
                            + "needs ≈ %.1f requests in flight", requestRate, requestCeiling,
                    100 * requestRate / requestCeiling, pageSize, pageSeconds, requestCeiling * pageSeconds);
            say("   per request      %.0f new records (a full page is %d: %.0f %%); at this yield the budget allows "
                            + "at most %,.0f records/s", yield, pageSize, 100 * yield / pageSize,
                    yield * requestCeiling);
            say("   so               of ceiling = budget used × yield = %.2f × %.2f = %.1f %%",
                    requestRate / requestCeiling, yield / pageSize,
                    100 * (requestRate / requestCeiling) * (yield / pageSize));
            double throttledShare = r.requests() == 0 ? 0 : r.throttled() / (double) r.requests();
            boolean ok = r.complete() && r.failure() == null;
            verdicts.add(new Verdict(name, "≥ 95% of the ceiling",
                    String.format(Locale.ROOT, "%.1f %% (%,.0f of %,.0f rec/s%s)", fraction * 100, r.recordsPerSecond(),
                            ceiling, ok ? "" : ", INCOMPLETE"), ok && fraction >= TARGET_CEILING_FRACTION));
            verdicts.add(new Verdict(name, "< 1% of requests answered 429",
                    String.format(Locale.ROOT, "%.2f %% (%d of %d)", throttledShare * 100, r.throttled(), r.requests()),
                    ok && throttledShare < TARGET_THROTTLED_SHARE));
            if (ok) {
                connectorRates.put(version, r.recordsPerSecond());
            }
        }
    }

    /**
     * A realistic Ashby account, read by one task: candidates, twice as many applications, and each application's
     * history (one request per application), for {@code --ashby-seconds}, with the connector's own
     * {@code fetch.max.concurrency} unless {@code --set} gives one. Prints each resource's records/s and each
     * method's share of the budget.
     */
    private void realisticAshbyAccount() {
        int candidates = options.ashbyRecords();
        int applications = 2 * candidates;
        int limit = options.ashbyLimit();
        double budgetPerSecond = limit / (double) ASHBY_WINDOW.toSeconds();
        int pageSize = pageSize("ashby");
        List<String> resources = List.of("candidates", "applications", "application_history");
        String name = "realistic-ashby";
        say("");
        say("== %s: one task reads %s of an account with %,d candidates and %,d applications (history: 1-6 entries "
                        + "each); latency %d ms + %d ms/record ±%.0f%%, budget %d requests / %d s, page.size %d, "
                        + "fetch.max.concurrency %s; measured over %d s at most", name, String.join(", ", resources),
                candidates, applications, LATENCY_FIXED.toMillis(), LATENCY_PER_RECORD.toMillis(), LATENCY_JITTER * 100,
                limit, ASHBY_WINDOW.toSeconds(), pageSize,
                options.extraProps().getOrDefault("fetch.max.concurrency", "the connector's default"),
                options.ashbySpan().toSeconds());
        AshbySimulator.Builder b = AshbySimulator.builder().seed(options.seed()).records("candidates", candidates)
                .records("applications", applications).apiKey("bench-key-" + CREDENTIALS.incrementAndGet())
                .latency(LATENCY_FIXED, LATENCY_PER_RECORD, LATENCY_JITTER).rateLimit(limit, ASHBY_WINDOW);
        try (AshbySimulator sim = b.build().start()) {
            Map<String, Integer> expected = Map.of("candidates", sim.versions("candidates").size(),
                    "applications", sim.versions("applications").size());
            Map<String, String> props = new LinkedHashMap<>();
            props.put("page.size", String.valueOf(pageSize));
            props.put("rate.limit.budget.fraction", String.valueOf(options.budgetFraction()));
            props.putAll(options.extraProps()); // fetch.max.concurrency: the connector's default unless --set
            AshbyAccountRun.Result r = AshbyAccountRun.run(sim, resources, expected, props, options.ashbySpan());
            double span = seconds(r.spanNanos());
            if (r.failure() != null) {
                say("   FAILED           %s", r.failure());
            }
            say("   span             %.1f s; %,d polls (%,d empty, %,d retriable errors)", span, r.polls(),
                    r.emptyPolls(), r.retriable());
            say("   %-20s %10s %12s %s", "resource", "records", "records/s", "");
            for (AshbyAccountRun.ResourceResult res : r.resources().values()) {
                say("   %-20s %,10d %,12.0f %s", res.resource(), res.distinct(), res.recordsPerSecond(r.spanNanos()),
                        res.complete() ? String.format(Locale.ROOT, "all, in %.1f s", seconds(res.lastNewNanos()))
                                : res.expected() == null ? "(over the span)"
                                : String.format(Locale.ROOT, "of %,d (over the span)", res.expected()));
            }
            say("   %-24s %9s %12s %16s", "method", "requests", "requests/s", "of the budget");
            for (Map.Entry<String, AshbyAccountRun.MethodRequests> e : r.byMethod().entrySet()) {
                double rate = e.getValue().requests() / span;
                say("   %-24s %,9d %12.2f %15.1f %%", e.getKey(), e.getValue().requests(), rate,
                        100 * rate / budgetPerSecond);
            }
            double rate = r.requests() / span;
            double share = rate / budgetPerSecond;
            say("   %-24s %,9d %12.2f %15.1f %%  (budget %.2f requests/s); throttled: %d", "all", r.requests(), rate,
                    100 * share, budgetPerSecond, r.throttled());
            double throttledShare = r.requests() == 0 ? 0 : r.throttled() / (double) r.requests();
            boolean ok = r.failure() == null;
            verdicts.add(new Verdict(name, "≥ 95% of the budget used",
                    String.format(Locale.ROOT, "%.1f %% (%.2f of %.2f requests/s%s)", share * 100, rate,
                            budgetPerSecond, ok ? "" : ", FAILED"), ok && share >= TARGET_CEILING_FRACTION));
            verdicts.add(new Verdict(name, "< 1% of requests answered 429",
                    String.format(Locale.ROOT, "%.2f %% (%d of %d)", throttledShare * 100, r.throttled(), r.requests()),
                    ok && throttledShare < TARGET_THROTTLED_SHARE));
            AshbyAccountRun.ResourceResult c = r.resources().get("candidates");
            if (ok && c.complete()) {
                connectorRates.put("ashby", c.recordsPerSecond(r.spanNanos()));
            }
        }
    }

    /**
     * Two connectors on one credential, each with {@code rate.limit.budget.fraction} 0.5, backfilling the same
     * realistic simulator side by side (each its own copy of the candidates, into its own topics): together they
     * should reach the ceiling of the whole limit.
     */
    private void shared(String version) throws Exception {
        int limit = limit(version);
        Duration window = window(version);
        int pageSize = pageSize(version);
        double ceiling = limit * (double) pageSize / (window.toMillis() / 1000.0);
        String name = "shared-" + version;
        say("");
        say("== %s: two connectors on one credential, rate.limit.budget.fraction 0.5 each, %,d candidates each, "
                        + "latency %d ms + %d ms/record ±%.0f%%, budget %d requests / %d s (fixed window), "
                        + "page.size %d",
                name, records(version), LATENCY_FIXED.toMillis(), LATENCY_PER_RECORD.toMillis(), LATENCY_JITTER * 100,
                limit, window.toSeconds(), pageSize);
        try (Target target = start(version, records(version), true)) {
            List<String> connectors = List.of("bench-a", "bench-b");
            target.clearCalls().run();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<ConnectorRun.Result>> runs = new ArrayList<>();
            for (String connector : connectors) {
                Map<String, String> p = taskProps(target, version);
                p.put("name", connector);
                p.put(GreenhouseSourceConfig.TOPIC_PREFIX, connector);
                p.put("rate.limit.budget.fraction", "0.5");
                runs.add(pool.submit(() -> ConnectorRun.runAlongside(target, p, options.timeout(), false, true)));
            }
            List<ConnectorRun.Result> results = new ArrayList<>();
            for (java.util.concurrent.Future<ConnectorRun.Result> run : runs) {
                results.add(run.get());
            }
            pool.shutdown();
            long distinct = 0;
            long wallNanos = 0;
            boolean ok = true;
            for (int i = 0; i < results.size(); i++) {
                ConnectorRun.Result r = results.get(i);
                distinct += r.distinct();
                wallNanos = Math.max(wallNanos, r.wallNanos());
                ok &= r.complete() && r.failure() == null;
                say("   %-16s %,d distinct of %,d%s in %.1f s (first record after %.2f s): %,.0f records/s = %.1f %% "
                                + "of its half of the ceiling", connectors.get(i), r.distinct(), r.expected(),
                        r.failure() == null ? "" : " FAILED: " + r.failure(), seconds(r.wallNanos()),
                        seconds(r.firstRecordNanos()), r.recordsPerSecond(),
                        100 * r.recordsPerSecond() / (ceiling / 2));
            }
            List<Target.Call> calls = target.calls().get();
            long throttled = calls.stream().filter(c -> c.status() == 429).count();
            double wall = seconds(wallNanos);
            double rate = distinct / wall;
            say("   requests         %,d (%.2f/s), answered 429: %d (%.2f %%)", calls.size(), calls.size() / wall,
                    throttled, calls.isEmpty() ? 0.0 : 100.0 * throttled / calls.size());
            say("   by 10 s          %s requests (in each 10 s of the clock, first to last)",
                    ConnectorRun.byTenSeconds(calls).stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(" ")));
            say("   together         %,d records in %.1f s: %,.0f records/s", distinct, wall, rate);
            say("   ceiling          %,.0f records/s (%d requests × %d records ÷ %d s, 0.5 + 0.5 of the limit)",
                    ceiling, limit, pageSize, window.toSeconds());
            say("   of ceiling       %.1f %%", 100 * rate / ceiling);
            double throttledShare = calls.isEmpty() ? 0 : throttled / (double) calls.size();
            verdicts.add(new Verdict(name, "≥ 95% of the ceiling, together",
                    String.format(Locale.ROOT, "%.1f %% (%,.0f of %,.0f rec/s%s)", 100 * rate / ceiling, rate, ceiling,
                            ok ? "" : ", INCOMPLETE"), ok && rate / ceiling >= TARGET_CEILING_FRACTION));
            verdicts.add(new Verdict(name, "< 1% of requests answered 429",
                    String.format(Locale.ROOT, "%.2f %% (%d of %d)", throttledShare * 100, throttled, calls.size()),
                    ok && throttledShare < TARGET_THROTTLED_SHARE));
        }
    }

    private void baseline(String version) throws Exception {
        int pageSize = pageSize(version);
        int totalPages = (records(version) + pageSize - 1) / pageSize;
        int pages = options.baselinePages() <= 0 ? totalPages : Math.min(options.baselinePages(), totalPages);
        String name = "baseline-" + version;
        say("");
        say("== %s: plain HTTP client, %s, one page at a time; same simulator setup as realistic-%s; first %d of %d "
                + "pages", name, version.equals("ashby") ? "POST /candidate.list {limit: " + pageSize + "}, follow "
                + "nextCursor" : "GET /" + version + "/candidates?per_page=" + pageSize + ", follow rel=\"next\"",
                version, pages, totalPages);
        BaselineReader reader = new BaselineReader();
        BaselineReader.Result r;
        if (version.equals("ashby")) {
            try (AshbySimulator sim = ashbySimulator(records(version), true)) {
                r = reader.readAshby(sim.baseUrl(), sim.apiKey(), pageSize, pages);
            }
        } else {
            HarvestSimulator.Builder b = realisticHarvest(version, records(version));
            Credential credential = credential(b);
            try (HarvestSimulator sim = b.build().start()) {
                r = version.equals("v1")
                        ? reader.readV1(sim.baseUrl(), credential.key(), pageSize, pages)
                        : reader.readV3(sim.baseUrl(), sim.tokenUrl(), credential.key(), credential.secret(),
                        pageSize, pages);
            }
        }
        say("   records          %,d in %d pages (%s)", r.records(), r.pages(),
                r.pages() == totalPages ? "the whole backfill" : "a sample; the connector's rate is measured over "
                        + "the whole backfill");
        say("   wall time        %.1f s", seconds(r.wallNanos()));
        say("   throughput       %,.0f records/s", r.recordsPerSecond());
        say("   requests         %d, 429: %d", r.requests(), r.throttled());
        say("   whole backfill   ≈ %.1f min at this rate", records(version) / r.recordsPerSecond() / 60);
        baselines.put(version, r);
    }

    private void unthrottled(String version) {
        String name = "unthrottled-" + version;
        if (!warmedUp && options.warmup() > 0) {
            say("");
            say("-- warm-up: %,d records through the same path, not measured (JIT)", options.warmup());
            for (boolean json : options.converters()) {
                try (Target target = startUnthrottled(version, options.warmup())) {
                    ConnectorRun.Result w = runConnector(target, version, json);
                    say("   %,d records in %.1f s%s", w.distinct(), seconds(w.wallNanos()),
                            w.failure() == null ? "" : " (failed: " + w.failure() + ")");
                }
            }
            warmedUp = true;
        }
        for (boolean json : options.converters()) {
            unthrottled(version, name, json);
        }
    }

    private void unthrottled(String version, String name, boolean json) {
        boolean process = simulatorProcess(version);
        say("");
        say("== %s: %,d candidates, no latency, no rate limit, page.size %d: the connector's own cost (JSON → Struct%s); "
                        + "simulator %s%s", name, records(version), pageSize(version),
                json ? " → JsonConverter" : ", no converter", process ? "in a JVM of its own" : "in this JVM",
                version.equals("ashby") ? "; the connector still paces at Ashby's documented limit, so read the CPU "
                        + "figures, not the wall time" : "");
        try (Target target = startUnthrottled(version, records(version))) {
            ConnectorRun.Result r = runConnector(target, version, json);
            printRun(r);
            ResourceMeter.Usage u = r.usage();
            double perCore = r.distinct() / seconds(r.connectorCpuNanos());
            double perCorePollThread = r.distinct() / seconds(r.pollLoopCpuNanos());
            double perCoreEngine = r.distinct() / seconds(Math.max(1, r.connectorCpuNanos() - r.convertCpuNanos()));
            say("   per core         %,.0f records per CPU-second of the connector (GC and JIT included); "
                    + "%,.0f per CPU-second of the task's poll and step threads alone; %,.0f without the JsonConverter's share",
                    perCore, perCorePollThread, perCoreEngine);
            boolean ok = r.complete() && r.failure() == null;
            String how = json ? "" : ", no converter";
            verdicts.add(json
                    ? new Verdict(name, "≥ 50,000 records/s on one core", String.format(Locale.ROOT,
                    "%,.0f rec/CPU-s (wall %,.0f rec/s%s)", perCore, r.recordsPerSecond(), ok ? "" : ", INCOMPLETE"),
                    ok && perCore >= TARGET_PER_CORE)
                    : new Verdict(name, "≥ 25,000 records/s on one core, no converter", String.format(Locale.ROOT,
                    "%,.0f rec/CPU-s (wall %,.0f rec/s%s)", perCore, r.recordsPerSecond(), ok ? "" : ", INCOMPLETE"),
                    ok && perCore >= TARGET_PER_CORE_NO_CONVERTER));
            double gcShare = u.gcMillis() / (u.wallNanos() / 1e6);
            boolean capped = u.maxHeap() <= TARGET_HEAP;
            boolean heapOk = capped ? gcShare < HEAP_GC_SHARE : u.heapPeakSampled() < TARGET_HEAP;
            String heapDetail = capped
                    ? String.format(Locale.ROOT, "ran in -Xmx%dm, GC %.1f %% of wall; peak used %d MiB, after GC %d MiB",
                    u.maxHeap() / MIB, gcShare * 100, u.heapPeakSampled() / MIB, u.heapAfterGcPeak() / MIB)
                    : String.format(Locale.ROOT, "peak used %d MiB (max heap %d MiB), after GC %d MiB",
                    u.heapPeakSampled() / MIB, u.maxHeap() / MIB, u.heapAfterGcPeak() / MIB);
            verdicts.add(new Verdict(name, "heap < 256 MiB (" + (process ? "simulator apart" : "simulator included")
                    + how + ")", heapDetail, ok && heapOk));
        }
    }

    private boolean simulatorProcess(String version) {
        return options.simulatorProcess() && !version.equals("ashby");
    }

    /** The simulator of an unthrottled run: in a JVM of its own unless {@code --simulator in-process}. */
    private Target startUnthrottled(String version, int records) {
        if (!simulatorProcess(version)) {
            return start(version, records, false);
        }
        int n = CREDENTIALS.incrementAndGet();
        String key = "bench-key-" + n;
        String secret = "bench-secret-" + n;
        V3Keys keys = version.equals("v3") ? v3Keys() : null;
        SimulatorProcess sim = SimulatorProcess.start(options.seed(), records, dataEpoch(), key, secret);
        return Target.harvest(sim, version, key, secret,
                keys == null ? null : new String[] {keys.clientId(), keys.clientSecret(), keys.tokenUrl()});
    }

    private void speedups() {
        for (String version : List.of("v1", "v3", "ashby")) {
            BaselineReader.Result base = baselines.get(version);
            if (base == null) {
                continue;
            }
            String name = "baseline-" + version;
            double ceiling = limit(version) * (double) pageSize(version) / window(version).toSeconds();
            Double rate = connectorRates.get(version);
            String cap = String.format(Locale.ROOT, "; the budget caps it at %.1f×", ceiling / base.recordsPerSecond());
            if (rate == null) {
                verdicts.add(new Verdict(name, "connector ≥ 10× baseline",
                        String.format(Locale.ROOT, "baseline %,.0f rec/s; run realistic-%s in the same invocation%s",
                                base.recordsPerSecond(), version, cap), null));
                continue;
            }
            double ratio = rate / base.recordsPerSecond();
            verdicts.add(new Verdict(name, "connector ≥ 10× baseline",
                    String.format(Locale.ROOT, "%.1f× (%,.0f vs %,.0f rec/s%s)", ratio, rate, base.recordsPerSecond(), cap),
                    ratio >= TARGET_SPEEDUP));
        }
    }

    private void summary() {
        // in the order of the scenarios, whatever order they were run and evaluated in
        verdicts.sort(Comparator.comparingInt(v -> ALL.indexOf(v.scenario())));
        say("");
        say("== summary");
        int w1 = "scenario".length();
        int w2 = "target".length();
        for (Verdict v : verdicts) {
            w1 = Math.max(w1, v.scenario().length());
            w2 = Math.max(w2, v.target().length());
        }
        String fmt = "%-" + w1 + "s  %-" + w2 + "s  %-6s %s";
        say(fmt, "scenario", "target", "result", "measured");
        for (Verdict v : verdicts) {
            say(fmt, v.scenario(), v.target(), v.pass() == null ? "-" : v.pass() ? "PASS" : "MISS", v.measured());
        }
    }

    // ------------------------------------------------------------------ the connector run

    private ConnectorRun.Result runConnector(Target target, String version) {
        return runConnector(target, version, true);
    }

    private ConnectorRun.Result runConnector(Target target, String version, boolean json) {
        return ConnectorRun.run(target, taskProps(target, version), options.timeout(), options.metrics(), json);
    }

    private Map<String, String> taskProps(Target target, String version) {
        Map<String, String> p = new LinkedHashMap<>(target.apiProps());
        p.put("task.resources", "candidates");
        p.put(GreenhouseSourceConfig.TOPIC_PREFIX, "bench");
        p.put(GreenhouseSourceConfig.PAGE_SIZE, String.valueOf(pageSize(version)));
        p.put("fetch.max.concurrency", String.valueOf(options.concurrency()));
        p.put("rate.limit.budget.fraction", String.valueOf(options.budgetFraction()));
        p.putAll(options.extraProps());
        return p;
    }

    private void printRun(ConnectorRun.Result r) {
        ResourceMeter.Usage u = r.usage();
        double wall = seconds(r.wallNanos());
        if (r.failure() != null) {
            say("   FAILED           %s", r.failure());
        }
        say("   records          %,d distinct of %,d%s (returned %,d, unexpected ids %,d)", r.distinct(), r.expected(),
                r.complete() ? "" : " — INCOMPLETE (timeout or failure)", r.returned(), r.unexpected());
        say("   wall time        %.1f s (start() %.2f s, first record after %.2f s)", wall, seconds(r.startNanos()),
                r.firstRecordNanos() < 0 ? Double.NaN : seconds(r.firstRecordNanos()));
        say("   throughput       %,.0f records/s over the whole backfill", r.recordsPerSecond());
        say("   metrics          %s", r.metrics() == null ? "none (--metrics off)" : String.format(Locale.ROOT,
                "%d published to JMX, read %d times (every second) through JMX", r.metrics().attributes(),
                r.metrics().scrapes()));
        say("   requests         %,d (%.2f/s), answered 429: %d (%.2f %%), other errors: %d", r.requests(),
                r.requests() / wall, r.throttled(), r.requests() == 0 ? 0.0 : 100.0 * r.throttled() / r.requests(),
                r.otherErrors());
        ConnectorRun.Pages pages = r.pages();
        say("   pages            %,d answered 200: %,d full, %,d partial, %,d empty; %,d records served for %,d distinct "
                        + "(%.2f× re-read)", pages.total(), pages.full(), pages.partial(), pages.empty(), pages.served(),
                r.distinct(), r.distinct() == 0 ? Double.NaN : pages.served() / (double) r.distinct());
        say("   by 10 s          %s requests (in each 10 s of the clock, first to last)",
                pages.byTenSeconds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")));
        say("   poll loop        %,d polls (%,d empty, %,d retriable errors%s); inside poll() %.1f s, converting %.1f s",
                r.polls(), r.emptyPolls(), r.retriable(), r.lastRetriable() == null ? "" : ", last: "
                        + r.lastRetriable().getMessage(), seconds(r.pollWallNanos()), seconds(r.convertWallNanos()));
        say("   CPU              process %.2f s = simulator %.2f s + meter %.2f s + benchmark's payload sample %.2f s "
                        + "+ connector %.2f s (of which GC/JIT/VM %.2f s)", seconds(u.processCpuNanos()),
                seconds(u.simulatorCpuNanos()), seconds(u.meterCpuNanos()), seconds(r.payloadSampleCpuNanos()),
                seconds(r.connectorCpuNanos()), seconds(u.unattributedCpuNanos()));
        say("   CPU per record   %.1f µs connector (%.1f µs process)", micros(r.connectorCpuNanos(), r.distinct()),
                micros(u.processCpuNanos(), r.distinct()));
        if (u.vmThreads().gcNanos() >= 0) {
            long jit = u.vmThreads().jitNanos();
            say("   GC and JIT       of the GC/JIT/VM: the garbage collector's threads %.2f s, the JIT compilers' %.2f s;"
                            + " %,.0f records per CPU-second of the connector without the JIT's share (it is spent once "
                            + "per JVM; this run follows a warm-up of %,d records)", seconds(u.vmThreads().gcNanos()),
                    seconds(jit), r.distinct() / seconds(Math.max(1, r.connectorCpuNanos() - jit)), options.warmup());
        }
        say("   poll and step    %.2f s CPU = steps %.2f s (%.1f µs/record; inside poll() and on the step thread) + "
                        + "JsonConverter %.2f s (%.1f µs/record)", seconds(r.pollLoopCpuNanos()), seconds(r.stepsCpuNanos()),
                micros(r.stepsCpuNanos(), r.returned()), seconds(r.convertCpuNanos()),
                micros(r.convertCpuNanos(), r.returned()));
        StringBuilder groups = new StringBuilder();
        u.cpuByGroup().entrySet().stream().limit(6).forEach(e -> groups.append(groups.length() == 0 ? "" : ", ")
                .append('"').append(e.getKey()).append("\" ").append(String.format(Locale.ROOT, "%.2f s",
                        seconds(e.getValue()))));
        say("   CPU by thread    %s", groups);
        StringBuilder allocated = new StringBuilder();
        u.allocatedByGroup().entrySet().stream().limit(5).forEach(e -> allocated
                .append(allocated.length() == 0 ? "" : ", ").append('"').append(e.getKey()).append("\" ")
                .append(e.getValue() / MIB).append(" MiB"));
        say("   allocated        %,d MiB by the connector's threads = %,.1f KiB/record; by thread: %s",
                u.connectorAllocated() / MIB, r.distinct() == 0 ? Double.NaN : u.connectorAllocated() / 1024.0
                        / r.distinct(), allocated);
        say("   GC share         %.1f %% of the wall time (%d collections, %d ms); %,.1f KiB allocated per record by "
                        + "this JVM's threads but the simulator's and the meter's (%s)", 100.0 * u.gcMillis()
                        / (u.wallNanos() / 1e6), u.gcCount(), u.gcMillis(), r.distinct() == 0 ? Double.NaN
                        : u.connectorAllocated() / 1024.0 / r.distinct(),
                r.json() ? "JsonConverter included" : "no converter");
        if (r.simulatorProcessCpuNanos() >= 0) {
            say("   simulator JVM    %.2f s CPU in its own process (not in the figures above)",
                    seconds(r.simulatorProcessCpuNanos()));
        }
        say("   heap             baseline after GC %d MiB (simulator data + bookkeeping); peak used %d MiB (sampled), "
                        + "pools' peak sum %d MiB, peak after GC %d MiB; max heap %d MiB; GC %d collections, %d ms",
                u.baselineHeap() / MIB, u.heapPeakSampled() / MIB, u.heapPoolPeakSum() / MIB, u.heapAfterGcPeak() / MIB,
                u.maxHeap() / MIB, u.gcCount(), u.gcMillis());
        if (!r.json()) {
            say("   JSON out         none (--converter none: the values are not converted)");
            return;
        }
        say("   JSON out         %,d MiB (%,.0f bytes/record with schemas.enable=true; the payload alone is %,.0f "
                        + "bytes/record and %.1f µs/record to convert, measured on the first %,d records)",
                r.jsonBytes() / MIB, r.returned() == 0 ? 0.0 : r.jsonBytes() / (double) r.returned(),
                r.payloadSampleRecords() == 0 ? 0.0 : r.payloadSampleBytes() / (double) r.payloadSampleRecords(),
                micros(r.payloadSampleCpuNanos(), r.payloadSampleRecords()), r.payloadSampleRecords());
    }

    /**
     * Where the budget goes at the start and the end of a backfill: when the first request and the first full page
     * arrived, what came before it, and how long the last answers took after the last request.
     */
    private void printPhases(ConnectorRun.Result r, int limit, Duration window) {
        List<Target.Call> calls = r.pages().calls();
        if (calls.isEmpty()) {
            return;
        }
        Instant t0 = r.pages().startedAt();
        int pageSize = pageSize("v1");
        int before = 0;
        Target.Call firstFull = null;
        for (Target.Call c : calls) {
            if (c.status() / 100 == 2 && c.records() >= pageSize) {
                firstFull = c;
                break;
            }
            before++;
        }
        Target.Call last = calls.get(calls.size() - 1);
        double wall = seconds(r.wallNanos());
        double lastAt = seconds(Duration.between(t0, last.at()).toNanos());
        say("   start            first request after %.2f s, first full page after %s s (%d requests before it)",
                seconds(Duration.between(t0, calls.get(0).at()).toNanos()), firstFull == null ? "-"
                        : String.format(Locale.ROOT, "%.2f", seconds(Duration.between(t0, firstFull.at()).toNanos())),
                before);
        say("   end              last request arrived after %.2f s, last record after %.2f s; at the pace of %d "
                        + "per %d s the %d requests needed %.1f s", lastAt, wall, limit, window.toSeconds(), calls.size(),
                calls.size() * window.toMillis() / 1000.0 / limit);
    }

    /** With {@code --timeline}: every request of the run, seconds after start(), status, records, what it asked. */
    private void writeTimeline(String scenario, ConnectorRun.Result r) {
        if (options.timeline() == null) {
            return;
        }
        java.nio.file.Path file = java.nio.file.Path.of(options.timeline() + "-" + scenario + ".txt");
        Instant t0 = r.pages().startedAt();
        List<String> lines = r.pages().calls().stream().map(c -> String.format(Locale.ROOT, "%8.3f %d %4d %s",
                seconds(Duration.between(t0, c.at()).toNanos()), c.status(), c.records(), c.request())).toList();
        try {
            java.nio.file.Files.write(file, lines);
            say("   timeline         %s", file);
        } catch (java.io.IOException e) {
            say("   timeline         not written: %s", e);
        }
    }

    // ------------------------------------------------------------------ simulator and credentials

    private record Credential(String key, String secret) {
    }

    /** Harvest v3 client settings of this build's configuration. */
    private record V3Keys(String clientId, String clientSecret, String tokenUrl) {
    }

    /** A fresh simulator of {@code api} with {@code records} candidates; realistic: latency and a rate limit. */
    private Target start(String api, int records, boolean realistic) {
        if (api.equals("ashby")) {
            return Target.ashby(ashbySimulator(records, realistic));
        }
        HarvestSimulator.Builder b = realistic ? realisticHarvest(api, records) : simulator(records);
        Credential credential = credential(b);
        V3Keys keys = api.equals("v3") ? v3Keys() : null;
        return Target.harvest(b.build().start(), api, credential.key(), credential.secret(),
                keys == null ? null : new String[] {keys.clientId(), keys.clientSecret(), keys.tokenUrl()});
    }

    private HarvestSimulator.Builder realisticHarvest(String version, int records) {
        HarvestSimulator.Builder b = simulator(records).latency(LATENCY_FIXED, LATENCY_PER_RECORD, LATENCY_JITTER);
        return version.equals("v1") ? b.rateLimitV1(limit(version), window(version))
                : b.rateLimitV3(limit(version), window(version));
    }

    /** Realistic: Harvest's latency model and the key's budget (no Retry-After: Ashby documents none). */
    private AshbySimulator ashbySimulator(int records, boolean realistic) {
        AshbySimulator.Builder b = AshbySimulator.builder().seed(options.seed()).records("candidates", records)
                .apiKey("bench-key-" + CREDENTIALS.incrementAndGet());
        b = realistic ? b.latency(LATENCY_FIXED, LATENCY_PER_RECORD, LATENCY_JITTER)
                .rateLimit(options.ashbyLimit(), ASHBY_WINDOW) : b.rateLimit(Integer.MAX_VALUE, ASHBY_WINDOW);
        return b.build().start();
    }

    private int limit(String api) {
        return switch (api) {
            case "v1" -> options.v1Limit();
            case "v3" -> options.v3Limit();
            default -> options.ashbyLimit();
        };
    }

    private static Duration window(String api) {
        return switch (api) {
            case "v1" -> V1_WINDOW;
            case "v3" -> V3_WINDOW;
            default -> ASHBY_WINDOW;
        };
    }

    private int pageSize(String api) {
        return api.equals("ashby") ? Math.min(options.pageSize(), ASHBY_MAX_PAGE) : options.pageSize();
    }

    private int records(String api) {
        return api.equals("ashby") ? options.ashbyRecords() : options.records();
    }

    private HarvestSimulator.Builder simulator(int records) {
        return SimulatorProcess.builder(options.seed(), records, dataEpoch());
    }

    /** Every record older than the safety lag, so one window holds them all. */
    private static Instant dataEpoch() {
        return Instant.now().minus(Duration.ofHours(1));
    }

    /**
     * A fresh credential per run: the connector shares one rate budget per credential across the JVM, so a run
     * must not inherit what the previous one learned.
     */
    private static Credential credential(HarvestSimulator.Builder b) {
        int n = CREDENTIALS.incrementAndGet();
        Credential c = new Credential("bench-key-" + n, "bench-secret-" + n);
        b.apiKey(c.key()).oauthClient(c.key(), c.secret());
        return c;
    }

    private static boolean v3Supported() {
        try {
            HarvestDialects.forVersion("v3");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return v3Keys() != null;
    }

    private static V3Keys v3Keys() {
        String id = null;
        String secret = null;
        String token = null;
        for (String name : GreenhouseSourceConfig.configDef().names()) {
            if (name.endsWith("client.id")) {
                id = name;
            } else if (name.endsWith("client.secret")) {
                secret = name;
            } else if (name.endsWith("token.url")) {
                token = name;
            }
        }
        return id == null || secret == null ? null : new V3Keys(id, secret, token);
    }

    // ------------------------------------------------------------------ output

    private String describeOptions() {
        return String.format(Locale.ROOT, "records %,d (Ashby %,d), page.size %d (Ashby ≤ 100), fetch.max.concurrency "
                        + "%d, rate.limit.budget.fraction %s, baseline pages %d, v1 limit %d/10 s, v3 limit %d/30 s, "
                        + "Ashby limit %d/60 s, warm-up %,d, metrics %s, unthrottled: simulator %s, converter %s%s",
                options.records(), options.ashbyRecords(), options.pageSize(), options.concurrency(),
                options.budgetFraction(), options.baselinePages(), options.v1Limit(), options.v3Limit(),
                options.ashbyLimit(), options.warmup(), options.metrics() ? "on" : "off",
                options.simulatorProcess() ? "process" : "in-process", options.converters().size() == 2 ? "both"
                        : options.converters().get(0) ? "json" : "none",
                options.extraProps().isEmpty() ? "" : ", extra " + options.extraProps());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double micros(long nanos, long count) {
        return count == 0 ? Double.NaN : nanos / 1e3 / count;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
