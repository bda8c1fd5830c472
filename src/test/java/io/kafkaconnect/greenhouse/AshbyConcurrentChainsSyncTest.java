package io.kafkaconnect.greenhouse;

import static io.kafkaconnect.greenhouse.util.TaskContexts.noOffsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.engine.EngineSourceTask;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.util.TaskPolls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.junit.jupiter.api.Test;

/**
 * One task reading several Ashby resources at once: the cursor chains of its lists run side by side (each fetching
 * its pages ahead of the polls) and the lists per parent fan out across parent pages. Nothing is lost or sent twice
 * through the hazards of the API (cursors and tokens that expire, errors and throttles inside HTTP 200, failed
 * answers), the records of a list per parent come in parent order with the offsets one read would give them, and a
 * restart in the middle of the passes goes on where the offsets say.
 */
class AshbyConcurrentChainsSyncTest {
    private static final String KEY = "chains-key";
    private static final String RESOURCES = "candidates,applications,application_history,candidate_notes";
    private static final int MAX_POLLS = 3_000;

    @Test
    void chainsReadAtOnceLoseAndDuplicateNothingThroughExpiriesErrorsAndThrottles() throws Exception {
        // candidates: 10 pages of 7, more than the 2 a pass fetches ahead of the page the polls took, so that a cursor
        // is handed out and not yet used whenever the clock jumps, however fast the reads are against the polls
        try (AshbySimulator sim = AshbySimulator.builder().apiKey(KEY).seed(11L).defaultRecords(20)
                .records("candidates", 70).latency(Duration.ofMillis(2), Duration.ZERO, 1.0)
                .cursorTtl(Duration.ofMinutes(1)).syncTokenTtl(Duration.ofMinutes(30))
                .rateLimit(12, Duration.ofSeconds(1)).retryAfter(true).throttleAsHttp200Every(2)
                .build().start()) {
            sim.faults().probability(Fault.HTTP_503, 0.05).probability(Fault.TRUNCATED_JSON, 0.03);
            Map<String, List<Object>> sent = new LinkedHashMap<>();
            EngineSourceTask task = started(sim, "8", noOffsets());
            try {
                // the candidates' pass under way, then every cursor handed out so far expires
                pollUntil(task, sent, s -> s.containsKey("candidates"));
                sim.setClockOffset(Duration.ofMinutes(2));
                pollUntil(task, sent, s -> complete(s, sim));
                // the tokens of the first passes expire: full passes that send nothing unchanged
                sim.setClockOffset(Duration.ofHours(1));
                String candidate = sim.ids("candidates").get(3);
                sim.edit("candidates", candidate);
                int applications = sim.ids("applications").size();
                int candidates = sim.ids("candidates").size();
                pollUntil(task, sent, s -> s.getOrDefault("candidates", List.of()).size() > candidates
                        && requests(sim, "application.listHistory") >= 2 * applications
                        && requests(sim, "candidate.listNotes") >= 2 * candidates);
                poll(task, 5, sent);
            } finally {
                task.stop();
            }
            for (String resource : RESOURCES.split(",")) {
                List<Object> ids = new ArrayList<>(sent.get(resource));
                if (resource.equals("candidates")) {
                    assertThat(ids.remove(sim.ids("candidates").get(3))).as("the edited candidate, again").isTrue();
                }
                assertThat(ids).as(resource).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(sim.truth(resource).keySet());
            }
            assertThat(sim.requestLog()).as("the hazards happened")
                    .anyMatch(r -> "next_cursor_expired".equals(r.errorCode()))
                    .anyMatch(r -> "sync_token_expired".equals(r.errorCode()))
                    .anyMatch(r -> "rate_limit_exceeded".equals(r.errorCode()))
                    .anyMatch(r -> r.status() == 503);
        }
    }

