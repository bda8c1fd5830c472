package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirects (followed to the configured origin only) and the cap on an answer's size. */
class RedirectsAndResponseCapTest {
    private static final String KEY = "secret-api-key";
    private MockWebServer server;
    private MockWebServer elsewhere;
    private ApiClient client;
    private LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        elsewhere = new MockWebServer();
        elsewhere.start();
        client = client(1_000);
        logs = new LogCapture();
    }

    private ApiClient client(long maxResponseBytes) {
        return new ApiClient(new OkHttpClient.Builder().followRedirects(false).build(), server.url("/"),
                new ApiKeyCredentials(KEY, "greenhouse.api.key", HarvestAccess::apiKeyHint), HarvestProtocol.INSTANCE,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)),
                new RateBudget(Clock.systemUTC(), Duration.ofSeconds(10), 1.0), new ServerClock(Clock.systemUTC()),
                new Sleeper(), new ObjectMapper(), maxResponseBytes);
    }

    @AfterEach
    void stop() throws Exception {
        logs.close();
        client.close();
        server.close();
        elsewhere.close();
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).addHeader("Location", location).build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aRedirectToTheConfiguredOriginIsFollowedWithTheCredentials() throws Exception {
        server.enqueue(redirect(307, "/v1/moved/jobs?page=1"));
        server.enqueue(json("[{\"id\":1}]"));

        ApiPage<JsonNode> page = client.getPage(server.url("/v1/jobs?page=1"), "jobs");

        assertThat(page.records()).hasSize(1);
        server.takeRequest();
        RecordedRequest followed = server.takeRequest();
        assertThat(followed.getUrl().encodedPath()).isEqualTo("/v1/moved/jobs");
        assertThat(followed.getHeaders().get("Authorization")).isEqualTo(okhttp3.Credentials.basic(KEY, ""));
    }

    @Test
    void aRedirectToAnotherOriginIsNeverFollowedAndTheRequestIsRetried() throws Exception {
        server.enqueue(redirect(307, elsewhere.url("/v1/jobs?token=abc").toString()));
        server.enqueue(json("[{\"id\":1}]"));

        ApiPage<JsonNode> page = client.getPage(server.url("/v1/jobs"), "jobs");

        assertThat(page.records()).hasSize(1);
        assertThat(elsewhere.getRequestCount()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(logs.warnings()).singleElement().asString()
                .contains(elsewhere.url("/v1/jobs").toString()).doesNotContain("token=abc");
    }

    @Test
    void aRedirectToAnotherOriginThatPersistsFailsAfterTheRetriesWithARetriableError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(redirect(302, elsewhere.url("/v1/jobs").toString()));
        }
        assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs"), "jobs"))
                .isInstanceOf(TransientApiException.class).hasMessageContaining("3 times")
                .hasMessageContaining(elsewhere.url("/v1/jobs").toString()).hasMessageNotContaining(KEY);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectLoopOnTheOriginEndsAfterABoundedNumberOfHopsPerAttempt() {
        for (int i = 0; i < 3 * (ApiClient.MAX_REDIRECTS + 1); i++) {
            server.enqueue(redirect(301, "/v1/jobs"));
        }
        assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs"), "jobs"))
                .isInstanceOf(TransientApiException.class).hasMessageContaining("redirects in a row");
        assertThat(server.getRequestCount()).isEqualTo(3 * (ApiClient.MAX_REDIRECTS + 1));
    }

    @Test
    void aBodyLargerThanTheCapIsAnErrorNamingResourceUrlAndSetting() {
        server.enqueue(json("[" + "{\"id\":1},".repeat(200) + "{\"id\":2}]"));

        assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs?page=3&secret=s3"), "jobs"))
                .isInstanceOf(ApiException.class).isNotInstanceOf(TransientApiException.class)
                .hasMessageContaining("jobs").hasMessageContaining(server.url("/v1/jobs").toString())
                .hasMessageContaining("fetch.max.response.bytes").hasMessageNotContaining("s3");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBodyOfExactlyTheCapIsRead() {
        String body = "[{\"id\":1}]";
        server.enqueue(json(body + " ".repeat(1_000 - body.length())));

        assertThat(client.getPage(server.url("/v1/jobs"), "jobs").records()).hasSize(1);
    }

    @Test
    void theCapStopsReadingAnEndlessStream() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        byte[] buffer = new byte[64];
        assertThatThrownBy(() -> {
            try (InputStream in = new CappedInputStream(endless, 10_000)) {
                while (in.read(buffer, 0, buffer.length) >= 0) {
                    // reads until the cap ends it
                }
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("10000 bytes");
    }
}
