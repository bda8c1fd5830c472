package io.kafkaconnect.greenhouse;

import static io.kafkaconnect.greenhouse.util.TaskContexts.noOffsets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.ManualClock;
import io.kafkaconnect.greenhouse.util.Sleeper;
import io.kafkaconnect.greenhouse.util.TaskPolls;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class GreenhouseSourceTaskTest {

    private static Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "k");
        props.put("greenhouse.base.url", "http://127.0.0.1:8089");
        props.put("task.resources", "candidates,jobs");
        return props;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void asksOnlyForThePartitionsOfItsOwnApiVersionAndHost() {
        OffsetStorageReader reader = mock(OffsetStorageReader.class);
        when(reader.offsets(any(Collection.class))).thenReturn(Map.of());
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        GreenhouseSourceTask task = new GreenhouseSourceTask();
        task.initialize(context);
        task.start(props());
        task.stop();

        ArgumentCaptor<Collection> asked = ArgumentCaptor.forClass(Collection.class);
        verify(reader).offsets(asked.capture());
        assertThat((Collection<Map<String, Object>>) asked.getValue()).containsExactlyInAnyOrder(
                Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "candidates", "protocol", "1"),
                Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "jobs", "protocol", "1"),
                Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "candidates", "protocol", "1",
                        "ledger", "head"),
                Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "jobs", "protocol", "1", "ledger", "head"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aStoredOffsetItCannotReadFailsTheTaskWithAHint() {
        OffsetStorageReader reader = mock(OffsetStorageReader.class);
        Map<String, Object> partition = Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "jobs", "protocol", "1");
        when(reader.offsets(any(Collection.class))).thenReturn(Map.of(partition, Map.of("v", 9)));
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        GreenhouseSourceTask task = new GreenhouseSourceTask();
        task.initialize(context);
        assertThatThrownBy(() -> task.start(props())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("jobs").hasMessageContaining("offsets API");
        task.stop();
    }

    private static final Map<String, Object> JOBS = Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "jobs",
            "protocol", "1");

    /** A task whose offset storage holds {@code stored} (null: nothing) for {@code partition}. */
    @SuppressWarnings("unchecked")
    private static GreenhouseSourceTask taskWith(Map<String, Object> partition, Map<String, Object> stored) {
        OffsetStorageReader reader = mock(OffsetStorageReader.class);
        Map<Map<String, Object>, Map<String, Object>> offsets = new HashMap<>();
        offsets.put(partition, stored);
        when(reader.offsets(any(Collection.class))).thenReturn(offsets);
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        GreenhouseSourceTask task = new GreenhouseSourceTask();
        task.initialize(context);
        return task;
    }

    @Test
    void aStoredOffsetThatPagesElsewhereOrReachesIntoTheFutureFailsTheTaskNamingResourceAndKey() {
        Map<String, Object> foreignPage = Map.of("v", 1, "watermark", 1000, "window_end", 9000, "walk", "prev",
                "next_page", "https://evil.example.com/v1/jobs?page=2");
        GreenhouseSourceTask task = taskWith(JOBS, foreignPage);
        assertThatThrownBy(() -> task.start(props())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("resource jobs").hasMessageContaining("'next_page' points at")
                .hasMessageContaining("offsets API");
        task.stop();

        Map<String, Object> future = Map.of("v", 1, "watermark", "2999-01-01T00:00:00Z");
        GreenhouseSourceTask later = taskWith(JOBS, future);
        assertThatThrownBy(() -> later.start(props())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("resource jobs").hasMessageContaining("'watermark' is 2999-01-01T00:00:00Z");
        later.stop();
    }

    /** What {@code body} logs. */
    private static String logOf(ThrowingRunnable body) throws Exception {
        try (LogCapture logs = new LogCapture()) {
            body.run();
            return String.join("\n", logs.lines());
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aStoredPositionALittleAheadOfTheWorkersClockIsResumedWithAWarningSayingUntilWhen() throws Exception {
        Instant ahead = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        GreenhouseSourceTask task = taskWith(JOBS, Map.of("v", 1, "watermark", ahead.toString()));
        String log = logOf(() -> {
            task.start(props());
            task.stop();
        });
        assertThat(log).contains("jobs: the position to resume from (the stored offset) reaches " + ahead)
                .contains("ahead of this worker's clock");
    }

    /**
     * Every Harvest account shares one host, so only the credential fingerprint in the offset tells a task that its
     * key now belongs to another account (or was rotated).
     */
    @Test
    void aTaskNoticesOffsetsAnotherApiKeyWroteAndFailsResumesOrRestartsAsConfigured() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(11L).apiKey("key-of-a").apiKey("key-of-b")
                .records("jobs", 5).build().start()) {
            Map<String, String> asA = props();
            asA.put("greenhouse.base.url", sim.baseUrl());
            asA.put("greenhouse.api.key", "key-of-a");
            asA.put("task.resources", "jobs");
            asA.put("deletes.mode", "none"); // only the resource's records and offsets, no deletes ledger's
            Map<String, Object> partition = Map.of("api", "v1", "host", "127.0.0.1:" + sim.port(), "resource", "jobs",
                    "protocol", "1");

            GreenhouseSourceTask first = taskWith(partition, null);
            first.start(asA);
            List<SourceRecord> records = TaskPolls.next(first);
            first.stop();
            assertThat(records).hasSize(5);
            Map<String, Object> stored = new HashMap<>(records.get(records.size() - 1).sourceOffset());
            assertThat(stored).containsEntry("credential",
                    new GreenhouseSourceConfig(asA).credentialFingerprint().orElseThrow()).containsKey("watermark");
            // an hour earlier, so that the next window is not empty yet
            Instant watermark = Instant.ofEpochMilli(((Number) stored.get("watermark")).longValue())
                    .minus(Duration.ofHours(1));
            stored.put("watermark", watermark.toEpochMilli());

            Map<String, String> asB = new HashMap<>(asA);
            asB.put("greenhouse.api.key", "key-of-b");
            GreenhouseSourceTask failing = taskWith(partition, stored);
            assertThatThrownBy(() -> failing.start(asB)).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("jobs").hasMessageContaining("another credential")
                    .hasMessageContaining("offsets.credential.change=resume").hasMessageNotContaining("key-of");
            failing.stop();

            String log = logOf(() -> {
                asB.put("offsets.credential.change", "resume");
                assertThat(firstWindowRequest(sim, taskWith(partition, stored), asB).query())
                        .as("resumed from the watermark").containsEntry("updated_after", watermark.toString());

                asB.put("offsets.credential.change", "restart");
                FirstPoll restarted = firstPoll(sim, taskWith(partition, stored), asB);
                assertThat(restarted.request().query()).as("read from the start").doesNotContainKey("updated_after");
                String ofB = new GreenhouseSourceConfig(asB).credentialFingerprint().orElseThrow();
                assertThat(restarted.records()).as("everything again, now under B's fingerprint").hasSize(5)
                        .allSatisfy(r -> assertThat(r.sourceOffset().get("credential")).isEqualTo(ofB));

                Map<String, Object> unmarked = new HashMap<>(stored);
                unmarked.remove("credential");
                asB.put("offsets.credential.change", "fail");
                assertThat(firstWindowRequest(sim, taskWith(partition, unmarked), asB).query())
                        .as("an offset without a fingerprint (an older version's) is resumed")
                        .containsEntry("updated_after", watermark.toString());
            });
            assertThat(log).contains("WARN").contains("another credential")
                    .contains("resuming them as offsets.credential.change=resume says")
                    .contains("reading those resources from the start as offsets.credential.change=restart says")
                    .contains("INFO").contains("carry no credential fingerprint")
                    .doesNotContain("key-of-");
        }
    }

    /** Starts {@code task}, polls once and returns its first request of a window of jobs (not a one-record probe). */
    private static LoggedRequest firstWindowRequest(HarvestSimulator sim, GreenhouseSourceTask task,
                                                    Map<String, String> props) throws InterruptedException {
        return firstPoll(sim, task, props).request();
    }

    /** What a task's first poll asked (its first request of a window of jobs) and returned. */
    private record FirstPoll(LoggedRequest request, List<SourceRecord> records) {
    }

    private static FirstPoll firstPoll(HarvestSimulator sim, GreenhouseSourceTask task, Map<String, String> props)
            throws InterruptedException {
        sim.clearRequestLog();
        task.start(props);
        List<SourceRecord> records;
        try {
            records = TaskPolls.next(task);
        } finally {
            task.stop();
        }
        return new FirstPoll(sim.requestLog().stream().filter(r -> r.path().equals("/v1/jobs"))
                .filter(r -> !"1".equals(r.query().get("per_page"))).findFirst().orElseThrow(),
                records == null ? List.of() : records);
    }


    @Test
    void aPersistent5xxWithoutRetriesIsAskedAgainAfterGrowingBackOffsAcrossPolls() {
        HarvestSimulator sim = HarvestSimulator.builder().seed(3L).apiKey("persistent-5xx-key")
                .records("candidates", 5).rateLimit(100_000, Duration.ofSeconds(1)).build();
        sim.start();
        sim.faults().probability(Fault.HTTP_503, 1.0);
        ManualClock clock = new ManualClock(Instant.now());
        Sleeper sleeper = new Sleeper() {
            @Override
            public boolean sleep(Duration duration) {
                clock.advance(duration);
                return !isStopped();
            }
        };
        GreenhouseSourceTask task = new GreenhouseSourceTask(clock, sleeper);
        task.initialize(noOffsets());
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "persistent-5xx-key");
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("task.resources", "candidates");
        props.put("max.retries", "0");
        props.put("retry.backoff.ms", "1000");
        props.put("retry.backoff.max.ms", "60000");
        List<Instant> failedAt = new ArrayList<>();
        try {
            task.start(props);
            Instant end = clock.instant().plus(Duration.ofMinutes(5));
            while (clock.instant().isBefore(end)) {
                try {
                    task.poll();
                } catch (RetriableException e) {
                    failedAt.add(clock.instant());
                }
                clock.advance(Duration.ofMillis(200)); // Connect polls again at once after a retriable error
            }
        } finally {
            task.stop();
            sim.close();
        }

        // one request per failed poll; without a back-off across polls, every poll (1,500 in 5 minutes) asks
        assertThat(sim.requestLog()).hasSize(failedAt.size());
        assertThat(failedAt.size()).isBetween(5, 20);
        for (int k = 1; k < failedAt.size(); k++) {
            Duration least = Duration.ofMillis(Math.min(500L << Math.min(k - 1, 20), 30_000));
            assertThat(Duration.between(failedAt.get(k - 1), failedAt.get(k))).as("wait after failure %d", k)
                    .isGreaterThanOrEqualTo(least);
        }
    }

    /**
     * An OAuth token endpoint that stays down through a request's retries holds up the resource: the WARN says what
     * failed and when it is read again; the resource is read once the endpoint answers.
     */
    @Test
    void aTokenEndpointOutageIsWarnedOfWithWhatFailedAndWhenTheResourceIsReadAgain() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(4L).oauthClient("outage-client", "outage-secret")
                .records("jobs", 3).build().start();
             LogCapture logs = new LogCapture()) {
            sim.faults().failNextOn("/oauth/token", 2, Fault.HTTP_503);
            GreenhouseSourceTask task = new GreenhouseSourceTask();
            task.initialize(noOffsets());
            Map<String, String> props = new HashMap<>();
            props.put("greenhouse.api.version", "v3");
            props.put("greenhouse.base.url", sim.baseUrl());
            props.put("greenhouse.oauth.client.id", "outage-client");
            props.put("greenhouse.oauth.client.secret", "outage-secret");
            props.put("greenhouse.oauth.token.url", sim.tokenUrl());
            props.put("task.resources", "jobs");
            props.put("deletes.mode", "none"); // the records only, no deletes ledger's
            props.put("max.retries", "1");
            props.put("retry.backoff.ms", "1");
            props.put("retry.backoff.max.ms", "1");
            List<SourceRecord> sent = new ArrayList<>();
            try {
                task.start(props);
                assertThatThrownBy(task::poll).isInstanceOf(RetriableException.class);
                for (int i = 0; i < 20 && sent.size() < 3; i++) {
                    List<SourceRecord> records = task.poll();
                    if (records != null) {
                        sent.addAll(records);
                    }
                }
            } finally {
                task.stop();
            }

            assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).containsPattern("jobs: not read again before "
                    + "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z \\(1 failed steps in a row\\): Could not get an OAuth access token "
                    + "from POST " + sim.tokenUrl() + ": 2 attempts failed, the last with HTTP 503"));
            assertThat(sent).hasSize(3);
        }
    }

    /**
     * A sleeper on a manual clock whose waits take real time: a wait ends only when the test moves the clock past its
     * end (or on stop), so a long wait on the step thread stays a wait until the test lets it pass.
     */
    private static final class ClockSleeper extends Sleeper {
        private final ManualClock clock;

        ClockSleeper(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public boolean sleep(Duration duration) {
            Instant end = clock.instant().plus(duration);
            while (clock.instant().isBefore(end)) {
                if (!super.sleep(Duration.ofMillis(5))) {
                    return false;
                }
            }
            return !isStopped();
        }
    }

    /** A v1 task of {@code jobs} on {@code sim}, on {@code clock}, whose first request is answered with a 429. */
    private static GreenhouseSourceTask throttledAtFirst(HarvestSimulator sim, String key, ManualClock clock) {
        sim.faults().failNextOn("/v1/jobs", 1, Fault.HTTP_429);
        GreenhouseSourceTask task = new GreenhouseSourceTask(clock, new ClockSleeper(clock));
        task.initialize(noOffsets());
        Map<String, String> props = props();
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("greenhouse.api.key", key);
        props.put("task.resources", "jobs");
        props.put("deletes.mode", "none"); // the records only, no deletes ledger's
        task.start(props);
        return task;
    }

    /**
     * Kafka calls a source task's stop() only once its poll() has returned: a poll that waited out a 429's Retry-After
     * (30 s, longer than the worker's 5 s graceful timeout) would make the graceful stop fail. The wait happens on the
     * step thread: each poll returns within about a second, the WARN tells of the wait once, and once it has passed the
     * sync goes on and sends every record once.
     */
    @Test
    void aPollReturnsWithinASecondWhileTheSyncWaitsOutA429AndTheSyncGoesOnAfterTheWait() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(5L).apiKey("throttled-key").records("jobs", 5)
                .build().start();
             LogCapture logs = new LogCapture()) {
            ManualClock clock = new ManualClock(Instant.now());
            GreenhouseSourceTask task = throttledAtFirst(sim, "throttled-key", clock);
            List<Object> sent = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2), task::poll))
                            .as("poll %d, during the wait", i).isNull();
                }
                assertThat(sim.requestLog()).extracting(LoggedRequest::status).containsExactly(429);

                clock.advance(Duration.ofSeconds(30));
                for (int i = 0; i < 20 && sent.size() < 5; i++) {
                    List<SourceRecord> records = assertTimeoutPreemptively(Duration.ofSeconds(2), task::poll);
                    if (records != null) {
                        records.forEach(r -> sent.add(((Struct) r.key()).get("id")));
                    }
                }
            } finally {
                task.stop();
            }

            assertThat(sent).containsExactlyInAnyOrderElementsOf(sim.truth("jobs").keySet());
            assertThat(logs.warnings()).filteredOn(w -> w.contains("Rate budget: no request until"))
                    .singleElement().asString().contains("(30 s)").contains("Retry-After said '30'");
        }
    }

    /** A task stopped while its sync waits out a 429 stops at once, and sends nothing more. */
    @Test
    void stopEndsTheWaitOfASyncThrottledForLongerThanTheGracefulTimeout() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(6L).apiKey("throttled-then-stopped")
                .records("jobs", 5).build().start()) {
            ManualClock clock = new ManualClock(Instant.now());
            GreenhouseSourceTask task = throttledAtFirst(sim, "throttled-then-stopped", clock);
            try {
                assertThat(assertTimeoutPreemptively(Duration.ofSeconds(2), task::poll)).isNull();
            } finally {
                assertTimeoutPreemptively(Duration.ofSeconds(2), task::stop);
            }
            clock.advance(Duration.ofSeconds(30));
            Thread.sleep(100);
            assertThat(sim.requestLog()).extracting(LoggedRequest::status).containsExactly(429);
        }
    }
}
