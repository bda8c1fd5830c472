package io.kafkaconnect.greenhouse.token;

import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.ashby.AshbyAccess;
import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.util.DaemonThreads;
import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync-token state machine against scripted Ashby answers. */
class TokenSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StructSpec THING = struct(field("id", STRING), field("name", STRING),
            field("updatedAt", TIMESTAMP));
    private static final StructSpec ENTRY = struct(field("id", STRING), field("applicationId", STRING),
            field("title", STRING), field("enteredStageAt", TIMESTAMP));
    private static final Resource THINGS = Resource.syncToken("things", "thing.list", "updatedAt", "test.Thing",
            THING);
    private static final Resource HISTORY = Resource.perChangedParent("history", "application.listHistory",
            new Resource.Parent("application.list", "applicationId"), "enteredStageAt", "test.Entry", ENTRY);

    private MockWebServer server;
    private ApiClient client;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = TestApiClient.of(server.url("/"), new ApiKeyCredentials("key", "ashby.api.key", AshbyAccess::hint), AshbyDialect.INSTANCE,
                0);
        pool = Executors.newFixedThreadPool(4, new DaemonThreads("test-fetch"));
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        client.close();
        server.close();
    }

    private TokenSync sync(Resource resource, TokenOffset offset) {
        return sync(resource, offset, Duration.ZERO, Clock.systemUTC());
    }

    private TokenSync sync(Resource resource, TokenOffset offset, Duration progressInterval, Clock clock) {
        SourceRecordFactory maker = new SourceRecordFactory(resource, "t." + resource.name(),
                SourcePartition.of("ashby", server.url("/"), resource.name()), new UnknownFieldLog());
        ResourceSync.Settings settings = new ResourceSync.Settings(server.url("/"), 2, Duration.ofMinutes(1),
                Duration.ZERO, Duration.ofHours(1), ConversionErrors.FAIL, 4, progressInterval);
        return new TokenSync(resource, AshbyDialect.INSTANCE, offset,
                new ResourceSync.Context(client, maker, settings, clock, pool));
    }

    @Test
    void aLongPassLogsItsProgressOnceAnIntervalAndAShortOneNot() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        page("c1", null, "a", "b");
        page("c2", null, "c", "d");
        page(null, "t1", "e");
        TokenSync sync = sync(THINGS, TokenOffset.START, Duration.ofMinutes(1), clock);
        try (LogCapture logs = new LogCapture()) {
            sync.step();
            clock.advance(Duration.ofSeconds(40));
            sync.step();
            clock.advance(Duration.ofSeconds(40));
            sync.step();

            List<String> progress = logs.lines().stream().filter(l -> l.contains("things: full pass: ")).toList();
            assertThat(progress).hasSize(1);
            assertThat(progress.get(0)).endsWith("things: full pass: 5 records, 0.1 records/s");
        }
    }

    private void answer(String json) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(json).build());
    }

    /** A page of things {@code id:version}; the last page carries {@code token}. */
    private void page(String nextCursor, String token, String... things) {
        StringBuilder results = new StringBuilder();
        for (String t : things) {
            String[] idVersion = t.split(":");
            results.append(results.length() > 0 ? "," : "").append("{\"id\":\"").append(idVersion[0])
                    .append("\",\"name\":\"v").append(idVersion.length > 1 ? idVersion[1] : "1")
                    .append("\",\"updatedAt\":\"2026-01-02T03:04:05.678Z\"}");
        }
        answer("{\"success\":true,\"results\":[" + results + "],\"moreDataAvailable\":" + (nextCursor != null)
                + (nextCursor != null ? ",\"nextCursor\":\"" + nextCursor + "\"" : "")
                + (token != null ? ",\"syncToken\":\"" + token + "\"" : "") + "}");
    }

    private void error(String code) {
        answer("{\"success\":false,\"errorInfo\":{\"code\":\"" + code + "\",\"message\":\"no\",\"requestId\":\"r-1\"},"
                + "\"errors\":[\"" + code + "\"]}");
    }

    private JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.getBody().utf8());
    }

    private static List<String> ids(List<SourceRecord> records) {
        List<String> ids = new ArrayList<>();
        records.forEach(r -> ids.add(((Struct) r.key()).getString("id")));
        return ids;
    }

    @Test
    void aFullPassFollowsCursorsKeepsTheLastPagesTokenAndTheNextPassReplaysIt() throws Exception {
        page("c1", null, "a", "b");
        page(null, "t1", "c");
        TokenSync sync = sync(THINGS, TokenOffset.START);

        List<SourceRecord> first = sync.step();
        RecordedRequest r1 = server.takeRequest();
        assertThat(r1.getMethod()).isEqualTo("POST");
        assertThat(r1.getUrl().encodedPath()).isEqualTo("/thing.list");
        assertThat(r1.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic("key", ""));
        assertThat(r1.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(r1).toString()).isEqualTo("{\"limit\":2}");
        assertThat(ids(first)).containsExactly("a", "b");
        assertThat(first.get(0).sourceOffset()).isEqualTo(Map.of("v", 1));
        assertThat(first.get(1).sourceOffset()).isEqualTo(Map.of("v", 1, "cursor", "c1"));
        assertThat(first.get(0).timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli());
        assertThat(first.get(0).topic()).isEqualTo("t.things");

        List<SourceRecord> second = sync.step();
        assertThat(body(server.takeRequest()).toString()).isEqualTo("{\"limit\":2,\"cursor\":\"c1\"}");
        assertThat(ids(second)).containsExactly("c");
        assertThat(second.get(0).sourceOffset()).isEqualTo(Map.of("v", 1, "sync_token", "t1"));
        assertThat(sync.dueAt()).isAfter(Instant.now().plusSeconds(50)); // waits for the poll interval

        page(null, "t2", "b:2");
        List<SourceRecord> delta = sync.step();
        assertThat(body(server.takeRequest()).toString()).isEqualTo("{\"limit\":2,\"syncToken\":\"t1\"}");
        assertThat(ids(delta)).containsExactly("b");
        assertThat(delta.get(0).sourceOffset()).isEqualTo(Map.of("v", 1, "sync_token", "t2"));
    }

    @Test
    void aDeltaSendsItsTokenWithEveryCursorAndResumesFromAStoredPosition() throws Exception {
        page(null, "t9", "x");
        TokenSync sync = sync(THINGS, new TokenOffset.InPass("t8", "c7"));
        assertThat(ids(sync.step())).containsExactly("x");
        assertThat(body(server.takeRequest()).toString())
                .isEqualTo("{\"limit\":2,\"cursor\":\"c7\",\"syncToken\":\"t8\"}");
        assertThat(sync.position()).isEqualTo(new TokenOffset.BetweenPasses("t9"));
    }

    @Test
    void aRefusedCursorRestartsThePassWithTheSameToken() throws Exception {
        error("next_cursor_expired");
        page(null, "t2", "a");
        TokenSync sync = sync(THINGS, new TokenOffset.InPass("t1", "old"));

        assertThat(sync.step()).isEmpty();
        assertThat(sync.position()).isEqualTo(new TokenOffset.BetweenPasses("t1"));
        assertThat(ids(sync.step())).containsExactly("a");
        server.takeRequest();
        assertThat(body(server.takeRequest()).toString()).isEqualTo("{\"limit\":2,\"syncToken\":\"t1\"}");
    }

    @Test
    void aRefusedTokenStartsAFullPassThatDoesNotResendWhatThisTaskSentUnchanged() throws Exception {
        page(null, "t1", "a", "b");
        TokenSync sync = sync(THINGS, TokenOffset.START);
        assertThat(ids(sync.step())).containsExactly("a", "b");

        for (String code : List.of("sync_token_expired", "sync_token_invalid", "incremental_sync_too_large")) {
            error(code);
            assertThat(sync.step()).as(code).isEmpty();
            assertThat(sync.position()).as(code).isEqualTo(TokenOffset.START);
            page(null, "t1", "a", "b");
            assertThat(sync.step()).as("nothing changed").isEmpty();
            assertThat(sync.position()).isEqualTo(new TokenOffset.BetweenPasses("t1"));
        }
        error("sync_token_expired");
        sync.step();
        page(null, "t3", "a", "b:2", "c");
        List<SourceRecord> full = sync.step();
        assertThat(ids(full)).containsExactly("b", "c");
        assertThat(full.get(1).sourceOffset()).isEqualTo(Map.of("v", 1, "sync_token", "t3"));
    }

    @Test
    void theNextPageOfAPassIsFetchedWhileTheCurrentOneIsHandedOverAndItsErrorsSurfaceInTheNextStep() throws Exception {
        page("c1", null, "a");
        error("next_cursor_expired");
        page(null, "t1", "a", "b");
        TokenSync sync = sync(THINGS, TokenOffset.START);
        assertThat(ids(sync.step())).containsExactly("a");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.getRequestCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.getRequestCount()).as("the next page is asked for before the next step").isEqualTo(2);
        assertThat(sync.step()).as("the refused cursor, from the read-ahead").isEmpty();
        assertThat(sync.position()).isEqualTo(TokenOffset.START);
        assertThat(ids(sync.step())).containsExactly("b");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedTokenOnAFullPassIsAnErrorNotALoop() {
        error("sync_token_invalid");
        TokenSync sync = sync(THINGS, TokenOffset.START);
        assertThatThrownBy(sync::step).isInstanceOf(ApiException.class).hasMessageContaining("sync_token_invalid");
    }

    @Test
    void aPerParentResourceReadsTheChildListOfEachParentInTheParentsDelta() throws Exception {
        // children are fetched in parallel: answer by request, not by order
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                String json;
                if (request.getUrl().encodedPath().equals("/application.list")) {
                    json = "{\"success\":true,\"results\":[{\"id\":\"app1\"},{\"id\":\"gone\"},{\"id\":\"app2\"}],"
                            + "\"moreDataAvailable\":false,\"syncToken\":\"pt1\"}";
                } else if (body.contains("\"gone\"")) {
                    json = "{\"success\":false,\"errorInfo\":{\"code\":\"application_not_found\"}}";
                } else if (body.contains("\"app1\"") && !body.contains("cursor")) {
                    json = "{\"success\":true,\"results\":[{\"id\":\"h1\",\"title\":\"Applied\"}],"
                            + "\"moreDataAvailable\":true,\"nextCursor\":\"hc\"}";
                } else if (body.contains("\"app1\"")) {
                    json = "{\"success\":true,\"results\":[{\"id\":\"h2\",\"title\":\"Onsite\"}],"
                            + "\"moreDataAvailable\":false}";
                } else {
                    json = "{\"success\":true,\"results\":[{\"id\":\"h3\",\"applicationId\":\"app2\"}],"
                            + "\"moreDataAvailable\":false}";
                }
                return new MockResponse.Builder().code(200).body(json).build();
            }
        });
        TokenSync sync = sync(HISTORY, TokenOffset.START);
        List<SourceRecord> records = sync.step();

        assertThat(ids(records)).containsExactly("h1", "h2", "h3");
        assertThat(records).extracting(r -> ((Struct) r.value()).getString("applicationId"))
                .containsExactly("app1", "app1", "app2");
        assertThat(records.get(2).sourceOffset()).isEqualTo(Map.of("v", 1, "sync_token", "pt1"));
        assertThat(records.get(0).sourceOffset()).isEqualTo(Map.of("v", 1));
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < server.getRequestCount(); i++) {
            RecordedRequest r = server.takeRequest();
            requests.add(r.getUrl().encodedPath() + " " + r.getBody().utf8());
        }
        assertThat(requests).first().isEqualTo("/application.list {\"limit\":2}");
        assertThat(requests).contains("/application.listHistory {\"applicationId\":\"app1\",\"limit\":2,\"cursor\":\"hc\"}");
    }

    @Test
    void anUnpagedListLongerThanThePageSizeIsNotAPageLargerThanAskedButAPagedOneIs() throws Exception {
        Resource unpaged = Resource.snapshot("reasons", "thing.list", "test.Thing", THING).withPaging(Paging.UNPAGED);
        page(null, null, "a", "b", "c");
        page(null, "t1", "a", "b", "c");
        try (LogCapture logs = new LogCapture()) {
            assertThat(ids(sync(unpaged, TokenOffset.START).step())).containsExactly("a", "b", "c");
            assertThat(logs.warnings()).as("no page size was asked for").isEmpty();
            assertThat(ids(sync(THINGS, TokenOffset.START).step())).containsExactly("a", "b", "c");
            assertThat(logs.warnings()).singleElement().asString().contains("3 records on a page of at most 2");
        }
    }
}
