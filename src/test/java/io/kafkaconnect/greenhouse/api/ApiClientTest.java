package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {
    private static final String KEY = "secret-api-key";
    private MockWebServer server;
    private ApiClient client;
    private RateBudget budget;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        budget = new RateBudget(Clock.systemUTC(), Duration.ofSeconds(10), 1.0);
        client = new ApiClient(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build(), server.url("/"), new ApiKeyCredentials(KEY, "greenhouse.api.key", HarvestAccess::apiKeyHint), HarvestProtocol.INSTANCE,
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), budget,
                new ServerClock(Clock.systemUTC()), new Sleeper(), new ObjectMapper());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void readsRecordsNextLinkAndServerDateAndSendsBasicAuth() throws Exception {
        Instant serverTime = Instant.parse("2030-01-01T10:00:00Z");
        HttpUrl next = server.url("/v1/candidates?page=2&per_page=2");
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(serverTime, ZoneOffset.UTC)))
                .addHeader("Link", "<" + next + ">; rel=\"next\", <" + server.url("/v1/candidates?page=9") + ">; rel=\"last\"")
                .body("[{\"id\":1},{\"id\":2}]").build());

        ApiPage<JsonNode> page = client.getPage(server.url("/v1/candidates?per_page=2"), "candidates");

        assertThat(page.records()).extracting(n -> n.get("id").asLong()).containsExactly(1L, 2L);
        assertThat(page.next()).isEqualTo(next);
        assertThat(page.serverTime()).isEqualTo(serverTime);
        assertThat(client.serverClock().now()).get().satisfies(now ->
                assertThat(Duration.between(serverTime, now).abs()).isLessThan(Duration.ofSeconds(5)));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo(okhttp3.Credentials.basic(KEY, ""));
    }

    @Test
    void aShorterPageReadIntoTheArrayOfTheOneBeforeIsReadAlone() {
        server.enqueue(json("[{\"id\":1,\"name\":\"a long name\"},{\"id\":2}]"));
        server.enqueue(json("[{\"id\":3}]"));
        java.util.List<byte[]> arrays = new java.util.ArrayList<>();
        RecordParser<String> texts = (parser, body) -> {
            arrays.add(body.bytes());
            int from = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int to = (int) parser.currentLocation().getByteOffset();
            return new String(body.bytes(), from, to - from, java.nio.charset.StandardCharsets.UTF_8);
        };

        ApiPage<String> first = client.getPage(server.url("/v1/candidates?page=1"), "candidates", texts);
        ApiPage<String> second = client.getPage(server.url("/v1/candidates?page=2"), "candidates", texts);

        assertThat(first.records()).containsExactly("{\"id\":1,\"name\":\"a long name\"}", "{\"id\":2}");
        assertThat(second.records()).containsExactly("{\"id\":3}");
        assertThat(arrays.get(2)).as("the second page's body went into the first one's array").isSameAs(arrays.get(0));
    }

    @Test
    void theServerClockIsLearnedFromSuccessfulAnswersOnly() throws Exception {
        Instant now = Instant.now();
        String proxyDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plus(Duration.ofHours(2)),
                ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now, ZoneOffset.UTC)))
                .body("[]").build());
        for (int i = 0; i < 3; i++) { // a proxy's error pages, three in a row agreeing on their odd clock
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Date", proxyDate).body("down").build());
        }
        server.enqueue(json("[]"));

        client.getPage(server.url("/v1/jobs"), "jobs");
        client.getPage(server.url("/v1/jobs"), "jobs");

        assertThat(client.serverClock().now()).get().satisfies(serverNow ->
                assertThat(Duration.between(Instant.now(), serverNow).abs()).isLessThan(Duration.ofSeconds(5)));
    }

    @Test
    void retriesServerErrorsHtmlPagesAndTruncatedJson() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>maintenance</html>").build());
        server.enqueue(json("[{\"id\":1},{\"id\""));
        server.enqueue(json("[{\"id\":7}]"));

        ApiPage<JsonNode> page = client.getPage(server.url("/v1/jobs"), "jobs");

        assertThat(page.records()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void retriesAResetConnection() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(json("[]"));

        assertThat(client.getPage(server.url("/v1/jobs"), "jobs").records()).isEmpty();
    }

    @Test
    void givesUpAfterMaxRetriesWithARetriableError() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs"), "jobs"))
                .isInstanceOf(TransientApiException.class)
                .hasMessageContaining("jobs").hasMessageContaining("4 times").hasMessageContaining("HTTP 500");
    }

    @Test
    void waitsOutA429AsTheApiAsks() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        server.enqueue(json("[{\"id\":1}]"));
        long start = System.nanoTime();

        assertThat(client.getPage(server.url("/v1/jobs"), "jobs").records()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void countsRequestsThrottlesAndRetriesByCause() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(json("<html>"));
        server.enqueue(json("[{\"id\":1}]"));

        assertThat(client.getPage(server.url("/v1/jobs"), "jobs").records()).hasSize(1);
        RequestCounters counters = client.counters();
        assertThat(counters.requests()).isEqualTo(4);
        assertThat(counters.throttledAnswers()).isEqualTo(1);
        assertThat(counters.retries(RequestCounters.RetryCause.SERVER_ERROR)).isEqualTo(1);
        assertThat(counters.retries(RequestCounters.RetryCause.UNUSABLE_ANSWER)).isEqualTo(1);
        assertThat(counters.retries()).as("a 429 is waited out, not a retry").isEqualTo(2);
    }

    @Test
    void a401NamesTheSettingAndNeverTheKey() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"Invalid Basic Auth credentials\"}").build());
        assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs"), "jobs"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("greenhouse.api.key").hasMessageContaining("Invalid Basic Auth credentials")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void a403NamesTheResource() {
        server.enqueue(new MockResponse.Builder().code(403).build());
        assertThatThrownBy(() -> client.getPage(server.url("/v1/offers"), "offers"))
                .isInstanceOf(ApiException.class).hasMessageContaining("may not read offers");
    }

    @Test
    void a422ShowsTheValidationMessage() {
        server.enqueue(new MockResponse.Builder().code(422).body(
                "{\"message\":\"Validation error\",\"errors\":[{\"message\":\"must be at most 500\",\"field\":\"per_page\"}]}").build());
        assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs?per_page=501"), "jobs"))
                .hasMessageContaining("per_page: must be at most 500");
    }

    @Test
    void refusesANextLinkToAnotherOrigin() {
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("Link", "<https://evil.example.com/v1/jobs?page=2>; rel=\"next\"").body("[]").build());
        assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs"), "jobs"))
                .isInstanceOf(ApiException.class).hasMessageContaining("Refusing to send credentials")
                .hasMessageContaining("evil.example.com");
    }

    @Test
    void refusesToRequestAnotherOrigin() {
        assertThatThrownBy(() -> client.getPage(HttpUrl.get("http://127.0.0.2:1/v1/jobs"), "jobs"))
                .isInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void waitsWhenTheWindowsBudgetIsSpent() {
        long reset = Instant.now().plusSeconds(1).getEpochSecond() + 1;
        server.enqueue(new MockResponse.Builder().code(200).addHeader("X-RateLimit-Limit", "2")
                .addHeader("X-RateLimit-Remaining", "0").addHeader("X-RateLimit-Reset", reset).body("[]").build());
        server.enqueue(json("[]"));
        client.getPage(server.url("/v1/jobs"), "jobs");

        assertThat(budget.reserveOrWait()).isGreaterThan(Duration.ZERO);
        assertThat(budget.limit()).isEqualTo(2);
    }
}
