package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import io.kafkaconnect.greenhouse.packaging.ComposeFile;
import io.kafkaconnect.greenhouse.packaging.Dockerfile;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The stack of docker/docker-compose.yml, started with Testcontainers from the same images, Dockerfiles (the
 * connector installed from the Hub zip into Confluent's Connect image; the simulator jar) and environment: the
 * connector is created from config/greenhouse-source-avro.json (Confluent's AvroConverter for keys and values),
 * then every topic is read and decoded here from the Confluent wire format (magic byte 0, 4-byte schema id, the
 * schema fetched from the registry's REST API, Apache Avro for the rest). Every record the simulator serves
 * must arrive with its fields intact, and each topic must have registered one key and one value subject, one
 * schema version each.
 *
 * <p>Runs under {@code mvn verify} (after {@code package}) where a Docker engine is reachable; skipped, not
 * failed, where none is ({@code disabledWithoutDocker}).
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ConfluentStackIT {
    private static final Path CONNECTOR_CONFIG = Path.of("config/greenhouse-source-avro.json");
    private static final String SIMULATOR_JAR = "/opt/harvest-simulator/harvest-simulator.jar";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static ComposeFile compose;
    private static Network network;
    private static ConfluentKafkaContainer kafka;
    private static GenericContainer<?> registry;
    private static GenericContainer<?> connect;
    private static GenericContainer<?> simulator;

    @BeforeAll
    static void startTheStack() {
        compose = ComposeFile.load();
        assertThat(compose.interpolationProblems()).isEmpty();
        network = Network.newNetwork();

        // the broker: Confluent's image in KRaft mode; "kafka:29092" is what the other services are told
        String brokerAddress = compose.environment("connect").get("CONNECT_BOOTSTRAP_SERVERS");
        kafka = new ConfluentKafkaContainer(DockerImageName.parse(compose.service("kafka").path("image").asText()))
                .withNetwork(network).withListener(brokerAddress);
        kafka.start();

        registry = new GenericContainer<>(DockerImageName.parse(compose.service("schema-registry").path("image").asText()))
                .withNetwork(network).withNetworkAliases("schema-registry")
                .withEnv(compose.environment("schema-registry")).withExposedPorts(8081)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));
        registry.start();

        connect = new GenericContainer<>(image("connect"))
                .withNetwork(network).withNetworkAliases("connect")
                .withEnv(compose.environment("connect")).withExposedPorts(8083)
                .waitingFor(Wait.forHttp("/connector-plugins").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(4)));
        connect.start();

        // in the worker's network namespace, as in the compose file: the connector reaches it on 127.0.0.1
        simulator = new GenericContainer<>(image("simulator"))
                .withNetworkMode("container:" + connect.getContainerId())
                .waitingFor(Wait.forLogMessage("(?s).*listening on.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
        simulator.start();
    }

    /** The service's image, built like Compose builds it: its Dockerfile, the files it copies, its build args. */
    private static ImageFromDockerfile image(String service) {
        Path context = compose.buildContext(service);
        Dockerfile dockerfile = compose.parsedDockerfile(service);
        ImageFromDockerfile image = new ImageFromDockerfile().withFileFromPath("Dockerfile", dockerfile.path());
        for (String source : dockerfile.contextSources()) {
            List<String> files = Dockerfile.contextFiles(context, source);
            assertThat(files).as("%s: %s (run mvn -B package first)", service, source).hasSize(1);
            image.withFileFromPath(files.get(0), context.resolve(files.get(0)));
        }
        compose.buildArgs(service).forEach(image::withBuildArg);
        return image;
    }

    @AfterAll
    static void stopTheStack() {
        for (GenericContainer<?> c : new GenericContainer<?>[] {simulator, connect, registry, kafka}) {
            if (c != null) {
                c.stop();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void everySimulatorRecordArrivesAsConfluentAvroWithOneSubjectPerTopic() throws Exception {
        JsonNode file = JSON.readTree(CONNECTOR_CONFIG.toFile());
        String name = file.path("name").asText();
        JsonNode config = file.path("config");
        assertThat(config.path("value.converter").asText()).isEqualTo("io.confluent.connect.avro.AvroConverter");
        assertThat(config.path("key.converter").asText()).isEqualTo("io.confluent.connect.avro.AvroConverter");

        String connectUrl = "http://" + connect.getHost() + ":" + connect.getMappedPort(8083);
        assertThat(get(connectUrl + "/connector-plugins")).contains("io.kafkaconnect.greenhouse.GreenhouseSourceConnector");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(connectUrl + "/connectors/" + name + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(config.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        await(Duration.ofMinutes(2), () -> "connector " + name + " running: " + status(connectUrl, name)
                + "\n" + tail(connect.getLogs()), () -> running(connectUrl, name));

        Dialect dialect = HarvestDialects.forVersion(config.path("greenhouse.api.version").asText());
        List<Resource> resources = new ArrayList<>();
        for (String r : config.path("greenhouse.resources").asText().split(",")) {
            resources.add(dialect.resource(r.strip()).orElseThrow());
        }
        JsonNode truth = simulatorRecords(config, resources);
        String prefix = config.path("topic.prefix").asText();

        Registry schemas = new Registry("http://" + registry.getHost() + ":" + registry.getMappedPort(8081));
        AvroData avroData = new AvroData(new AvroDataConfig.Builder()
                .with(AvroDataConfig.SCHEMAS_CACHE_SIZE_CONFIG, 100)
                .with(AvroDataConfig.CONNECT_META_DATA_CONFIG, true).build());
        List<String> problems = new ArrayList<>();
        Set<String> expectedSubjects = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (Resource resource : resources) {
                String topic = prefix + "." + resource.name();
                expectedSubjects.add(topic + "-key");
                expectedSubjects.add(topic + "-value");
                Map<Long, JsonNode> expected = new TreeMap<>();
                truth.path(resource.name()).forEach(r -> expected.put(r.path(resource.keyField()).asLong(), r));
                assertThat(expected).as("the simulator serves %s", resource.name()).isNotEmpty();

                List<ConsumerRecord<byte[], byte[]>> records = readAll(consumer, topic, expected.size(), Duration.ofMinutes(3));
                RecordConverter converter = new RecordConverter(resource.name(), resource.schemaName(), resource.schema(),
                        new UnknownFieldLog());
                Set<Long> seen = new HashSet<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Decoded key = schemas.decode(record.key());
                    Decoded value = schemas.decode(record.value());
                    assertThat(value.schema().getFullName()).as("value schema name of %s", topic)
                            .isEqualTo(resource.schemaName());
                    long id = ((Number) ((GenericRecord) key.value()).get(resource.keyField())).longValue();
                    JsonNode api = expected.get(id);
                    if (api == null) {
                        problems.add(topic + ": record " + id + " is not in the simulator");
                        continue;
                    }
                    if (!seen.add(id)) {
                        problems.add(topic + ": record " + id + " arrived twice");
                    }
                    Object want = plain(converter.convert(api));
                    Object got = plain(avroData.toConnectData(value.schema(), value.value()).value());
                    if (!want.equals(got)) {
                        problems.add(topic + " " + id + ":\n  expected " + want + "\n  got      " + got);
                    }
                }
                Set<Long> missing = new HashSet<>(expected.keySet());
                missing.removeAll(seen);
                if (!missing.isEmpty()) {
                    problems.add(topic + ": " + missing.size() + " records missing, e.g. " + missing.iterator().next());
                }
            }
        }
        assertThat(problems).as("records that did not arrive intact").isEmpty();

        Set<String> subjects = new HashSet<>();
        JSON.readTree(get(schemas.base + "/subjects")).forEach(s -> subjects.add(s.asText()));
        assertThat(subjects).as("one key and one value subject per topic").isEqualTo(expectedSubjects);
        for (String subject : subjects) {
            assertThat(JSON.readTree(get(schemas.base + "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                    + "/versions"))).as("schema versions of %s", subject).hasSize(1);
        }
    }

    // ------------------------------------------------------------------ the simulator's truth

    /** Every record the simulator serves, read inside its container with the jar's SimulatorDump. */
    private static JsonNode simulatorRecords(JsonNode config, List<Resource> resources) throws Exception {
        String version = config.path("greenhouse.api.version").asText();
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m", "-cp", SIMULATOR_JAR,
                "io.kafkaconnect.greenhouse.packaging.SimulatorDump", config.path("greenhouse.base.url").asText()));
        if (version.equals("v1")) {
            cmd.addAll(List.of("--api-key", config.path("greenhouse.api.key").asText()));
        } else {
            cmd.addAll(List.of("--oauth-client", config.path("greenhouse.oauth.client.id").asText(),
                    config.path("greenhouse.oauth.client.secret").asText()));
        }
        for (Resource r : resources) {
            String query = r.fixedParams().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&"));
            cmd.add(r.name() + "=/" + version + "/" + r.path() + (query.isEmpty() ? "" : "?" + query));
        }
        Container.ExecResult result = simulator.execInContainer(cmd.toArray(String[]::new));
        assertThat(result.getExitCode()).as(result.getStderr()).isZero();
        return JSON.readTree(result.getStdout());
    }

    // ------------------------------------------------------------------ Kafka

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // never create a topic by asking for it: the worker creates them with the connector's topic.creation.*
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The whole topic, once it holds at least {@code expected} records (or the timeout passed). */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic,
                                                                int expected, Duration timeout) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        await(timeout, topic + " holds " + expected + " records", () -> {
            partitions.clear();
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos == null || infos.isEmpty()) {
                    return false;
                }
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                return end >= expected;
            } catch (KafkaException e) {
                return false; // not there yet
            }
        });
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            assertThat(System.nanoTime()).as("reading %s", topic).isLessThan(deadline);
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    // ------------------------------------------------------------------ Confluent wire format

    private record Decoded(int schemaId, Schema schema, Object value) {
    }

    /** Schemas by id from the registry's REST API ({@code GET /schemas/ids/<id>}). */
    private static final class Registry {
        final String base;
        private final Map<Integer, Schema> byId = new HashMap<>();

        Registry(String base) {
            this.base = base;
        }

        Schema schema(int id) throws Exception {
            Schema s = byId.get(id);
            if (s == null) {
                JsonNode body = JSON.readTree(get(base + "/schemas/ids/" + id));
                s = new Schema.Parser().parse(body.path("schema").asText());
                byId.put(id, s);
            }
            return s;
        }

        /** Magic byte 0, a big-endian 4-byte schema id, then the Avro binary encoding. */
        Decoded decode(byte[] bytes) throws Exception {
            assertThat(bytes).as("Confluent wire format").isNotNull().hasSizeGreaterThan(5);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            assertThat(buffer.get()).as("magic byte").isEqualTo((byte) 0);
            int id = buffer.getInt();
            Schema schema = schema(id);
            Object value = new GenericDatumReader<>(schema)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            return new Decoded(id, schema, value);
        }
    }

    /**
     * A Connect value as plain data (maps, lists, longs, doubles, strings), so that records compare by content
     * whatever small differences the two Avro converters leave in the Connect schemas (optionality, versions).
     */
    static Object plain(Object v) {
        if (v instanceof Struct s) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Field f : s.schema().fields()) {
                m.put(f.name(), plain(s.get(f)));
            }
            return m;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new HashMap<>();
            map.forEach((k, val) -> out.put(plain(k), plain(val)));
            return out;
        }
        if (v instanceof java.util.Date d) {
            return d.getTime();
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof BigDecimal bd) {
            return bd.stripTrailingZeros().toPlainString();
        }
        if (v instanceof ByteBuffer b) {
            ByteBuffer copy = b.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        return v;
    }

    // ------------------------------------------------------------------ REST helpers

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
        return r.body();
    }

    private static String status(String connectUrl, String name) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(connectUrl + "/connectors/" + name + "/status")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static boolean running(String connectUrl, String name) {
        try {
            JsonNode s = JSON.readTree(status(connectUrl, name));
            if (!"RUNNING".equals(s.path("connector").path("state").asText()) || s.path("tasks").isEmpty()) {
                return false;
            }
            for (Iterator<JsonNode> it = s.path("tasks").elements(); it.hasNext(); ) {
                String state = it.next().path("state").asText();
                assertThat(state).as("task state: %s", s).isNotEqualTo("FAILED");
                if (!state.equals("RUNNING")) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(String logs) {
        return logs.length() <= 8000 ? logs : logs.substring(logs.length() - 8000);
    }

    private static void await(Duration timeout, java.util.function.Supplier<String> what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            Thread.sleep(500);
        }
    }

    private static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        await(timeout, () -> what, condition);
    }
}
