package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.util.Closing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvest v3 end to end: every v3 resource the simulator serves, through a real broker and Connect worker, with
 * OAuth tokens that expire during the sync (a short TTL, plus every token revoked by the simulator every second),
 * compared record by record with the simulator's truth. Resources the simulator does not serve yet are skipped.
 */
class V3SyncIT {
    private static final Logger log = LoggerFactory.getLogger(V3SyncIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "v3-it-client-4711";
    private static final String CLIENT_SECRET = "v3-it-secret-do-not-log";
    private static HarvestSimulator sim;
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        sim = HarvestSimulator.builder().seed(23L).oauthClient(CLIENT_ID, CLIENT_SECRET)
                .tokenTtl(Duration.ofSeconds(2))
                .defaultRecords(24).records("candidates", 300).records("applications", 260)
                .latency(Duration.ofMillis(5), Duration.ZERO, 0.0)
                .build();
        sim.start();
        cluster = new ConnectCluster("v3-sync-it");
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.inOrder(cluster, sim);
    }

    /** A v3 connector config against the simulator: JSON without schemas, topics created by the worker. */
    private static Map<String, String> v3Config(String resources, String prefix) {
        Map<String, String> c = new HashMap<>();
        c.putAll(ConnectCluster.commonConfig(sim.baseUrl(), resources, 1));
        c.put("greenhouse.api.version", "v3");
        c.put("greenhouse.oauth.client.id", CLIENT_ID);
        c.put("greenhouse.oauth.client.secret", CLIENT_SECRET);
        c.put("greenhouse.oauth.token.url", sim.tokenUrl());
        c.put("topic.prefix", prefix);
        c.put("page.size", "10");
        return c;
    }

    @Test
    void everyServedV3ResourceArrivesCompleteAndExactWhileTokensExpire() throws Exception {
        List<Resource> all = HarvestDialects.forVersion("v3").resources();
        List<Resource> served = new ArrayList<>();
        List<Resource> skipped = new ArrayList<>();
        for (Resource r : all) {
            if (servedBySimulator(r)) {
                served.add(r);
            } else {
                skipped.add(r);
            }
        }
        log.info("V3SyncIT: the simulator serves {} of {} v3 resources; skipped: {}", served.size(), all.size(),
                skipped.stream().map(Resource::name).toList());
        assertThat(served).extracting(Resource::name).as("the simulator's original v3 resources at least")
                .contains("candidates", "applications", "jobs", "departments", "user_roles", "demographic_questions");

        Map<String, Map<Long, JsonNode>> truths = new LinkedHashMap<>();
        for (Resource r : served) {
            truths.put(r.name(), expected(r));
        }
        sim.clearRequestLog();
        String names = String.join(",", served.stream().map(Resource::name).toList());
        cluster.connect().configureConnector("v3", v3Config(names, "v3"));
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("v3", 1, "connector did not start");

        ScheduledExecutorService expirer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger expiries = new AtomicInteger();
        expirer.scheduleAtFixedRate(() -> {
            sim.expireTokens();
            expiries.incrementAndGet();
        }, 700, 1_000, TimeUnit.MILLISECONDS);
        List<String> problems = new ArrayList<>();
        try {
            for (Resource r : served) {
                Map<Long, JsonNode> truth = truths.get(r.name());
                String topic = "v3." + r.name();
                if (truth.isEmpty()) {
                    continue;
                }
                List<List<ConnectCluster.Record>> read = new ArrayList<>(List.of(List.of()));
                awaitOrExplain(topic, truth, read, () -> {
                            List<ConnectCluster.Record> sofar = readAll(topic);
                            read.set(0, sofar);
                            return sofar.stream().map(x -> x.key().get("id").asLong()).distinct().count()
                                    >= truth.size();
                        });
                List<ConnectCluster.Record> records = read.get(0);
                Special special = Special.of(r);
                Set<Long> seen = new TreeSet<>();
                for (ConnectCluster.Record rec : records) {
                    long id = rec.key().get("id").asLong();
                    seen.add(id);
                    JsonNode expectedJson = truth.get(id);
                    if (expectedJson == null) {
                        problems.add(r.name() + " " + id + ": not in the simulator's truth for this resource");
                        continue;
                    }
                    special.compare(expectedJson, rec.value()).forEach(d -> problems.add(r.name() + " " + id + " " + d));
                    if (r.mode() != SyncMode.SNAPSHOT && expectedJson.hasNonNull(r.cursorField())) {
                        long changed = Types.parseInstant(expectedJson.get(r.cursorField()).asText()).toEpochMilli();
                        if (rec.timestamp() != changed) {
                            problems.add(r.name() + " " + id + ": record timestamp " + rec.timestamp() + " is not "
                                    + r.cursorField() + " " + changed);
                        }
                    }
                }
                assertThat(seen).as("ids of %s", r.name()).isEqualTo(truth.keySet());
                assertThat(records).as("no duplicates of %s in a quiet account", r.name()).hasSize(truth.size());
            }
        } finally {
            expirer.shutdownNow();
        }
        assertThat(problems).as("content differences").isEmpty();
        assertThat(expiries.get()).as("tokens were revoked during the sync").isPositive();

        List<LoggedRequest> requests = sim.requestLog();
        long tokenRequests = requests.stream().filter(q -> q.path().equals(tokenPath())).count();
        long unauthorized = requests.stream().filter(q -> q.path().startsWith("/v3/") && q.status() == 401).count();
        assertThat(tokenRequests).as("tokens were renewed").isGreaterThanOrEqualTo(2);
        assertThat(unauthorized).as("revoked tokens were refused and renewed").isPositive();
        assertThat(requests.stream().filter(q -> q.path().startsWith("/v3/") && q.status() == 422))
                .as("no request combined a cursor with other parameters").isEmpty();
        requests.stream().filter(q -> q.path().startsWith("/v3/") && q.query().containsKey("cursor"))
                .forEach(q -> assertThat(q.query()).as("a cursor request carries nothing else").hasSize(1));
        assertThat(cluster.connect().connectorStatus("v3").tasks()).allSatisfy(t -> assertThat(t.state())
                .isEqualTo("RUNNING"));
        cluster.connect().deleteConnector("v3");
    }

