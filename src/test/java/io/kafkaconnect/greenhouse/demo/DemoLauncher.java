package io.kafkaconnect.greenhouse.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.AshbySourceConnector;
import io.kafkaconnect.greenhouse.GreenhouseSourceConnector;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
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
import java.util.LinkedHashMap;
import java.util.List;
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
 * and, every 10 s, each resource's backfill progress and lag from the connector's metrics (JMX) until Ctrl-C. It reads Harvest v3 (OAuth) by default. With GREENHOUSE_CLIENT_ID, GREENHOUSE_CLIENT_SECRET and
 * GREENHOUSE_USER_ID set (GREENHOUSE_BASE_URL, GREENHOUSE_TOKEN_URL and GREENHOUSE_RESOURCES optional) it streams
 * the real Greenhouse account through v3 instead. {@code --api v1} reads Harvest v1: the simulator, or with
 * GREENHOUSE_API_KEY set the real account. {@code --api ashby} runs the Ashby connector against the Ashby
 * simulator (or, with ASHBY_API_KEY set, the real Ashby account).
 *
 * <p>Options: {@code --api v3|v1|ashby} (default v3), {@code --rest-port N} (default 8083),
 * {@code --kafka-port N} (default 9092), {@code --records N} (simulator records per large resource, default 5000),
 * {@code --seconds N} (stop by itself after N s).
 */
public final class DemoLauncher {
    private static final String CONNECTOR = "greenhouse-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The resources the demo reads from the simulator (a few with many records, the rest small lists), by API. */
    private static final String V1_DEMO_RESOURCES = "candidates,applications,jobs,departments,offers,users,scorecards,"
            + "scheduled_interviews,offices,sources";
    private static final String V3_DEMO_RESOURCES = "candidates,applications,jobs,departments,offers,users,scorecards,"
            + "interviews,offices,sources";
    private static final List<String> V3_ACCOUNT = List.of("GREENHOUSE_CLIENT_ID", "GREENHOUSE_CLIENT_SECRET",
            "GREENHOUSE_USER_ID");

    private DemoLauncher() {
    }

    /** What the demo reads: the connector's settings beyond the shared ones, and the simulator it runs, if any. */
    private record Source(String connectorClass, String topicPrefix, Map<String, String> settings,
                          AutoCloseable simulator) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int restPort = port(opts.getOrDefault("rest-port", "8083"));
        int kafkaPort = port(opts.getOrDefault("kafka-port", "9092"));
        int records = Integer.parseInt(opts.getOrDefault("records", "5000"));
        long seconds = Long.parseLong(opts.getOrDefault("seconds", "0"));
        Source source = switch (opts.getOrDefault("api", "v3")) {
            case "v3" -> harvestV3(records);
            case "v1" -> harvestV1(records);
            case "ashby" -> ashby(records);
            default -> throw new IllegalArgumentException("--api must be v3, v1 or ashby, not " + opts.get("api"));
        };

        Path dir = Files.createTempDirectory("greenhouse-demo");
        long t0 = System.nanoTime();
        EmbeddedKafka kafka = new EmbeddedKafka(dir, kafkaPort, freePort());
        say("Kafka broker at " + kafka.bootstrapServers());
        Connect<?> connect = new ConnectDistributed().startConnect(workerProps(kafka.bootstrapServers(), restPort));
        String rest = "http://localhost:" + restPort;
        say("Connect worker REST API at " + rest + " (started in " + (System.nanoTime() - t0) / 1_000_000 + " ms)");

        Thread shutdown = new Thread(() -> {
            say("Stopping...");
            connect.awaitStop(); // Connect's own hook stops the worker; wait for it before pulling the broker away
            kafka.close();
            if (source.simulator() != null) {
                try {
                    source.simulator().close();
                } catch (Exception e) {
                    say("Stopping the simulator failed: " + e);
                }
            }
            deleteQuietly(dir);
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        createConnector(rest, source);
        say("Created connector '" + CONNECTOR + "': curl " + rest + "/connectors/" + CONNECTOR + "/status");
        say("Records per topic, and every 10 s each resource's progress and lag from the connector's metrics "
                + "(Ctrl-C to stop):");
        countRecords(kafka.bootstrapServers(), seconds);
        if (seconds > 0) {
            System.exit(0);
        }
    }

    /** Harvest v3: the real account when all of {@link #V3_ACCOUNT} are set, else the simulator's OAuth client. */
    private static Source harvestV3(int records) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("greenhouse.api.version", "v3");
        List<String> set = V3_ACCOUNT.stream().filter(DemoLauncher::isSet).toList();
        if (set.size() == V3_ACCOUNT.size()) {
            String base = env("GREENHOUSE_BASE_URL", GreenhouseSourceConfig.DEFAULT_BASE_URL);
            s.put("greenhouse.base.url", base);
            s.put("greenhouse.oauth.token.url", env("GREENHOUSE_TOKEN_URL", GreenhouseSourceConfig.DEFAULT_TOKEN_URL));
            s.put("greenhouse.oauth.client.id", System.getenv("GREENHOUSE_CLIENT_ID"));
            s.put("greenhouse.oauth.client.secret", System.getenv("GREENHOUSE_CLIENT_SECRET"));
            s.put("greenhouse.oauth.user.id", System.getenv("GREENHOUSE_USER_ID"));
            s.put("greenhouse.resources", env("GREENHOUSE_RESOURCES", ""));
            say("Streaming the real Greenhouse account at " + base + " through Harvest v3 (" + String.join(", ", set)
                    + " are set)");
            return new Source(GreenhouseSourceConnector.class.getName(), "greenhouse", s, null);
        }
        if (!set.isEmpty()) {
            throw new IllegalStateException("A real account through Harvest v3 needs all of " + V3_ACCOUNT
                    + "; only " + set + " are set");
        }
        HarvestSimulator sim = harvestSimulator(records, HarvestSimulator.builder()
                .oauthClient("demo-client-id", "demo-client-secret"));
        s.put("greenhouse.base.url", sim.baseUrl());
        s.put("greenhouse.oauth.token.url", sim.tokenUrl());
        s.put("greenhouse.oauth.client.id", sim.clientId());
        s.put("greenhouse.oauth.client.secret", sim.clientSecret());
        s.put("greenhouse.resources", V3_DEMO_RESOURCES);
        say("Harvest simulator at " + sim.baseUrl() + ", Harvest v3 (OAuth client " + sim.clientId() + ", token at "
                + sim.tokenUrl() + "), editing 3 and adding 1 record per second");
        return new Source(GreenhouseSourceConnector.class.getName(), "greenhouse", s, sim);
    }

