package io.kafkaconnect.greenhouse.deletes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Runs a source task as a worker would, without one: polls it, commits the offsets of every batch it returns (the last
 * offset of each partition wins, as in Connect's offsets topic) and keeps what its resource's topic holds, by key.
 * Offsets survive a stop, so the next task started resumes from them. Every tombstone is checked when it is sent: its
 * id must not be live at that moment.
 */
final class TaskDriver implements AutoCloseable {
    private final Supplier<SourceTask> tasks;
    private final Map<String, String> props;
    private final String topic;
    private final String keyField;
    private final Supplier<Set<Object>> live;
    private final Map<Map<String, Object>, Map<String, Object>> offsets = new HashMap<>();
    /** The topic's records by key, the last one winning (null: a tombstone). */
    private final Map<Object, Struct> topicState = new LinkedHashMap<>();
    private final Set<Object> tombstoned = new LinkedHashSet<>();
    private final List<SourceRecord> stateRecords = new ArrayList<>();
    private final List<Collection<Map<String, Object>>> asked = new ArrayList<>();
    private SourceTask task;
    /** Converts every record as a worker would (a record its converter refuses fails the task there). */
    private final JsonConverter converter = new JsonConverter();

    /**
     * @param live the ids the API holds now
     */
    TaskDriver(Supplier<SourceTask> tasks, Map<String, String> props, String topic, String keyField,
               Supplier<Set<Object>> live) {
        this.tasks = tasks;
        this.props = props;
        this.topic = topic;
        this.keyField = keyField;
        this.live = live;
        converter.configure(Map.of("schemas.enable", "true"), false);
    }

    void start() {
        OffsetStorageReader reader = new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return offsets.get(partition);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                asked.add(new ArrayList<>((Collection<Map<String, Object>>) (Collection<?>) partitions));
                Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
                partitions.forEach(p -> out.put(p, offsets.get(p)));
                return out;
            }
        };
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(reader);
        task = tasks.get();
        task.initialize(context);
        task.start(props);
    }

    void stop() {
        if (task != null) {
            task.stop();
            task = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Polls until {@code done} (checked after each poll), failing after {@code timeout}. */
    void pollUntil(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(until);
            poll();
        }
    }

    /** Polls for {@code duration}. */
    void pollFor(Duration duration) throws InterruptedException {
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until)) {
            poll();
        }
    }

    private void poll() throws InterruptedException {
        List<SourceRecord> batch = task.poll();
        if (batch == null) {
            return;
        }
        Set<Object> liveNow = null;
        for (SourceRecord r : batch) {
            converter.fromConnectData(r.topic(), r.keySchema(), r.key());
            converter.fromConnectData(r.topic(), r.valueSchema(), r.value());
            if (r.sourcePartition() != null) {
                offsets.put(new HashMap<>(r.sourcePartition()), r.sourceOffset() == null ? null
                        : new HashMap<>(r.sourceOffset()));
            }
            if (r.topic().equals("t.__deletes_state")) {
                stateRecords.add(r);
            }
            if (!r.topic().equals(topic)) {
                continue;
            }
            Object id = ((Struct) r.key()).get(keyField);
            if (r.value() == null) {
                liveNow = liveNow == null ? live.get() : liveNow;
                assertThat(liveNow).as("a tombstone for a record that exists").doesNotContain(id);
                tombstoned.add(id);
            }
            topicState.put(id, (Struct) r.value());
        }
    }

    /** The ids whose last record in the topic is a value. */
    Set<Object> liveInTopic() {
        Set<Object> out = new LinkedHashSet<>();
        topicState.forEach((id, value) -> {
            if (value != null) {
                out.add(id);
            }
        });
        return out;
    }

    /** Every id that got a tombstone, in order. */
    Set<Object> tombstoned() {
        return tombstoned;
    }

    /** The records sent to the deletes state topic (of topic prefix {@code t}). */
    List<SourceRecord> stateRecords() {
        return stateRecords;
    }

    /** How many times a ledger's base was written (a reconciliation or a snapshot pass that changed it ended). */
    long basesWritten() {
        return stateRecords.stream().filter(r -> String.valueOf(r.value()).startsWith("head:")
                && String.valueOf(r.value()).contains(", 0 journal segments")).count();
    }

    /** The partitions each task asked its offsets for, in order. */
    List<Collection<Map<String, Object>>> asked() {
        return asked;
    }
}