    private static void awaitOrExplain(String topic, Map<Long, JsonNode> truth,
                                       List<List<ConnectCluster.Record>> read,
                                       java.util.function.BooleanSupplier done) throws InterruptedException {
        try {
            ConnectCluster.await(Duration.ofSeconds(120), topic + " did not receive all " + truth.size() + " records",
                    done);
        } catch (AssertionError e) {
            Set<Long> present = new TreeSet<>();
            read.get(0).forEach(r -> present.add(r.key().get("id").asLong()));
            Set<Long> missing = new TreeSet<>(truth.keySet());
            missing.removeAll(present);
            Map<Long, String> changed = new LinkedHashMap<>();
            missing.forEach(id -> changed.put(id, truth.get(id).path("updated_at").asText()));
            String path = "/v3/" + topic.substring(topic.indexOf('.') + 1);
            List<String> requests = sim.requestLog().stream().filter(q -> q.path().equals(path))
                    .map(q -> q.status() + " " + q.recordsReturned() + " " + q.query()).toList();
            throw new AssertionError(e.getMessage() + "; " + read.get(0).size() + " records, missing " + changed
                    + "; requests " + requests, e);
        }
    }

    @Test
    void aStoredCursorThatExpiredRestartsItsWindowFromTheFirstPage() throws Exception {
        HarvestSimulator slow = HarvestSimulator.builder().seed(29L).oauthClient(CLIENT_ID, CLIENT_SECRET)
                .records("candidates", 800).latency(Duration.ofMillis(60), Duration.ZERO, 0.0)
                .cursorTtl(Duration.ofSeconds(3)).build();
        slow.start();
        try {
            Map<String, String> config = v3Config("candidates", "cursor");
            config.put("greenhouse.base.url", slow.baseUrl());
            config.put("greenhouse.oauth.token.url", slow.tokenUrl());
            config.put("page.size", "20");
            config.put("fetch.max.concurrency", "1"); // the page walk; cursors of parallel pieces live shorter
            cluster.connect().configureConnector("cursor", config);
            ConnectCluster.await(Duration.ofSeconds(60), "8 cursor pages read",
                    () -> cursorPages(slow, 200).size() >= 8);

            cluster.connect().stopConnector("cursor");
            cluster.connect().assertions().assertConnectorIsStopped("cursor", "connector did not stop");
            Thread.sleep(3_500); // the stored cursor expires
            int readBefore = cursorPages(slow, 200).size();
            assertThat(readBefore).as("stopped mid-window").isLessThan(39);
            cluster.connect().resumeConnector("cursor");

            Map<Long, JsonNode> truth = slow.truth("candidates", io.kafkaconnect.greenhouse.simulator.Dialect.V3);
            ConnectCluster.await(Duration.ofSeconds(90), "all candidates after the restart",
                    () -> cluster.count("cursor.candidates") >= truth.size());
            assertThat(cursorPages(slow, 422)).as("the stored cursor was refused").isNotEmpty();
            assertThat(cluster.latestById("cursor.candidates").keySet()).isEqualTo(truth.keySet());
            assertThat(cluster.connect().connectorStatus("cursor").tasks())
                    .allSatisfy(t -> assertThat(t.state()).isEqualTo("RUNNING"));
        } finally {
            cluster.connect().deleteConnector("cursor");
            slow.close();
        }
    }

