package io.kafkaconnect.greenhouse.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.AshbySourceConnector;
import io.kafkaconnect.greenhouse.GreenhouseSourceConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A real KRaft broker and Connect worker in this JVM (Kafka's EmbeddedConnectCluster), with helpers to run
 * the connector and read what it wrote. One per test class: starting one takes ~10 s.
 */
final class ConnectCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EmbeddedConnectCluster connect;

    ConnectCluster(String name, Map<String, String> extraWorkerProps, Map<String, String> extraBrokerProps) {
        this(name, 1, extraWorkerProps, extraBrokerProps);
    }

    /** With {@code workers} workers; 0 for a broker alone, for workers started otherwise ({@link IsolatedWorkers}). */
    ConnectCluster(String name, int workers, Map<String, String> extraWorkerProps, Map<String, String> extraBrokerProps) {
        WorkerRuntime.version();
        Map<String, String> worker = new HashMap<>();
        worker.put("offset.flush.interval.ms", "500");
        worker.put("plugin.discovery", "service_load");
        worker.putAll(extraWorkerProps);
        java.util.Properties broker = new java.util.Properties();
        broker.putAll(extraBrokerProps);
        connect = new EmbeddedConnectCluster.Builder().name(name).numWorkers(workers).workerProps(worker)
                .brokerProps(broker).build();
        connect.start();
    }

    /** Workers with exactly-once source support, on a broker whose transactions work with one node. */
    static ConnectCluster exactlyOnce(String name) {
        return new ConnectCluster(name, Map.of("exactly.once.source.support", "enabled"),
                Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                        "transaction.state.log.num.partitions", "1"));
    }

    ConnectCluster(String name) {
        this(name, Map.of(), Map.of());
    }

    EmbeddedConnectCluster connect() {
        return connect;
    }

    /** A v1 connector config against the simulator: JSON without schemas, topics created by the worker. */
    static Map<String, String> connectorConfig(String baseUrl, String apiKey, String resources, int tasks) {
        Map<String, String> c = commonConfig(baseUrl, resources, tasks);
        c.put("greenhouse.api.version", "v1");
        c.put("greenhouse.api.key", apiKey);
        return c;
    }

    /** The settings every Greenhouse IT connector shares, whatever its API version and credentials. */
    static Map<String, String> commonConfig(String baseUrl, String resources, int tasks) {
        Map<String, String> c = engineConfig(tasks);
        c.put("connector.class", GreenhouseSourceConnector.class.getSimpleName());
        c.put("greenhouse.base.url", baseUrl);
        c.put("greenhouse.resources", resources);
        c.put("sync.safety.lag.ms", "0");
        return c;
    }

    /** An Ashby connector config against the simulator. */
    static Map<String, String> ashbyConfig(String baseUrl, String apiKey, String resources, int tasks) {
        Map<String, String> c = engineConfig(tasks);
        c.put("connector.class", AshbySourceConnector.class.getSimpleName());
        c.put("ashby.base.url", baseUrl);
        c.put("ashby.api.key", apiKey);
        c.put("ashby.resources", resources);
        return c;
    }

    /** The settings of every IT connector: JSON without schemas, topics created by the worker. */
    private static Map<String, String> engineConfig(int tasks) {
        Map<String, String> c = new HashMap<>();
        c.put("tasks.max", String.valueOf(tasks));
        c.put("poll.interval.ms", "1000");
        c.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("key.converter.schemas.enable", "false");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "false");
        c.put("topic.creation.default.replication.factor", "1");
        c.put("topic.creation.default.partitions", "1");
        // record timestamps are the records' change times, often years old: time retention would delete them
        c.put("topic.creation.default.retention.ms", "-1");
        return c;
    }

    /** Every record of the topics so far, in order, as (key JSON, value JSON, timestamp). */
    List<Record> readAll(String... topics) {
        return readAll(false, topics);
    }

    /** As {@link #readAll(String...)}; with {@code readCommitted}, only records of committed transactions. */
    List<Record> readAll(boolean readCommitted, String... topics) {
        try {
            Map<String, Object> consumerProps = readCommitted ? Map.of("isolation.level", "read_committed") : Map.of();
            ConsumerRecords<byte[], byte[]> records = connect.kafka().consumeAll(Duration.ofSeconds(30).toMillis(),
                    consumerProps, Map.of(), topics);
            List<Record> out = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                out.add(new Record(r.topic(), JSON.readTree(r.key()), r.value() == null ? null : JSON.readTree(r.value()),
                        r.timestamp()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of distinct ids in a topic so far; 0 while the topic does not exist yet. */
    int count(String topic) {
        try {
            return latestByKey(topic).size();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    /** The latest value per id (as text: Harvest's numbers, Ashby's UUIDs) of a topic. */
    Map<String, JsonNode> latestByKey(String topic) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (Record r : readAll(topic)) {
            latest.put(r.key().get("id").asText(), r.value());
        }
        return latest;
    }

    /** The latest value per id of a topic. */
    Map<Long, JsonNode> latestById(String topic) {
        Map<Long, JsonNode> latest = new LinkedHashMap<>();
        for (Record r : readAll(topic)) {
            latest.put(r.key().get("id").asLong(), r.value());
        }
        return latest;
    }

    /** Waits until the condition holds, failing with the message after the timeout. */
    static void await(Duration timeout, String message, BooleanSupplier condition) throws InterruptedException {
        await(timeout, message, condition, () -> "");
    }

    /** As above; {@code state} describes what was seen, for the failure message. */
    static void await(Duration timeout, String message, BooleanSupplier condition,
                      java.util.function.Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + ": " + message + " " + state.get());
            }
            Thread.sleep(200);
        }
    }

    record Record(String topic, JsonNode key, JsonNode value, long timestamp) {
    }

    @Override
    public void close() {
        connect.stop();
    }
}
