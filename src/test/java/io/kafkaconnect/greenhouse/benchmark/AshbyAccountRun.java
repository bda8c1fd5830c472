package io.kafkaconnect.greenhouse.benchmark;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.AshbySourceTask;
import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * One task reading several Ashby resources of one account at once, as a worker drives it (no stored offsets,
 * {@code poll()} in a loop, every value through {@link JsonConverter}), for a fixed time or until every record of
 * the resources whose totals are known has been delivered. A large account's per-parent lists take far longer than
 * a benchmark should run (40,000 applications' histories are 40,000 requests: 40 minutes at the whole budget), so the
 * run is measured over a span and reports each resource's rate and the budget it used.
 */
final class AshbyAccountRun {

    /** What one resource got: distinct records and when the last new one came (nanoseconds after start()). */
    record ResourceResult(String resource, int distinct, long returned, Integer expected, long lastNewNanos) {
        boolean complete() {
            return expected != null && distinct >= expected;
        }

        /** Records per second up to the last new record if complete, else over the whole span. */
        double recordsPerSecond(long spanNanos) {
            long over = complete() ? lastNewNanos : spanNanos;
            return over <= 0 ? 0 : distinct / (over / 1e9);
        }
    }

    /** Requests by API method: how many, and how many were throttled (429 or rate_limit_exceeded). */
    record MethodRequests(int requests, int throttled) {
    }

    record Result(Map<String, ResourceResult> resources, Map<String, MethodRequests> byMethod, long spanNanos,
                  long polls, long emptyPolls, long retriable, Throwable failure) {
        int requests() {
            return byMethod.values().stream().mapToInt(MethodRequests::requests).sum();
        }

        int throttled() {
            return byMethod.values().stream().mapToInt(MethodRequests::throttled).sum();
        }
    }

    private AshbyAccountRun() {
    }

    /**
     * @param resources the task's resources, in the order it is given them
     * @param expected  the records each resource must deliver, where known (not for the lists per parent: counting
     *                  them means rendering them all)
     */
    static Result run(AshbySimulator sim, List<String> resources, Map<String, Integer> expected,
                      Map<String, String> extraProps, Duration span) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(AshbySourceConfig.BASE_URL, sim.baseUrl());
        props.put(AshbySourceConfig.API_KEY, sim.apiKey());
        props.put(AshbySourceConfig.RESOURCES, String.join(",", resources));
        props.put("task.resources", String.join(",", resources));
        props.put("topic.prefix", "bench");
        props.putAll(extraProps);

        SourceTaskContext context = mock(SourceTaskContext.class);
        OffsetStorageReader offsets = mock(OffsetStorageReader.class);
        when(offsets.offsets(any())).thenReturn(Map.of());
        when(offsets.offset(any())).thenReturn(null);
        when(context.offsetStorageReader()).thenReturn(offsets);
        when(context.configs()).thenReturn(props);
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);

        Map<String, Set<String>> seen = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>(); // returned, last new record
        resources.forEach(r -> {
            seen.put(r, new HashSet<>());
            counts.put(r, new long[2]);
        });
        AshbySourceTask task = new AshbySourceTask();
        task.initialize(context);
        sim.clearRequestLog();
        long polls = 0;
        long emptyPolls = 0;
        long retriable = 0;
        Throwable failure = null;
        long t0 = System.nanoTime();
        long deadline = t0 + span.toNanos();
        try {
            task.start(props);
            while (System.nanoTime() < deadline && !allDelivered(seen, expected, resources)) {
                List<SourceRecord> records;
                try {
                    records = task.poll();
                } catch (RetriableException e) {
                    retriable++;
                    records = null;
                }
                polls++;
                if (records == null || records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                long now = System.nanoTime() - t0;
                for (SourceRecord r : records) {
                    converter.fromConnectData(r.topic(), r.valueSchema(), r.value());
                    if (!(r.key() instanceof Struct key)) {
                        continue; // a deletes ledger's state record (a string key), not a record of the API's
                    }
                    String resource = resourceOf(r.topic(), resources);
                    long[] c = counts.get(resource);
                    c[0]++;
                    if (seen.get(resource).add(String.valueOf(key.get(key.schema().fields().get(0).name())))) {
                        c[1] = now;
                    }
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
        long spanNanos = System.nanoTime() - t0;
        try {
            task.stop();
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        Map<String, ResourceResult> out = new LinkedHashMap<>();
        resources.forEach(r -> out.put(r, new ResourceResult(r, seen.get(r).size(), counts.get(r)[0],
                expected.get(r), counts.get(r)[1])));
        Map<String, int[]> methods = new TreeMap<>();
        for (LoggedRequest q : sim.requestLog()) {
            int[] m = methods.computeIfAbsent(q.apiMethod(), k -> new int[2]);
            m[0]++;
            if (q.status() == 429 || "rate_limit_exceeded".equals(q.errorCode())) {
                m[1]++;
            }
        }
        Map<String, MethodRequests> byMethod = new LinkedHashMap<>();
        methods.forEach((k, v) -> byMethod.put(k, new MethodRequests(v[0], v[1])));
        return new Result(out, byMethod, spanNanos, polls, emptyPolls, retriable, failure);
    }

    private static boolean allDelivered(Map<String, Set<String>> seen, Map<String, Integer> expected,
                                        List<String> resources) {
        for (String r : resources) {
            Integer n = expected.get(r);
            if (n == null || seen.get(r).size() < n) {
                return false;
            }
        }
        return true;
    }

    /** The resource whose topic this is: the longest resource name the topic ends with. */
    private static String resourceOf(String topic, List<String> resources) {
        String best = null;
        for (String r : resources) {
            if (topic.endsWith(r) && (best == null || r.length() > best.length())) {
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalStateException("a record of topic " + topic + ", which no resource of the run names");
        }
        return best;
    }
}
