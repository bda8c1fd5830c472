package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "A stored cursor was refused" is the protocol's word: Harvest's is an HTTP 422 to a URL that carries a cursor. */
class ExpiredCursorExceptionTest {
    private MockWebServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new ApiClient(new OkHttpClient(), server.url("/"),
                new ApiKeyCredentials("k", "key", HarvestAccess::apiKeyHint), HarvestProtocol.INSTANCE,
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(2)),
                new RateBudget(Clock.systemUTC(), Duration.ofSeconds(30), 1.0), new ServerClock(Clock.systemUTC()),
                new Sleeper(), new ObjectMapper());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void a422ToACursorUrlIsARefusedCursorNamingTheResourceButNotTheCursor() {
        refuse();
        HttpUrl url = server.url("/v3/jobs?cursor=eyJsYXN0Ijo5fQ");

        assertThatThrownBy(() -> client.getPage(url, "jobs")).isInstanceOf(ExpiredCursorException.class)
                .hasMessageContaining("jobs").hasMessageContaining("HTTP 422").hasMessageContaining("/v3/jobs")
                .hasMessageContaining("first page").hasMessageContaining("expired")
                .hasMessageNotContaining("eyJsYXN0Ijo5fQ");
    }

    @Test
    void a422ToAFirstPageIsAnOrdinaryError() {
        refuse();
        assertThatThrownBy(() -> client.getPage(server.url("/v3/jobs?per_page=500"), "jobs"))
                .isInstanceOf(ApiException.class).isNotInstanceOf(ExpiredCursorException.class)
                .hasMessageContaining("invalid (HTTP 422)");
        refuse();
        assertThatThrownBy(() -> client.getPage(server.url("/v3/jobs?cursor="), "jobs"))
                .as("an empty cursor is none").isNotInstanceOf(ExpiredCursorException.class);
    }

    private void refuse() {
        server.enqueue(new MockResponse.Builder().code(422).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"Unprocessable Content\",\"errors\":[\"The cursor has expired.\"]}").build());
    }
}
