package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WindowSyncTest {
    private static final Resource THINGS = ThingsDialect.THINGS;
    private static final Resource TEAMS = ThingsDialect.TEAMS;
    /** The server is an hour ahead of the worker: windows must follow the server. */
    private static final Duration SERVER_AHEAD = Duration.ofHours(1);

    private MockWebServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = TestApiClient.of(server.url("/"), new ApiKeyCredentials("k", "greenhouse.api.key", HarvestAccess::apiKeyHint),
                ThingsDialect.INSTANCE, 0);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private WindowSync sync(Resource resource, WindowOffset offset) {
        SourceRecordFactory maker = new SourceRecordFactory(resource, "t." + resource.name(),
                SourcePartition.of("vt", server.url("/"), resource.name()), new UnknownFieldLog());
        WindowSync.Settings settings = new WindowSync.Settings(server.url("/"), 2, Duration.ofMinutes(1),
                Duration.ofSeconds(10), Duration.ofHours(1), ConversionErrors.FAIL, 1, Duration.ZERO);
        return new WindowSync(resource, ThingsDialect.INSTANCE, offset,
                new ResourceSync.Context(client, maker, settings, Clock.systemUTC(), null));
    }

    private static String serverDate() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(Instant.now().plus(SERVER_AHEAD), ZoneOffset.UTC));
    }

    private void page(String body, String next) {
        MockResponse.Builder r = new MockResponse.Builder().code(200).addHeader("Date", serverDate()).body(body);
        if (next != null) {
            r.addHeader("Link", "<" + server.url(next) + ">; rel=\"next\"");
        }
        server.enqueue(r.build());
    }

    private static String things(long... ids) {
        StringBuilder sb = new StringBuilder("[");
        for (long id : ids) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"id\":").append(id)
                    .append(",\"name\":\"n").append(id).append("\",\"updated_at\":\"2024-01-0").append(id % 9 + 1)
                    .append("T00:00:00Z\"}");
        }
        return sb.append("]").toString();
    }

    @Test
    void aWindowIsBoundedByTheServersClockAndItsOffsetsResumeAtThePageInFlight() throws Exception {
        Instant watermark = Instant.parse("2024-01-01T00:00:00Z");
        page("[]", null); // the probe that learns the server's clock
        page(things(1, 2), "/things?page=2");
        page(things(3), null);
        WindowSync sync = sync(THINGS, new WindowOffset.Between(watermark));

        List<SourceRecord> first = sync.step();
        server.takeRequest();
        RecordedRequest firstPage = server.takeRequest();
        Instant upper = Instant.parse(firstPage.getUrl().queryParameter("updated_before"));
        assertThat(firstPage.getUrl().queryParameter("updated_after")).isEqualTo(watermark.toString());
        assertThat(Duration.between(Instant.now().plus(SERVER_AHEAD), upper).abs())
                .as("upper bound = server now - lag").isLessThan(Duration.ofSeconds(15));

        assertThat(first).hasSize(2);
        WindowOffset.Walking restartAtFirstPage = new WindowOffset.Walking(watermark, upper, null);
        WindowOffset nextPage = restartAtFirstPage.atPage(server.url("/things?page=2").toString(),
                WindowOffset.Walk.NEXT, List.of());
        assertThat(WindowOffset.fromMap(cast(first.get(0).sourceOffset()))).isEqualTo(restartAtFirstPage);
        assertThat(WindowOffset.fromMap(cast(first.get(1).sourceOffset()))).isEqualTo(nextPage);
        assertThat(((Struct) first.get(0).key()).getInt64("id")).isEqualTo(1L);
        assertThat(first.get(0).timestamp()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli());
        assertThat(first.get(0).topic()).isEqualTo("t.things");

        List<SourceRecord> second = sync.step();
        assertThat(server.takeRequest().getUrl().toString()).isEqualTo(server.url("/things?page=2").toString());
        assertThat(WindowOffset.fromMap(cast(second.get(0).sourceOffset())))
                .isEqualTo(new WindowOffset.Between(upper));
        assertThat(sync.isDue(Instant.now())).as("caught up: wait for the poll interval").isFalse();
    }

    @Test
    void resumesInsideTheStoredWindowAtTheStoredPage() throws Exception {
        Instant watermark = Instant.parse("2024-01-01T00:00:00Z");
        Instant upper = Instant.parse("2024-03-01T00:00:00Z");
        page(things(5), null);
        WindowSync sync = sync(THINGS, new WindowOffset.Walking(watermark, upper, null)
                .atPage(server.url("/things?page=7").toString(), WindowOffset.Walk.NEXT, List.of()));

        List<SourceRecord> records = sync.step();

        assertThat(server.takeRequest().getUrl().queryParameter("page")).isEqualTo("7");
        assertThat(WindowOffset.fromMap(cast(records.get(0).sourceOffset())).watermark()).isEqualTo(upper);
    }

    @Test
    void restartsAStoredWindowAtItsFirstPageWithTheSameBounds() throws Exception {
        Instant watermark = Instant.parse("2024-01-01T00:00:00Z");
        Instant upper = Instant.parse("2024-03-01T00:00:00Z");
        page(things(5), null);
        sync(THINGS, new WindowOffset.Walking(watermark, upper, null)).step();

        HttpUrl url = server.takeRequest().getUrl();
        assertThat(url.queryParameter("updated_after")).isEqualTo(watermark.toString());
        assertThat(url.queryParameter("updated_before")).isEqualTo(upper.toString());
    }

    @Test
    void aStoredCursorTheApiRejectsRestartsItsWindowAtTheFirstPage() throws Exception {
        Instant watermark = Instant.parse("2024-01-01T00:00:00Z");
        Instant upper = Instant.parse("2024-03-01T00:00:00Z");
        server.enqueue(new MockResponse.Builder().code(422)
                .body("{\"message\":\"Unprocessable Content\",\"errors\":[\"expired cursor\"]}").build());
        page(things(5, 6), null);
        WindowSync sync = sync(THINGS, new WindowOffset.Walking(watermark, upper, null)
                .atPage(server.url("/things?cursor=abc").toString(), WindowOffset.Walk.NEXT, List.of()));

        List<SourceRecord> records = sync.step();

        assertThat(server.takeRequest().getUrl().queryParameter("cursor")).isEqualTo("abc");
        HttpUrl restart = server.takeRequest().getUrl();
        assertThat(restart.queryParameter("updated_after")).isEqualTo(watermark.toString());
        assertThat(restart.queryParameter("updated_before")).isEqualTo(upper.toString());
        assertThat(records).hasSize(2);
        assertThat(sync.position()).isEqualTo(new WindowOffset.Between(upper));
    }

    @Test
    void aSnapshotDoesNotResendUnchangedRecords() throws Exception {
        page("[]", null);
        page(things(1, 2), null);
        page("[{\"id\":1,\"name\":\"n1\",\"updated_at\":\"2024-01-02T00:00:00Z\"},{\"id\":2,\"name\":\"renamed\"}]", null);
        WindowSync sync = sync(TEAMS, WindowOffset.START);

        assertThat(sync.step()).hasSize(2);
        WindowSync again = sync; // same task: second pass
        assertThat(again.isDue(Instant.now())).isFalse();
        List<SourceRecord> secondPass = forceStep(again);
        assertThat(secondPass).extracting(r -> ((Struct) r.key()).getInt64("id")).containsExactly(2L);
    }

    private static List<SourceRecord> forceStep(WindowSync sync) throws InterruptedException {
        return sync.step(); // step() does not check dueAt; the task does
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<String, ?> map) {
        return (Map<String, Object>) map;
    }
}
