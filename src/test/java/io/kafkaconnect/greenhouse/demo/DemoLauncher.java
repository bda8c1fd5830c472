package io.kafkaconnect.greenhouse.demo;

import io.kafkaconnect.greenhouse.AshbySourceConnector;
import io.kafkaconnect.greenhouse.GreenhouseSourceConnector;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;

/**
 * The one-command demo: a KRaft broker, a Connect worker with this plugin, and the Harvest simulator, all in
 * this JVM; creates the connector through the worker's REST API and prints live record counts per resource
 * and, every 10 s, each resource's backfill progress and lag from the connector's metrics (JMX) until Ctrl-C. With GREENHOUSE_API_KEY set (GREENHOUSE_BASE_URL and GREENHOUSE_RESOURCES optional) it streams
 * the real Greenhouse account through Harvest v1 instead. With {@code --api ashby} it runs the Ashby connector
 * against the Ashby simulator (or, with ASHBY_API_KEY set, the real Ashby account).
 *
 * <p>Options: {@code --api greenhouse|ashby} (default greenhouse), {@code --rest-port N} (default 8083),
 * {@code --kafka-port N} (default 9092), {@code --records N} (simulator records per large resource, default 5000),
 * {@code --seconds N} (stop by itself after N s).
 */
public final class DemoLauncher {
    private static final String CONNECTOR = "greenhouse-demo";
    /** The resources the demo seeds in the simulator with many records; the others are small lists. */
    private static final String DEMO_RESOURCES = "candidates,applications,jobs,departments,offers,users,scorecards,"
            + "scheduled_interviews,offices,sources";

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int restPort = port(opts.getOrDefault("rest-port", "8083"));
        int kafkaPort = port(opts.getOrDefault("kafka-port", "9092"));
        int records = Integer.parseInt(opts.getOrDefault("records", "5000"));
        long seconds = Long.parseLong(opts.getOrDefault("seconds", "0"));
        boolean ashby = opts.getOrDefault("api", "greenhouse").equals("ashby");
        String apiKey = System.getenv(ashby ? "ASHBY_API_KEY" : "GREENHOUSE_API_KEY");
        boolean real = apiKey != null && !apiKey.isBlank();

        Path dir = Files.createTempDirectory("greenhouse-demo");
        AutoCloseable sim = null;
        String baseUrl;
        if (ashby && real) {
            baseUrl = System.getenv().getOrDefault("ASHBY_BASE_URL", "https://api.ashbyhq.com");
            say("Streaming the real Ashby account at " + baseUrl + " (ASHBY_API_KEY is set)");
        } else if (ashby) {
            apiKey = "demo-api-key";
            AshbySimulator ashbySim = AshbySimulator.builder().seed(42L).apiKey(apiKey)
                    .records("candidates", records).records("applications", records * 3 / 2)
                    .records("jobs", Math.max(50, records / 20)).defaultRecords(30)
                    .latency(Duration.ofMillis(40), Duration.ZERO, 0.2).build().start();
            ashbySim.mutations().startRandom(3, 1);
            sim = ashbySim;
            baseUrl = ashbySim.baseUrl();
            say("Ashby simulator at " + baseUrl + " (API key " + apiKey + "), editing 3 and adding 1 record per second");
        } else if (real) {
            baseUrl = System.getenv().getOrDefault("GREENHOUSE_BASE_URL", "https://harvest.greenhouse.io");
            say("Streaming the real Greenhouse account at " + baseUrl + " (GREENHOUSE_API_KEY is set)");
        } else {
            apiKey = "demo-api-key";
            HarvestSimulator harvestSim = HarvestSimulator.builder().seed(42L).apiKey(apiKey)
                    .records("candidates", records).records("applications", records * 3 / 2)
                    .records("jobs", Math.max(50, records / 20)).records("departments", 30)
                    .latency(Duration.ofMillis(40), Duration.ZERO, 0.2).build();
            harvestSim.start();
            harvestSim.mutations().startRandom(3, 1);
            sim = harvestSim;
            baseUrl = harvestSim.baseUrl();
            say("Harvest simulator at " + baseUrl + " (API key " + apiKey + "), editing 3 and adding 1 record per second");
        }

        long t0 = System.nanoTime();
        EmbeddedKafka kafka = new EmbeddedKafka(dir, kafkaPort, freePort());
        say("Kafka broker at " + kafka.bootstrapServers());
        Connect<?> connect = new ConnectDistributed().startConnect(workerProps(kafka.bootstrapServers(), restPort));
        String rest = "http://localhost:" + restPort;
        say("Connect worker REST API at " + rest + " (started in " + (System.nanoTime() - t0) / 1_000_000 + " ms)");

