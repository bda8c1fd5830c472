package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.api.ExpiredSyncTokenException;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.api.TransientApiException;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TestApiClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ashby's answers through the generic client: errors inside HTTP 200, statuses, pages. */
class AshbyProtocolTest {
    private static final AshbyDialect ASHBY = AshbyDialect.INSTANCE;
    private static final Resource CANDIDATES = ASHBY.resource("candidates").orElseThrow();

    private MockWebServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = TestApiClient.of(server.url("/"),
                new ApiKeyCredentials("secret-key", AshbySourceConfig.API_KEY, AshbyAccess::hint), ASHBY, 2);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private CursorPage read() {
        return client.exchange(ASHBY.listRequest(server.url("/"), CANDIDATES, null, null, 100), "candidates",
                ASHBY.pageReader(RecordParser.TREE));
    }

    private void answer(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    private static String error(String code) {
        return "{\"success\":false,\"errorInfo\":{\"code\":\"" + code + "\",\"message\":\"Ashby says no\","
                + "\"requestId\":\"req-42\"},\"errors\":[\"" + code + "\"]}";
    }

    @Test
    void aPageHasItsRecordsCursorAndOnTheLastPageItsToken() {
        answer(200, "{\"success\":true,\"results\":[{\"id\":\"a\"}],\"moreDataAvailable\":true,\"nextCursor\":\"c\"}");
        answer(200, "{\"success\":true,\"results\":[],\"moreDataAvailable\":false,\"nextCursor\":\"ignored\","
                + "\"syncToken\":\"t\"}");
        answer(200, "{\"success\":true,\"results\":[{\"id\":\"s\"}]}"); // an unpaged list

        CursorPage first = read();
        assertThat(first.records()).hasSize(1);
        assertThat(first.nextCursor()).isEqualTo("c");
        CursorPage last = read();
        assertThat(last.isLast()).isTrue();
        assertThat(last.syncToken()).isEqualTo("t");
        assertThat(read().isLast()).isTrue();
    }

    @Test
    void cursorAndTokenErrorsInsideHttp200BecomeTheirExceptions() {
        for (String code : new String[] {"next_cursor_expired", "invalid_next_cursor"}) {
            answer(200, error(code));
            assertThatThrownBy(this::read).isInstanceOf(ExpiredCursorException.class).hasMessageContaining(code)
                    .hasMessageContaining("req-42");
        }
        for (String code : new String[] {"sync_token_expired", "sync_token_invalid", "incremental_sync_too_large"}) {
            answer(200, error(code));
            assertThatThrownBy(this::read).isInstanceOfSatisfying(ExpiredSyncTokenException.class,
                    e -> assertThat(e.code()).isEqualTo(code));
        }
    }

    @Test
    void aMissingPermissionNamesTheResourceAndTheModuleToGrant() {
        answer(200, error("missing_endpoint_permission"));
        assertThatThrownBy(this::read).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains("candidates", "Candidates module", "ashby.resources")
                    .doesNotContain("secret-key");
        });
        answer(403, error("missing_endpoint_permission"));
        assertThatThrownBy(this::read).hasMessageContaining("Candidates module");
    }

    @Test
    void aRejectedKeyIsACredentialErrorWhateverTheStatus() {
        answer(401, "{\"success\":false,\"errorInfo\":{\"code\":\"unauthenticated\"}}");
        assertThatThrownBy(this::read).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("ashby.api.key").doesNotContain("secret-key");
        });
        answer(403, error("invalid_api_key"));
        assertThatThrownBy(this::read).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).as("a wrong key is the key's problem, not the resource's").isEqualTo(401);
            assertThat(e.getMessage()).contains("ashby.api.key", "HTTP 403");
        });
    }

    @Test
    void throttlingIsWaitedOutAndPassingFailuresAreRetried() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Retry-After", "0")
                .body("{\"success\":false,\"errorInfo\":{\"code\":\"rate_limit_exceeded\"}}").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body(error("rate_limit_exceeded"))
                .build());
        answer(200, "{\"results\":[]}"); // no success flag: not an Ashby answer, retried
        answer(503, "unavailable");
        answer(200, "{\"success\":true,\"results\":[{\"id\":\"a\"}],\"moreDataAvailable\":false}");
        assertThat(read().records()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void aPersistentlyBrokenAnswerEndsInARetriableError() {
        for (int i = 0; i < 3; i++) {
            answer(200, "<html>oops</html>");
        }
        assertThatThrownBy(this::read).isInstanceOf(TransientApiException.class);
    }

    @Test
    void otherErrorsFailWithTheCodeMessageAndRequestId() {
        answer(200, error("invalid_input"));
        assertThatThrownBy(this::read).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("invalid_input", "Ashby says no", "req-42"));
        answer(200, error("something_new"));
        assertThatThrownBy(this::read).hasMessageContaining("something_new").hasMessageContaining("POST /candidate.list");
        answer(404, "{}");
        assertThatThrownBy(this::read).hasMessageContaining("ashby.base.url");
    }

    @Test
    void requestsCarryTheFlagsAsBooleansAndLeaveAbsentValuesOut() {
        HttpUrl base = HttpUrl.get("https://api.ashbyhq.com");
        Resource users = ASHBY.resource("users").orElseThrow();
        assertThat(ASHBY.listRequest(base, users, "t", "c", 50).body().toString())
                .isEqualTo("{\"includeDeactivated\":true,\"limit\":50,\"cursor\":\"c\",\"syncToken\":\"t\"}");
        assertThat(ASHBY.listRequest(base, users, null, null, 50).url().toString())
                .isEqualTo("https://api.ashbyhq.com/user.list");
        Resource sources = ASHBY.resource("sources").orElseThrow();
        assertThat(ASHBY.listRequest(base, sources, null, null, 50).body().toString())
                .as("an unpaged list gets its flags only").isEqualTo("{\"includeArchived\":true}");
        Resource history = ASHBY.resource("application_history").orElseThrow();
        assertThat(ASHBY.probe(base, history).url().encodedPath()).isEqualTo("/application.list");
        assertThat(ASHBY.childRequest(base, history, "app-1", null, 100).body().toString())
                .isEqualTo("{\"applicationId\":\"app-1\",\"limit\":100}");
        Resource stages = ASHBY.resource("interview_stages").orElseThrow();
        assertThat(ASHBY.childRequest(base, stages, "plan-1", null, 100).body().toString())
                .as("an unpaged list per parent gets the parent's id only").isEqualTo("{\"interviewPlanId\":\"plan-1\"}");
        Resource surveys = ASHBY.resource("survey_submissions").orElseThrow();
        assertThat(surveys.lists()).as("one list per survey type").hasSize(5);
        assertThat(ASHBY.listRequest(base, surveys.lists().get(3), "t", "c", 50).body().toString())
                .isEqualTo("{\"surveyType\":\"EEOC\",\"limit\":50,\"cursor\":\"c\",\"syncToken\":\"t\"}");
        assertThat(ASHBY.listRequest(HttpUrl.get("https://api.ashbyhq.com/"), users, null, null, 1).url()
                .encodedPath()).isEqualTo("/user.list");
    }
}