    @Test
    void theNextPagesAndTheirParentsListsAreReadBeforeThePollsAskForThem() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().apiKey(KEY).seed(4L).defaultRecords(40).build().start()) {
            for (String resource : List.of("candidates", "application_history")) {
                sim.clearRequestLog();
                EngineSourceTask task = started(sim, "8", noOffsets(), resource);
                try {
                    assertThat(orEmpty(TaskPolls.next(task))).as(resource + ": the first page").isNotEmpty();
                    if (resource.equals("candidates")) {
                        // pages 2 and 3 are asked for as soon as the page before them answers
                        awaitRequests(sim, "candidate.list", 3);
                    } else {
                        // and the lists of their parents as soon as they are there
                        awaitRequests(sim, "application.list", 3);
                        awaitRequests(sim, "application.listHistory", 21);
                    }
                } finally {
                    task.stop();
                }
            }
        }
    }

    @Test
    void aPollTakesAPageThatIsThereBeforeTheResourceInTurnThatWaitsForAnswers() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().apiKey(KEY).seed(6L).defaultRecords(30).build().start()) {
            // every list per parent answers after 3 s; the candidates' pages come at once
            sim.faults().slowDelay(Duration.ofSeconds(3)).failNextOn("/application.listHistory", 1_000, Fault.SLOW);
            EngineSourceTask task = started(sim, "8", noOffsets(), "application_history,candidates");
            List<String> topics = new ArrayList<>();
            try {
                for (int i = 0; i < MAX_POLLS && !topics.contains("ashby.application_history"); i++) {
                    orEmpty(task.poll()).forEach(r -> topics.add(r.topic()));
                }
            } finally {
                task.stop();
            }
            // application_history's turn comes first, but its page waits for its parents' lists
            assertThat(topics.indexOf("ashby.application_history")).as("candidates' pages before the first history")
                    .isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void aListPerParentComesInParentOrderWithTheOffsetsOfOneReadAtAnyWidth() throws Exception {
        List<List<Object>> runs = new ArrayList<>();
        for (String width : List.of("1", "8")) {
            // the same account; answers that take from 1 to 9 ms, so the reads of parents end in any order
            try (AshbySimulator sim = AshbySimulator.builder().apiKey(KEY).seed(3L).defaultRecords(30)
                    .latency(Duration.ofMillis(5), Duration.ZERO, 0.8).build().start()) {
                EngineSourceTask task = started(sim, width, noOffsets(), "application_history");
                List<Object> records = new ArrayList<>();
                // cursors and tokens differ between two simulators: an offset is told by the order it first came in
                Map<Object, Integer> offsets = new HashMap<>();
                try {
                    for (int i = 0; i < MAX_POLLS && records.size() < sim.truth("application_history").size(); i++) {
                        for (SourceRecord r : orEmpty(task.poll())) {
                            records.add(List.of(((Struct) r.key()).get("id"),
                                    offsets.computeIfAbsent(r.sourceOffset(), k -> offsets.size())));
                        }
                    }
                } finally {
                    task.stop();
                }
                assertThat(records.stream().map(r -> (Object) ((List<?>) r).get(0)).toList()).as("parent order")
                        .containsExactlyElementsOf(new ArrayList<Object>(sim.truth("application_history").keySet()));
                runs.add(records);
            }
        }
        assertThat(runs.get(1)).as("ids and offsets at width 8, as at width 1").isEqualTo(runs.get(0));
    }

    @Test
    void aRestartInTheMiddleOfThePassesGoesOnWhereTheOffsetsSay() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().apiKey(KEY).seed(8L).defaultRecords(25)
                .latency(Duration.ofMillis(2), Duration.ZERO, 1.0).build().start()) {
            Map<String, List<Object>> sent = new LinkedHashMap<>();
            Map<Map<String, Object>, Map<String, Object>> committed = new HashMap<>();
            EngineSourceTask first = started(sim, "8", noOffsets());
            try {
                for (int i = 0; i < 8; i++) {
                    for (SourceRecord r : orEmpty(first.poll())) {
                        record(r, sent);
                        committed.put(castMap(r.sourcePartition()), castMap(r.sourceOffset()));
                    }
                }
            } finally {
                first.stop();
            }
            assertThat(committed).as("stopped in the middle of passes").isNotEmpty();
            assertThat(complete(sent, sim)).isFalse();

            SourceTaskContext context = noOffsets();
            when(context.offsetStorageReader().offsets(any(Collection.class))).thenAnswer(call -> {
                Map<Map<String, Object>, Map<String, Object>> out = new HashMap<>();
                for (Object partition : (Collection<?>) call.getArgument(0)) {
                    out.put(castMap(partition), committed.get(castMap(partition)));
                }
                return out;
            });
            EngineSourceTask second = started(sim, "8", context);
            try {
                pollUntil(second, sent, s -> complete(s, sim));
            } finally {
                second.stop();
            }
            for (String resource : RESOURCES.split(",")) {
                assertThat(sent.get(resource)).as(resource).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(sim.truth(resource).keySet());
            }
        }
    }

    private static EngineSourceTask started(AshbySimulator sim, String width, SourceTaskContext context) {
        return started(sim, width, context, RESOURCES);
    }

    private static EngineSourceTask started(AshbySimulator sim, String width, SourceTaskContext context,
                                            String resources) {
        Map<String, String> props = new HashMap<>();
        props.put("ashby.api.key", KEY);
        props.put("ashby.base.url", sim.baseUrl());
        props.put("task.resources", resources);
        props.put("page.size", "7");
        props.put("deletes.mode", "none"); // the records only, no deletes ledger's
        props.put("fetch.max.concurrency", width);
        props.put("retry.backoff.ms", "20");
        props.put("poll.interval.ms", "1000");
        props.put("retry.backoff.max.ms", "200");
        AshbySourceTask task = new AshbySourceTask();
        task.initialize(context);
        task.start(props);
        return task;
    }

    private static void poll(EngineSourceTask task, int polls, Map<String, List<Object>> sent) {
        for (int i = 0; i < polls; i++) {
            pollOnce(task, sent);
        }
    }

    private static void pollUntil(EngineSourceTask task, Map<String, List<Object>> sent,
                                  Predicate<Map<String, List<Object>>> done) {
        for (int i = 0; i < MAX_POLLS && !done.test(sent); i++) {
            pollOnce(task, sent);
        }
        assertThat(done.test(sent)).as("done within " + MAX_POLLS + " polls; sent " + counts(sent)).isTrue();
    }

    private static void pollOnce(EngineSourceTask task, Map<String, List<Object>> sent) {
        try {
            orEmpty(task.poll()).forEach(r -> record(r, sent));
        } catch (RetriableException e) {
            // the worker polls again; so does the test
        }
    }

    /** Waits (up to 10 s, without polling the task) until the simulator has answered {@code n} of the method. */
    private static void awaitRequests(AshbySimulator sim, String method, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requests(sim, method) < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(requests(sim, method)).as(method + " requests made without a poll").isGreaterThanOrEqualTo(n);
    }

    private static long requests(AshbySimulator sim, String method) {
        return sim.requestLog().stream().filter(r -> r.apiMethod().equals(method) && r.status() == 200
                && !Boolean.FALSE.equals(r.success())).count();
    }

    private static void record(SourceRecord r, Map<String, List<Object>> sent) {
        String resource = r.topic().substring(r.topic().indexOf('.') + 1);
        sent.computeIfAbsent(resource, k -> new ArrayList<>()).add(((Struct) r.key()).get("id"));
    }

    private static boolean complete(Map<String, List<Object>> sent, AshbySimulator sim) {
        for (String resource : RESOURCES.split(",")) {
            if (!sent.getOrDefault(resource, List.of()).containsAll(sim.truth(resource).keySet())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> counts(Map<String, List<Object>> sent) {
        Map<String, Integer> out = new LinkedHashMap<>();
        sent.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    private static List<SourceRecord> orEmpty(List<SourceRecord> records) {
        return records == null ? List.of() : records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