        AutoCloseable simToClose = sim;
        Thread shutdown = new Thread(() -> {
            say("Stopping...");
            connect.awaitStop(); // Connect's own hook stops the worker; wait for it before pulling the broker away
            kafka.close();
            if (simToClose != null) {
                try {
                    simToClose.close();
                } catch (Exception e) {
                    say("Stopping the simulator failed: " + e);
                }
            }
            deleteQuietly(dir);
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        if (ashby) {
            createConnector(rest, AshbySourceConnector.class.getName(), "ashby", baseUrl, apiKey,
                    System.getenv().getOrDefault("ASHBY_RESOURCES", ""));
        } else {
            createConnector(rest, GreenhouseSourceConnector.class.getName(), "greenhouse", baseUrl, apiKey,
                    real ? System.getenv().getOrDefault("GREENHOUSE_RESOURCES", "") : DEMO_RESOURCES);
        }
        say("Created connector '" + CONNECTOR + "': curl " + rest + "/connectors/" + CONNECTOR + "/status");
        say("Records per topic, and every 10 s each resource's progress and lag from the connector's metrics "
                + "(Ctrl-C to stop):");
        countRecords(kafka.bootstrapServers(), seconds);
        if (seconds > 0) {
            System.exit(0);
        }
    }

    private static Map<String, String> workerProps(String bootstrap, int restPort) {
        Map<String, String> w = new HashMap<>();
        w.put("bootstrap.servers", bootstrap);
        w.put("group.id", "greenhouse-demo");
        w.put("listeners", "http://localhost:" + restPort);
        w.put("plugin.discovery", "service_load");
        w.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        w.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        w.put("offset.storage.topic", "demo-connect-offsets");
        w.put("config.storage.topic", "demo-connect-configs");
        w.put("status.storage.topic", "demo-connect-status");
        w.put("offset.storage.replication.factor", "1");
        w.put("config.storage.replication.factor", "1");
        w.put("status.storage.replication.factor", "1");
        w.put("offset.flush.interval.ms", "5000");
        return w;
    }

    /** {@code api}: the key prefix and topic prefix, {@code greenhouse} (Harvest v1) or {@code ashby}. */
    private static void createConnector(String rest, String connectorClass, String api, String baseUrl, String apiKey,
                                        String resources) throws Exception {
        String version = api.equals("greenhouse") ? "\"greenhouse.api.version\": \"v1\", " : "";
        String body = """
                {"connector.class": "%s", "tasks.max": "2", %s
                 "%s.base.url": "%s", "%s.api.key": "%s", "topic.prefix": "%s",
                 "%s.resources": "%s",
                 "poll.interval.ms": "5000", "snapshot.interval.ms": "60000",
                 "value.converter.schemas.enable": "false", "key.converter.schemas.enable": "false",
                 "topic.creation.default.replication.factor": "1", "topic.creation.default.partitions": "1",
                 "topic.creation.default.cleanup.policy": "compact",
                 "topic.creation.default.retention.ms": "-1"}
                """.formatted(connectorClass, version, api, baseUrl, api, apiKey, api, api, resources);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(rest + "/connectors/" + CONNECTOR + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Creating the connector failed: HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static void countRecords(String bootstrap, long seconds) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", "demo-counter",
                "auto.offset.reset", "earliest", "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(), "metadata.max.age.ms", "2000");
        Map<String, Long> counts = new TreeMap<>();
        long deadline = seconds > 0 ? System.nanoTime() + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(Pattern.compile("(greenhouse|ashby)\\..*"));
            long lastPrint = 0;
            long lastProgress = System.nanoTime();
            ResourceProgress progress = new ResourceProgress(CONNECTOR);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    counts.merge(r.topic(), 1L, Long::sum);
                }
                if (System.nanoTime() - lastPrint > 2_000_000_000L) {
                    lastPrint = System.nanoTime();
                    StringBuilder line = new StringBuilder("  ");
                    counts.forEach((t, n) -> line.append(t).append('=').append(n).append("  "));
                    say(counts.isEmpty() ? "  (waiting for the first records)" : line.toString());
                }
                if (System.nanoTime() - lastProgress > 10_000_000_000L) {
                    lastProgress = System.nanoTime();
                    printProgress(progress);
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printProgress(ResourceProgress progress) {
        try {
            progress.lines().forEach(l -> say("    " + l));
        } catch (javax.management.JMException e) {
            say("    (the connector's metrics could not be read: " + e + ")");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    /** The wanted port, or a free one if it is taken (said out loud). */
    private static int port(String wanted) {
        int port = Integer.parseInt(wanted);
        try (ServerSocket s = new ServerSocket(port)) {
            return port;
        } catch (IOException e) {
            int free = freePort();
            say("Port " + port + " is taken; using " + free);
            return free;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir; the OS cleans it eventually
        }
    }

    private static void say(String line) {
        System.out.println("[demo] " + line);
    }
}
