package io.kafkaconnect.greenhouse.benchmark;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * One backfill by a real task of the connector under test: a Mockito {@link SourceTaskContext} whose offset reader
 * knows no offsets, {@code start(props)}, then {@code poll()} in a loop (as Connect's worker thread would) until
 * every record of the simulator has been returned (a {@link RetriableException} from {@code poll()} is counted
 * and polled again, as the worker does), each value serialized with {@link JsonConverter}
 * ({@code schemas.enable=true}) as a worker would before producing it, or, with {@code json} false, not
 * converted at all (only each key's id is read), so that no converter allocates in the measured JVM.
 */
final class ConnectorRun {
    private static final int PAYLOAD_SAMPLE = 1_000;

    private ConnectorRun() {
    }

    /** What one backfill did. Times in nanoseconds. */
    record Result(int expected, int distinct, long returned, long unexpected, boolean complete, Throwable failure,
                  long startNanos, long firstRecordNanos, long polls, long emptyPolls, long retriable,
                  RetriableException lastRetriable, long pollWallNanos,
                  long convertWallNanos, long pollThreadCpuNanos, long pollCpuNanos, long convertCpuNanos,
                  long jsonBytes, long payloadSampleBytes, long payloadSampleRecords, long payloadSampleCpuNanos,
                  int requests, int throttled,
                  int otherErrors, Pages pages, ResourceMeter.Usage usage, Metrics metrics, boolean json,
                  long simulatorProcessCpuNanos) {

        long wallNanos() {
            return usage.wallNanos();
        }

        double recordsPerSecond() {
            return distinct / (wallNanos() / 1e9);
        }

        /** The meter's connector CPU without the benchmark's own sample conversion (schemas.enable=false). */
        long connectorCpuNanos() {
            return Math.max(0, usage.connectorCpuNanos() - payloadSampleCpuNanos);
        }

        /**
         * The task's own threads' CPU (the poll thread, without the benchmark's own sample conversion, and the step
         * thread the task's steps run on; not the fetch threads).
         */
        long pollLoopCpuNanos() {
            return Math.max(0, pollThreadCpuNanos - payloadSampleCpuNanos) + stepThreadCpuNanos();
        }

        /** The steps' CPU: inside poll() on the poll thread, and on the task's step thread. */
        long stepsCpuNanos() {
            return pollCpuNanos + stepThreadCpuNanos();
        }

        /** The CPU of the thread the task's steps run on ({@code …-step-1}), while poll() waits for them. */
        long stepThreadCpuNanos() {
            return usage.cpuByGroup().entrySet().stream().filter(e -> e.getKey().endsWith("step-"))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** The task's metrics, when published: how many, and how often they were read through JMX. */
    record Metrics(int attributes, long scrapes) {
    }

    /**
     * The successful answers by how full they were: {@code empty} (0 records), {@code partial}, {@code full}
     * (page.size records); {@code served} counts every record sent, re-reads included; {@code byTenSeconds}: the
     * requests that arrived in each 10 s of the clock (multiples of 10 s since the epoch, as the simulator's
     * fixed windows), from the first to the last; {@code calls}: every request, for the timeline; {@code startedAt}:
     * when {@code start()} was called.
     */
    record Pages(int empty, int partial, int full, long served, List<Integer> byTenSeconds, List<Target.Call> calls,
                 java.time.Instant startedAt) {
        int total() {
            return empty + partial + full;
        }
    }

    /**
     * @param metrics whether the task publishes its metrics (read once a second through JMX) or has none
     * @param json    whether every value goes through {@code JsonConverter} as on a worker
     */
    static Result run(Target target, Map<String, String> taskProps, Duration timeout, boolean metrics,
            boolean json) {
        target.clearCalls().run();
        return runAlongside(target, taskProps, timeout, metrics, json);
    }

    /**
     * The same, without forgetting the requests so far: for runs side by side on one simulator (whose request log
     * then holds every run's requests; the caller clears it before they start).
     */
    static Result runAlongside(Target target, Map<String, String> taskProps, Duration timeout, boolean metrics,
            boolean json) {
        IdSet ids = target.ids().get();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SourceTaskContext context = mock(SourceTaskContext.class);
        OffsetStorageReader offsets = mock(OffsetStorageReader.class);
        when(offsets.offsets(any())).thenReturn(Map.of());
        when(offsets.offset(any())).thenReturn(null);
        when(context.offsetStorageReader()).thenReturn(offsets);
        when(context.configs()).thenReturn(taskProps);
        MetricsScrape scrape = metrics ? new MetricsScrape(context) : null;

        JsonConverter converter = json ? new JsonConverter() : null;
        // the same values without the schema envelope, for a sample only: how much of the output is schema
        JsonConverter payloadOnly = json ? new JsonConverter() : null;
        if (json) {
            converter.configure(Map.of("schemas.enable", "true"), false);
            payloadOnly.configure(Map.of("schemas.enable", "false"), false);
        }

        SourceTask task = target.newTask().get();
        task.initialize(context);

        long returned = 0;
        long polls = 0;
        long emptyPolls = 0;
        long pollWall = 0;
        long convertWall = 0;
        long jsonBytes = 0;
        long payloadSampleBytes = 0;
        long payloadSampleRecords = 0;
        long payloadSampleCpu = 0;
        long pollCpu = 0;
        long convertCpu = 0;
        long firstRecord = -1;
        long retriable = 0;
        RetriableException lastRetriable = null;
        long startNanos = 0;
        Throwable failure = null;

        ResourceMeter meter = new ResourceMeter();
        meter.start();
        long simCpu0 = target.processCpu().getAsLong();
        long t0 = System.nanoTime();
        java.time.Instant startedAt = java.time.Instant.now();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long deadline = t0 + timeout.toNanos();
        try {
            task.start(taskProps);
            startNanos = System.nanoTime() - t0;
            while (!ids.complete() && System.nanoTime() < deadline) {
                long p0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                List<SourceRecord> records;
                try {
                    records = task.poll();
                } catch (RetriableException e) {
                    retriable++; // the worker logs it and polls again; so does the benchmark
                    lastRetriable = e;
                    records = null;
                }
                long p1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                pollWall += p1 - p0;
                pollCpu += c1 - c0;
                polls++;
                if (records == null || records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                if (firstRecord < 0) {
                    firstRecord = p1 - t0;
                }
                for (SourceRecord r : records) {
                    if (converter != null) {
                        jsonBytes += converter.fromConnectData(r.topic(), r.valueSchema(), r.value()).length;
                    }
                    // the deletes ledger's state records (String keys) carry offsets, not candidates
                    if (r.key() instanceof Struct key) {
                        ids.mark(key.get(key.schema().fields().get(0).name()));
                        returned++;
                    }
                }
                convertWall += System.nanoTime() - p1;
                convertCpu += threads.getCurrentThreadCpuTime() - c1;
                long s0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; payloadOnly != null && i < records.size() && payloadSampleRecords < PAYLOAD_SAMPLE;
                        i++) {
                    SourceRecord r = records.get(i);
                    payloadSampleBytes += payloadOnly.fromConnectData(r.topic(), r.valueSchema(), r.value()).length;
                    payloadSampleRecords++;
                }
                payloadSampleCpu += threads.getCurrentThreadCpuTime() - s0;
            }
        } catch (Throwable e) {
            failure = e;
        }
        long pollThreadCpu = threads.getCurrentThreadCpuTime() - cpu0;
        ResourceMeter.Usage usage = meter.stop();
        long simCpu1 = target.processCpu().getAsLong();
        Metrics published = scrape == null ? null : new Metrics(scrape.attributes(), scrape.reads());
        try {
            task.stop();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            if (scrape != null) {
                scrape.close();
            }
        }

        int requests = 0;
        int throttled = 0;
        int otherErrors = 0;
        int emptyPages = 0;
        int partialPages = 0;
        int fullPages = 0;
        long served = 0;
        int pageSize = Integer.parseInt(taskProps.getOrDefault("page.size", "500"));
        List<Target.Call> calls = target.calls().get();
        for (Target.Call r : calls) {
            requests++;
            if (r.status() == 429) {
                throttled++;
            } else if (r.status() / 100 != 2) {
                otherErrors++;
            } else {
                served += r.records();
                if (r.records() == 0) {
                    emptyPages++;
                } else if (r.records() < pageSize) {
                    partialPages++;
                } else {
                    fullPages++;
                }
            }
        }
        return new Result(ids.size(), ids.distinct(), returned, ids.unexpected(), ids.complete(), failure,
                startNanos, firstRecord, polls, emptyPolls, retriable, lastRetriable, pollWall, convertWall, pollThreadCpu, pollCpu, convertCpu,
                jsonBytes, payloadSampleBytes, payloadSampleRecords, payloadSampleCpu, requests, throttled, otherErrors,
                new Pages(emptyPages, partialPages, fullPages, served, byTenSeconds(calls), calls,
                        startedAt), usage, published, json, simCpu0 < 0 || simCpu1 < 0 ? -1 : simCpu1 - simCpu0);
    }

    static List<Integer> byTenSeconds(List<Target.Call> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        long first = calls.stream().mapToLong(c -> c.at().getEpochSecond() / 10).min().orElseThrow();
        long last = calls.stream().mapToLong(c -> c.at().getEpochSecond() / 10).max().orElseThrow();
        Integer[] counts = new Integer[(int) (last - first + 1)];
        java.util.Arrays.fill(counts, 0);
        calls.forEach(c -> counts[(int) (c.at().getEpochSecond() / 10 - first)]++);
        return List.of(counts);
    }
}