    private static List<LoggedRequest> cursorPages(HarvestSimulator s, int status) {
        return s.requestLog().stream().filter(r -> r.path().equals("/v3/candidates"))
                .filter(r -> r.query().containsKey("cursor")).filter(r -> r.status() == status).toList();
    }

    /** Every record of the topic so far; empty while the topic does not exist yet. */
    private static List<ConnectCluster.Record> readAll(String topic) {
        try {
            return cluster.readAll(topic);
        } catch (IllegalStateException e) {
            log.info("V3SyncIT: {} cannot be read yet: {}", topic, String.valueOf(e.getCause()));
            return List.of();
        }
    }

    /** What the topic of {@code r} must hold: the simulator's v3 truth of its endpoint, narrowed by its fixed filters. */
    private static Map<Long, JsonNode> expected(Resource r) {
        Map<Long, JsonNode> truth = sim.truth(r.path(), io.kafkaconnect.greenhouse.simulator.Dialect.V3);
        Map<Long, JsonNode> out = new LinkedHashMap<>();
        truth.forEach((id, json) -> { // the records of any of the resource's lists (job_posts: active or not)
            boolean matches = r.lists().stream().anyMatch(list -> list.fixedParams().entrySet().stream()
                    .allMatch(p -> !json.has(p.getKey()) || json.get(p.getKey()).asText().equals(p.getValue())));
            if (matches) {
                out.put(id, json);
            }
        });
        return out;
    }

    /** Whether the simulator serves the resource's v3 endpoint (it answers 404 before authentication otherwise). */
    private static boolean servedBySimulator(Resource r) {
        try {
            sim.truth(r.path(), io.kafkaconnect.greenhouse.simulator.Dialect.V3);
        } catch (RuntimeException e) {
            return false;
        }
        OkHttpClient http = new OkHttpClient();
        try (Response response = http.newCall(new Request.Builder().url(sim.baseUrl() + "/v3/" + r.path()
                + "?per_page=1").get().build()).execute()) {
            return response.code() != 404;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static String tokenPath() {
        return okhttp3.HttpUrl.get(sim.tokenUrl()).encodedPath();
    }

    /**
     * v3 keeps custom fields as {@code name_key -> {name, type, value}} (TruthComparison's {@code keyed_custom_fields}
     * shape, under other names) and a custom field's {@code default_value} as a JSON-value struct; both are compared
     * in their own way, every other field by {@link TruthComparison}.
     */
    private record Special(Set<String> keyedMaps, Set<String> jsonValues) {
        static Special of(Resource r) {
            Schema schema = new SourceRecordFactory(r, "t", new SourcePartition("v3", "h", r.name()), new UnknownFieldLog())
                    .valueSchema();
            Set<String> keyed = new TreeSet<>();
            Set<String> json = new TreeSet<>();
            for (Field f : schema.fields()) {
                Schema s = f.schema();
                if (s.type() == Schema.Type.MAP && s.valueSchema().type() == Schema.Type.STRUCT
                        && s.valueSchema().field("value") != null) {
                    keyed.add(f.name());
                } else if (s.type() == Schema.Type.STRUCT && s.field("json") != null && s.field("type") != null) {
                    json.add(f.name());
                }
            }
            return new Special(keyed, json);
        }

        List<String> compare(JsonNode truth, JsonNode written) {
            ObjectNode t = truth.deepCopy();
            ObjectNode w = written.deepCopy();
            List<String> diffs = new ArrayList<>();
            for (String name : keyedMaps) {
                JsonNode tv = t.remove(name);
                JsonNode wv = w.remove(name);
                if (tv == null || tv.isNull()) {
                    if (wv != null && !wv.isNull()) {
                        diffs.add(name + ": expected null, got " + wv);
                    }
                    continue;
                }
                ObjectNode tw = JSON.createObjectNode().set("keyed_custom_fields", tv);
                ObjectNode ww = JSON.createObjectNode().set("keyed_custom_fields", wv);
                TruthComparison.differences(tw, ww).forEach(d -> diffs.add(d.replace("keyed_custom_fields", name)));
            }
            for (String name : jsonValues) {
                JsonNode tv = t.remove(name);
                JsonNode wv = w.remove(name);
                JsonNode decoded;
                try {
                    decoded = wv == null || wv.isNull() ? null : JSON.readTree(wv.get("json").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                boolean truthNull = tv == null || tv.isNull();
                if (truthNull ? decoded != null && !decoded.isNull() : !tv.equals(decoded)) {
                    diffs.add(name + ": expected " + tv + ", got " + wv);
                }
            }
            diffs.addAll(TruthComparison.differences(t, w));
            return diffs;
        }
    }
}
