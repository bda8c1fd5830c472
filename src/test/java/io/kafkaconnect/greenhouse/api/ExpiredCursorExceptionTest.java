package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.harvest.HarvestAccess;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The hook for "a stored cursor was refused": recognising it must not depend on the API generation. */
class ExpiredCursorExceptionTest {
    private static final HttpUrl CURSOR = HttpUrl.get("https://harvest.greenhouse.io/v3/jobs?cursor=eyJsYXN0Ijo5fQ");
    private static final HttpUrl FIRST = HttpUrl.get("https://harvest.greenhouse.io/v3/jobs?per_page=500");

    @Test
    void onlyUrlsWithACursorAreCursorUrls() {
        assertThat(ExpiredCursorException.isCursorUrl(CURSOR)).isTrue();
        assertThat(ExpiredCursorException.isCursorUrl(FIRST)).isFalse();
        assertThat(ExpiredCursorException.isCursorUrl(HttpUrl.get("https://h/v3/jobs?cursor="))).isFalse();
        assertThat(ExpiredCursorException.isCursorUrl(HttpUrl.get("https://h/v1/jobs?page=2"))).isFalse();
        assertThat(ExpiredCursorException.isCursorUrl(null)).isFalse();
    }

    @Test
    void a422ForACursorUrlMeansTheWindowMustRestart() {
        ExpiredCursorException e = ExpiredCursorException.forRejected(CURSOR, "jobs", ": The cursor has expired.");
        assertThat(e).isNotNull().isInstanceOf(ApiException.class);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.getMessage()).contains("jobs", "HTTP 422", "/v3/jobs", "first page", "expired")
                .doesNotContain("eyJsYXN0Ijo5fQ");
        assertThat(ExpiredCursorException.forRejected(FIRST, "jobs", "")).isNull();

        assertThat(ExpiredCursorException.matches(e, FIRST)).as("the subtype speaks for itself").isTrue();
        assertThat(ExpiredCursorException.matches(new ApiException(422, "invalid"), CURSOR)).isTrue();
        assertThat(ExpiredCursorException.matches(new ApiException(422, "invalid"), FIRST))
                .as("a refused first request is a real error").isFalse();
        assertThat(ExpiredCursorException.matches(new ApiException(401, "no"), CURSOR)).isFalse();
    }

    @Test
    void whatTheClientThrowsForARefusedCursorIsRecognised() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(422).addHeader("Content-Type", "application/json")
                    .body("{\"message\":\"Unprocessable Content\",\"errors\":[\"The cursor has expired.\"]}").build());
            ApiClient client = new ApiClient(new OkHttpClient(), server.url("/"), new ApiKeyCredentials("k", "key", HarvestAccess::apiKeyHint), HarvestProtocol.INSTANCE,
                    new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(2)),
                    new RateBudget(Clock.systemUTC(), Duration.ofSeconds(30), 1.0), new ServerClock(Clock.systemUTC()),
                    new Sleeper(), new ObjectMapper());
            HttpUrl url = server.url("/v3/jobs?cursor=abc");
            try {
                assertThatThrownBy(() -> client.getPage(url, "jobs")).isInstanceOf(ApiException.class)
                        .satisfies(e -> assertThat(ExpiredCursorException.matches((ApiException) e, url)).isTrue());
            } finally {
                client.close();
            }
        }
    }
}
