package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.ashby.AshbyAccess;
import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Credentials never reach the log, whatever goes wrong (slf4j-simple logs to System.err in tests). */
class SecretsInLogsTest {
    private static final String KEY = "sEcReT-api-key-4711";

    @Test
    void retriesThrottlingAndRejectionsLogNoCredential() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            ApiKeyCredentials credentials = new ApiKeyCredentials(KEY, "greenhouse.api.key", HarvestAccess::apiKeyHint);
            ApiClient client = new ApiClient(new OkHttpClient(), server.url("/"), credentials, HarvestProtocol.INSTANCE,
                    new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)),
                    new RateBudget(Clock.systemUTC(), Duration.ofSeconds(10), 1.0), new ServerClock(Clock.systemUTC()),
                    new Sleeper(), new ObjectMapper());
            server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
            server.enqueue(new MockResponse.Builder().code(200).body("[{\"id\":1}").build());
            server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
            client.getPage(server.url("/v1/jobs"), "jobs");
            server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"bad\"}").build());
            assertThatThrownBy(() -> client.getPage(server.url("/v1/jobs"), "jobs"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
            assertThat(credentials.toString()).doesNotContain(KEY);
            client.close();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the capture works").contains("retry 1 of 3");
        assertThat(log).doesNotContain(KEY).doesNotContain(okhttp3.Credentials.basic(KEY, ""));
    }

    @Test
    void ashbysErrorsInsideAnswersLogNoCredentialEither() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        AshbyDialect ashby = AshbyDialect.INSTANCE;
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            ApiKeyCredentials credentials = new ApiKeyCredentials(KEY, "ashby.api.key", AshbyAccess::hint);
            ApiClient client = new ApiClient(new OkHttpClient(), server.url("/"), credentials, ashby.protocol(),
                    new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)),
                    new RateBudget(Clock.systemUTC(), Duration.ofSeconds(60), 1.0), new ServerClock(Clock.systemUTC()),
                    new Sleeper(), new ObjectMapper());
            PageRequest list = ashby.listRequest(server.url("/"), ashby.resource("candidates").orElseThrow(), null,
                    null, 100);
            server.enqueue(new MockResponse.Builder().code(503).body("boom").build());
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
                    .body("{\"success\":false,\"errorInfo\":{\"code\":\"rate_limit_exceeded\"}}").build());
            server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true,\"results\":[],"
                    + "\"moreDataAvailable\":false}").build());
            client.exchange(list, "candidates", ashby.pageReader(RecordParser.TREE));
            for (String code : new String[] {"invalid_api_key", "missing_endpoint_permission"}) {
                server.enqueue(new MockResponse.Builder().code(403)
                        .body("{\"success\":false,\"errorInfo\":{\"code\":\"" + code + "\"}}").build());
                assertThatThrownBy(() -> client.exchange(list, "candidates", ashby.pageReader(RecordParser.TREE)))
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
            }
            client.close();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the capture works").contains("retry 1 of 3");
        assertThat(log).doesNotContain(KEY).doesNotContain(okhttp3.Credentials.basic(KEY, ""));
    }
}
