package io.kafkaconnect.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.simulator.Fault;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
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
                Map.of("api", "v1", "host", "127.0.0.1:8089", "resource", "jobs", "protocol", "1"));
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

    @SuppressWarnings("unchecked")
    private static SourceTaskContext noOffsets() {
        OffsetStorageReader reader = mock(OffsetStorageReader.class);
        when(reader.offsets(any(Collection.class))).thenReturn(Map.of());
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        return context;
    }

    @Test
    void aPersistent5xxWithoutRetriesIsAskedAgainAfterGrowingBackOffsAcrossPolls() {
        HarvestSimulator sim = HarvestSimulator.builder().seed(3L).apiKey("persistent-5xx-key")
                .records("candidates", 5).rateLimit(100_000, Duration.ofSeconds(1)).build();
        sim.start();
        sim.faults().probability(Fault.HTTP_503, 1.0);
        FakeClock clock = new FakeClock(Instant.now());
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

    /** A clock that only moves when told (the task's sleeper moves it instead of waiting). */
    private static final class FakeClock extends Clock {
        private final AtomicReference<Instant> now;

        FakeClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