    /** Harvest v1: the real account when GREENHOUSE_API_KEY is set, else the simulator's API key. */
    private static Source harvestV1(int records) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("greenhouse.api.version", "v1");
        if (isSet("GREENHOUSE_API_KEY")) {
            String base = env("GREENHOUSE_BASE_URL", GreenhouseSourceConfig.DEFAULT_BASE_URL);
            s.put("greenhouse.base.url", base);
            s.put("greenhouse.api.key", System.getenv("GREENHOUSE_API_KEY"));
            s.put("greenhouse.resources", env("GREENHOUSE_RESOURCES", ""));
            say("Streaming the real Greenhouse account at " + base + " through Harvest v1 (GREENHOUSE_API_KEY is set)");
            return new Source(GreenhouseSourceConnector.class.getName(), "greenhouse", s, null);
        }
        HarvestSimulator sim = harvestSimulator(records, HarvestSimulator.builder().apiKey("demo-api-key"));
        s.put("greenhouse.base.url", sim.baseUrl());
        s.put("greenhouse.api.key", sim.apiKey());
        s.put("greenhouse.resources", V1_DEMO_RESOURCES);
        say("Harvest simulator at " + sim.baseUrl() + ", Harvest v1 (API key " + sim.apiKey()
                + "), editing 3 and adding 1 record per second");
        return new Source(GreenhouseSourceConnector.class.getName(), "greenhouse", s, sim);
    }

    private static HarvestSimulator harvestSimulator(int records, HarvestSimulator.Builder builder) {
        HarvestSimulator sim = builder.seed(42L)
                .records("candidates", records).records("applications", records * 3 / 2)
                .records("jobs", Math.max(50, records / 20)).records("departments", 30)
                .latency(Duration.ofMillis(40), Duration.ZERO, 0.2).build().start();
        sim.mutations().startRandom(3, 1);
        return sim;
    }

    /** Ashby: the real account when ASHBY_API_KEY is set, else the Ashby simulator. */
    private static Source ashby(int records) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ashby.resources", env("ASHBY_RESOURCES", ""));
        if (isSet("ASHBY_API_KEY")) {
            String base = env("ASHBY_BASE_URL", "https://api.ashbyhq.com");
            s.put("ashby.base.url", base);
            s.put("ashby.api.key", System.getenv("ASHBY_API_KEY"));
            say("Streaming the real Ashby account at " + base + " (ASHBY_API_KEY is set)");
            return new Source(AshbySourceConnector.class.getName(), "ashby", s, null);
        }
        AshbySimulator sim = AshbySimulator.builder().seed(42L).apiKey("demo-api-key")
                .records("candidates", records).records("applications", records * 3 / 2)
                .records("jobs", Math.max(50, records / 20)).defaultRecords(30)
                .latency(Duration.ofMillis(40), Duration.ZERO, 0.2).build().start();
        sim.mutations().startRandom(3, 1);
        s.put("ashby.base.url", sim.baseUrl());
        s.put("ashby.api.key", sim.apiKey());
        say("Ashby simulator at " + sim.baseUrl() + " (API key " + sim.apiKey()
                + "), editing 3 and adding 1 record per second");
        return new Source(AshbySourceConnector.class.getName(), "ashby", s, sim);
    }

    private static boolean isSet(String name) {
        String v = System.getenv(name);
        return v != null && !v.isBlank();
    }

    private static String env(String name, String otherwise) {
        return isSet(name) ? System.getenv(name) : otherwise;
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

    private static void createConnector(String rest, Source source) throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", source.connectorClass());
        config.put("tasks.max", "2");
        config.putAll(source.settings());
        config.put("topic.prefix", source.topicPrefix());
        config.put("poll.interval.ms", "5000");
        config.put("snapshot.interval.ms", "60000");
        config.put("value.converter.schemas.enable", "false");
        config.put("key.converter.schemas.enable", "false");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        config.put("topic.creation.default.cleanup.policy", "compact");
        config.put("topic.creation.default.retention.ms", "-1");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create(rest + "/connectors/" + CONNECTOR + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build(),
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
            // the resources' topics; not the connector's own state topics (<prefix>.__deletes_state)
            consumer.subscribe(Pattern.compile("(greenhouse|ashby)\\.(?!__).*"));
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
