package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import io.kafkaconnect.greenhouse.harvest.config.HarvestAccess;
import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.ManualClock;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthCredentialsTest {
    private static final String SECRET = "s3cr3t-client-secret";
    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    private static final RetryPolicy RETRY = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5));

    private MockWebServer server;
    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T10:00:00Z"));
    private final List<RecordedRequest> tokenRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<RecordedRequest> apiRequests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<MockResponse> tokenAnswers = new ConcurrentLinkedDeque<>();
    private final AtomicInteger minted = new AtomicInteger();
    private volatile Function<RecordedRequest, MockResponse> api = r -> json(200, "[]");
    private final List<String> issued = Collections.synchronizedList(new ArrayList<>());
    /** A fresh client id per test: the token registry is JVM-wide. */
    private final String clientId = "client-" + UUID.randomUUID().toString().substring(0, 8) + "-77";

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/token")) {
                    tokenRequests.add(request);
                    MockResponse queued = tokenAnswers.poll();
                    return queued != null ? queued : token(3600);
                }
                apiRequests.add(request);
                return api.apply(request);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        SharedTokenSources.forgetAll();
    }

    // ------------------------------------------------------------------ fetching and sharing

    @Test
    void theTokenIsFetchedLazilyWithBasicAuthAndTheClientCredentialsGrant() throws Exception {
        OAuthCredentials credentials = credentials("4242");
        assertThat(tokenRequests).as("nothing before the first request").isEmpty();

        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");

        assertThat(tokenRequests).hasSize(1);
        RecordedRequest request = tokenRequests.get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo(okhttp3.Credentials.basic(clientId, SECRET));
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getBody().utf8()).isEqualTo("grant_type=client_credentials&sub=4242");
    }

    @Test
    void withoutAUserIdNoSubIsSent() {
        OAuthCredentials credentials = credentials(null);
        bearer(credentials);
        assertThat(tokenRequests.get(0).getBody().utf8()).isEqualTo("grant_type=client_credentials");
    }

    @Test
    void oneTokenPerCredentialIsSharedByEveryTaskOfTheJvm() {
        OAuthCredentials task1 = credentials("4242");
        OAuthCredentials task2 = credentials("4242");
        OAuthCredentials otherUser = credentials("7");

        assertThat(bearer(task1)).isEqualTo("Bearer tok-1");
        assertThat(bearer(task2)).isEqualTo("Bearer tok-1");
        assertThat(tokenRequests).hasSize(1);
        assertThat(bearer(otherUser)).as("another acting user is another token").isEqualTo("Bearer tok-2");
        assertThat(tokenRequests).hasSize(2);

        assertThat(task1.budgetKey()).isEqualTo(task2.budgetKey()).as("one rate budget per client")
                .isEqualTo(otherUser.budgetKey()).startsWith("oauth:").doesNotContain(clientId).doesNotContain(SECRET);
    }

    @Test
    void concurrentTasksMintOneTokenBetweenThem() throws Exception {
        tokenAnswers.add(new MockResponse.Builder(token(3600)).headersDelay(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                .build());
        List<Thread> threads = new ArrayList<>();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            OAuthCredentials task = credentials("4242");
            Thread t = new Thread(() -> seen.add(bearer(task)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(seen).hasSize(6).containsOnly("Bearer tok-1");
        assertThat(tokenRequests).hasSize(1);
    }

    @Test
    void theSameClientIdWithAnotherSecretNeverSharesTheToken() {
        OAuthCredentials task = credentials("4242");
        OAuthCredentials other = credentials(client("another-secret-9", "4242"), new Sleeper(), RETRY, true);
        assertThat(bearer(task)).isEqualTo("Bearer tok-1");
        assertThat(bearer(other)).as("a token of its own, for which it proved its own secret").isEqualTo("Bearer tok-2");
        assertThat(tokenRequests).extracting(r -> r.getHeaders().get("Authorization"))
                .containsExactly(basic(SECRET), basic("another-secret-9"));
        assertThat(bearer(task)).isEqualTo("Bearer tok-1");
    }

    @Test
    void validationReportsAWrongSecretWhileAGoodTokenIsCachedAndChangesNothingShared() {
        OAuthCredentials task = credentials("4242");
        assertThat(bearer(task)).isEqualTo("Bearer tok-1");
        tokenAnswers.add(json(401, "{\"error\":\"invalid_client\"}"));

        OAuthCredentials wrong = forCheck("wrong-secret-1");
        assertThatThrownBy(() -> bearer(wrong)).isInstanceOf(TokenEndpointException.class)
                .hasMessageContaining("greenhouse.oauth.client.secret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret-1"));
        wrong.close();
        assertThat(tokenRequests.get(1).getHeaders().get("Authorization")).isEqualTo(basic("wrong-secret-1"));

        assertThat(bearer(task)).as("the tasks' token is untouched").isEqualTo("Bearer tok-1");
        OAuthCredentials right = forCheck(SECRET);
        assertThat(bearer(right)).as("the same secret is proven by the tasks' token").isEqualTo("Bearer tok-1");
        right.close();
        assertThat(bearer(task)).as("closing a check gives back nothing of the tasks'").isEqualTo("Bearer tok-1");
        assertThat(tokenRequests).hasSize(2);
    }

    @Test
    void validationWithoutRunningTasksMintsATokenNoTaskGets() {
        OAuthCredentials check = forCheck(SECRET);
        assertThat(bearer(check)).isEqualTo("Bearer tok-1");
        check.close();
        assertThat(bearer(credentials("4242"))).isEqualTo("Bearer tok-2");
    }

    @Test
    void theTokenIsForgottenWhenTheLastTaskUsingItStops() {
        OAuthCredentials task1 = credentials("4242");
        OAuthCredentials task2 = credentials("4242");
        assertThat(bearer(task1)).isEqualTo("Bearer tok-1");
        task1.close();
        task1.close(); // gives back one use, not two
        assertThatThrownBy(() -> bearer(task1)).isInstanceOf(StoppedException.class);
        assertThat(bearer(task2)).as("task2 still uses it").isEqualTo("Bearer tok-1");

        client(task2).close(); // a task's client gives back its credentials' use when the task stops
        assertThat(bearer(credentials("4242"))).as("nobody used it: forgotten").isEqualTo("Bearer tok-2");
        assertThat(tokenRequests).hasSize(2);
    }

    // ------------------------------------------------------------------ expiry

    @Test
    void renewsShortlyBeforeExpiryPerExpiresIn() {
        OAuthCredentials credentials = credentials("4242");
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofSeconds(3539));
        assertThat(bearer(credentials)).as("still more than 60 s to live").isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(bearer(credentials)).as("renewed 60 s early").isEqualTo("Bearer tok-2");
        assertThat(tokenRequests).hasSize(2);
    }

    @Test
    void renewsShortlyBeforeExpiryPerExpiresAt() {
        tokenAnswers.add(tokenBody("{\"access_token\":\"tok-a\",\"token_type\":\"bearer\",\"expires_at\":\""
                + clock.instant().plusSeconds(1800) + "\"}"));
        OAuthCredentials credentials = credentials("4242");
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-a");
        clock.advance(Duration.ofSeconds(1739));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-a");
        clock.advance(Duration.ofSeconds(2));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
    }

    @Test
    void expiresInIsPreferredBecauseItIgnoresClockSkew() {
        tokenAnswers.add(tokenBody("{\"access_token\":\"tok-a\",\"expires_in\":600,\"expires_at\":\""
                + clock.instant().plusSeconds(7200) + "\"}"));
        OAuthCredentials credentials = credentials("4242");
        bearer(credentials);
        clock.advance(Duration.ofSeconds(541));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
    }

    @Test
    void shortLivedTokensAreRenewedAtHalfTheirLifetime() {
        tokenAnswers.add(token(10));
        OAuthCredentials credentials = credentials("4242");
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofSeconds(4));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-2");
    }

    @Test
    void withoutAnExpiryATokenIsKeptForAnHourAndAPastExpiryIsTreatedAsSkew() {
        tokenAnswers.add(tokenBody("{\"access_token\":\"tok-a\"}"));
        OAuthCredentials credentials = credentials("4242");
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-a");
        clock.advance(Duration.ofSeconds(3539));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-a");
        clock.advance(Duration.ofSeconds(2));
        tokenAnswers.add(tokenBody("{\"access_token\":\"tok-b\",\"expires_at\":\"" + clock.instant().minusSeconds(3600)
                + "\"}"));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-b");
        clock.advance(Duration.ofSeconds(200));
        assertThat(bearer(credentials)).as("not minted on every request").isEqualTo("Bearer tok-b");
        assertThat(tokenRequests).hasSize(2);
    }

    @Test
    void aFailedRenewalKeepsUsingTheStillValidToken() {
        OAuthCredentials credentials = credentials("4242");
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
        clock.advance(Duration.ofSeconds(3550)); // due for renewal, 50 s left
        for (int i = 0; i < 3; i++) {
            tokenAnswers.add(json(503, "{}"));
        }
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");
        assertThat(tokenRequests).hasSize(4);
        assertThat(bearer(credentials)).as("no new attempt right away").isEqualTo("Bearer tok-1");
        assertThat(tokenRequests).hasSize(4);
        clock.advance(Duration.ofSeconds(11));
        assertThat(bearer(credentials)).isEqualTo("Bearer tok-2");
    }

    // ------------------------------------------------------------------ 401 from the API

    @Test
    void a401RenewsTheTokenOnceAndTheRequestIsRetried() throws Exception {
        api = r -> "Bearer tok-1".equals(r.getHeaders().get("Authorization"))
                ? json(401, "{\"message\":\"Unauthorized\",\"errors\":[\"Token could not be decoded.\"]}")
                : json(200, "[{\"id\":1}]");
        ApiClient client = client(credentials("4242"));
        try {
            ApiPage<JsonNode> page = client.getPage(server.url("/v3/candidates?per_page=10"), "candidates");
            assertThat(page.records()).hasSize(1);
        } finally {
            client.close();
        }
        assertThat(tokenRequests).hasSize(2);
        assertThat(apiRequests).extracting(r -> r.getHeaders().get("Authorization"))
                .containsExactly("Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void aSecond401FailsNamingTheOAuthSettingsAndNothingSecret() {
        api = r -> json(401, "{\"message\":\"Unauthorized\"}");
        ApiClient client = client(credentials("4242"));
        try {
            assertThatThrownBy(() -> client.getPage(server.url("/v3/candidates?per_page=10"), "candidates"))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("greenhouse.oauth.client.id")
                    .hasMessageContaining("greenhouse.oauth.client.secret")
                    .hasMessageContaining("greenhouse.oauth.user.id")
                    .satisfies(e -> assertNothingSecret(e.getMessage()));
        } finally {
            client.close();
        }
        assertThat(tokenRequests).as("renewed exactly once").hasSize(2);
        assertThat(apiRequests).hasSize(2);
    }

    @Test
    void a401ForAnOlderTokenDoesNotDiscardTheNewerOne() {
        Credentials.Attempts a = credentials("4242").attempts();
        Credentials.Attempts b = credentials("4242").attempts();
        assertThat(bearer(a)).isEqualTo("Bearer tok-1");
        assertThat(bearer(b)).isEqualTo("Bearer tok-1");
        assertThat(a.retryAfterUnauthorized()).isTrue();
        assertThat(bearer(a)).isEqualTo("Bearer tok-2");
        assertThat(b.retryAfterUnauthorized()).as("b's 401 was for tok-1").isTrue();
        assertThat(bearer(b)).isEqualTo("Bearer tok-2");
        assertThat(tokenRequests).hasSize(2);
    }

    @Test
    void a401ForTheRequestsNewTokenThatAnotherTaskReplacedMeanwhileIsSentWithTheCurrentOne() {
        Credentials.Attempts otherTask = credentials("4242").attempts();
        api = r -> {
            String sent = r.getHeaders().get("Authorization");
            if ("Bearer tok-2".equals(sent)) {
                // another task's request met a 401 for tok-2 too and replaced it: with one active token per client,
                // minting tok-3 revoked tok-2 before this request arrived
                bearer(otherTask);
                otherTask.retryAfterUnauthorized();
                bearer(otherTask);
            }
            return "Bearer tok-3".equals(sent) ? json(200, "[{\"id\":1}]") : json(401, UNAUTHORIZED);
        };
        ApiClient client = client(credentials("4242"));
        try {
            assertThat(client.getPage(server.url("/v3/candidates?per_page=10"), "candidates").records()).hasSize(1);
        } finally {
            client.close();
        }
        assertThat(apiRequests).extracting(r -> r.getHeaders().get("Authorization"))
                .containsExactly("Bearer tok-1", "Bearer tok-2", "Bearer tok-3");
        assertThat(tokenRequests).as("tok-3 was the other task's; none minted for the third sending").hasSize(3);
    }

    @Test
    void a401ForTheRequestsNewTokenThatBecameDueForRenewalWhileItWaitedIsSentWithARenewedOne() {
        api = r -> {
            String sent = r.getHeaders().get("Authorization");
            if ("Bearer tok-2".equals(sent)) {
                clock.advance(Duration.ofSeconds(3550)); // it waited (say, for the rate budget) until tok-2 was due
            }
            return "Bearer tok-3".equals(sent) ? json(200, "[{\"id\":1}]") : json(401, UNAUTHORIZED);
        };
        ApiClient client = client(credentials("4242"));
        try {
            assertThat(client.getPage(server.url("/v3/candidates?per_page=10"), "candidates").records()).hasSize(1);
        } finally {
            client.close();
        }
        assertThat(apiRequests).extracting(r -> r.getHeaders().get("Authorization"))
                .containsExactly("Bearer tok-1", "Bearer tok-2", "Bearer tok-3");
    }

    @Test
    void tokensReplacedUnderARequestAgainAndAgainEndInARetriableFailureAfterBoundedSendings() {
        api = r -> {
            clock.advance(Duration.ofSeconds(3550)); // each token is due for renewal by the time its 401 is back
            return json(401, UNAUTHORIZED);
        };
        ApiClient client = client(credentials("4242"));
        try {
            assertThatThrownBy(() -> client.getPage(server.url("/v3/candidates?per_page=10"), "candidates"))
                    .isInstanceOf(TransientApiException.class)
                    .hasMessageContaining("HTTP 401")
                    .satisfies(e -> assertNothingSecret(e.getMessage()));
        } finally {
            client.close();
        }
        assertThat(apiRequests).hasSize(RETRY.maxRetries() + ApiClient.UNAUTHORIZED_RETRIES_BEYOND_MAX + 1);
    }

    // ------------------------------------------------------------------ token endpoint errors

    @Test
    void messagesNameTheSettingsAndAdviceTheConnectorHandsIn() {
        OAuthSettings acme = new OAuthSettings() {
            @Override
            public String apiName() {
                return "Acme";
            }

            @Override
            public String clientIdKey() {
                return "acme.client";
            }

            @Override
            public String clientSecretKey() {
                return "acme.secret";
            }

            @Override
            public String userIdKey() {
                return "acme.user";
            }

            @Override
            public String tokenUrlKey() {
                return "acme.token.url";
            }

            @Override
            public String whereClientsAreMade() {
                return "(Acme console)";
            }

            @Override
            public String clientIdForm() {
                return "(acme-<n>)";
            }

            @Override
            public String userIdForm() {
                return "(an Acme login)";
            }

            @Override
            public String requirements() {
                return "(an admin)";
            }

            @Override
            public String accessHint(String resource) {
                return "grant " + resource + " in the Acme console";
            }
        };
        tokenAnswers.add(json(401, "{\"error\":\"invalid_client\"}"));
        OAuthCredentials credentials = credentials(new OAuthClient(server.url("/token"), clientId, SECRET, null, acme),
                new Sleeper(), RETRY, true);

        assertThatThrownBy(() -> bearer(credentials)).hasMessageContaining("Acme rejected")
                .hasMessageContaining("acme.client and acme.secret (Acme console)").hasMessageNotContaining("greenhouse")
                .isInstanceOfSatisfying(TokenEndpointException.class, e -> assertThat(e.settings())
                        .containsExactly("acme.client", "acme.secret"));
        assertThat(credentials.settingNames()).isEqualTo("acme.client, acme.secret and acme.user (an admin)");
        assertThat(credentials.accessHint("jobs")).isEqualTo("grant jobs in the Acme console");
    }

    @Test
    void anUnknownClientIsAPermanentErrorNamingTheClientSettings() {
        tokenAnswers.add(json(401, "{\"error\":\"invalid_client\"}"));
        OAuthCredentials credentials = credentials("4242");
        assertThatThrownBy(() -> bearer(credentials)).isInstanceOf(ApiException.class)
                .isNotInstanceOf(TransientApiException.class)
                .hasMessageContaining("greenhouse.oauth.client.id")
                .hasMessageContaining("greenhouse.oauth.client.secret")
                .hasMessageContaining("invalid_client")
                .satisfies(e -> assertNothingSecret(e.getMessage()))
                .isInstanceOfSatisfying(TokenEndpointException.class, e -> assertThat(e.settings())
                        .containsExactly("greenhouse.oauth.client.id", "greenhouse.oauth.client.secret"));
        assertThat(tokenRequests).as("not retried").hasSize(1);
    }

    @Test
    void aMalformedClientIdIsReportedWithoutEchoingIt() {
        tokenAnswers.add(json(400, "{\"message\":\"client_id=" + clientId + " does not contain a valid client ID "
                + "suffix\",\"errorId\":\"err-1\"}"));
        OAuthCredentials credentials = credentials("4242");
        assertThatThrownBy(() -> bearer(credentials)).isInstanceOf(ApiException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("greenhouse.oauth.client.id")
                .hasMessageNotContaining(clientId)
                .isInstanceOfSatisfying(TokenEndpointException.class, e -> assertThat(e.settings())
                        .containsExactly("greenhouse.oauth.client.id"));
    }

    @Test
    void otherRefusalsNameEveryOAuthSetting() {
        tokenAnswers.add(json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant_type must be "
                + "one of authorization_code, refresh_token, client_credentials\"}"));
        OAuthCredentials credentials = credentials("4242");
        assertThatThrownBy(() -> bearer(credentials)).isInstanceOf(ApiException.class)
                .hasMessageContaining("greenhouse.oauth.user.id")
                .hasMessageContaining("greenhouse.oauth.token.url")
                .hasMessageContaining("unsupported_grant_type");
        tokenAnswers.add(json(404, "{\"message\":\"Resource not found\"}"));
        assertThatThrownBy(() -> bearer(credentials)).hasMessageContaining("no OAuth token endpoint")
                .hasMessageContaining("greenhouse.oauth.token.url")
                .isInstanceOfSatisfying(TokenEndpointException.class, e -> assertThat(e.settings())
                        .containsExactly("greenhouse.oauth.token.url"));
        tokenAnswers.add(json(200, "{\"token_type\":\"bearer\"}"));
        assertThatThrownBy(() -> bearer(credentials)).hasMessageContaining("without an access_token")
                .hasMessageContaining("greenhouse.oauth.token.url");
    }

    @Test
    void transientFailuresAreRetriedThenReportedAsRetriable() {
        tokenAnswers.add(json(503, "down"));
        tokenAnswers.add(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>proxy</html>").build());
        tokenAnswers.add(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        OAuthCredentials patient = credentials(client(SECRET, "4242"), new Sleeper(),
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), true);
        assertThat(bearer(patient)).isEqualTo("Bearer tok-1");
        assertThat(tokenRequests).hasSize(4);

        for (int i = 0; i < 3; i++) {
            tokenAnswers.add(json(500, "{}"));
        }
        OAuthCredentials other = credentials("9");
        assertThatThrownBy(() -> bearer(other)).isInstanceOf(TransientApiException.class)
                .hasMessageContaining("3 attempts").hasMessageContaining("HTTP 500");
    }

    /** Every request of the credential waits for the token endpoint: each wait is told at WARN, with its end. */
    @Test
    void aTokenEndpointOutageIsWarnedOfWithTheCauseAndUntilWhen() {
        tokenAnswers.add(json(503, "down"));
        tokenAnswers.add(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        OAuthCredentials credentials = credentials(client(SECRET, "4242"), new Sleeper(),
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), true);
        try (LogCapture logs = new LogCapture()) {
            assertThat(bearer(credentials)).isEqualTo("Bearer tok-1");

            List<String> warnings = logs.warnings().stream().filter(l -> l.contains("token request")).toList();
            assertThat(warnings).hasSize(2);
            // the clock stands still: the end is now plus the back-off (up to 5 ms, jittered)
            assertThat(warnings.get(0)).containsPattern("failed with HTTP 503; requests waiting for a token wait "
                    + "until 2030-01-01T10:00:00(\\.00\\d)?Z \\(retry 1 of 3 in \\d ms\\)");
            assertThat(warnings.get(1)).contains("failed with HTTP 429 (rate limited); requests waiting for a token wait "
                    + "until 2030-01-01T10:00:01Z (retry 2 of 3 in 1000 ms)");
        }
    }

    @Test
    void aStoppedTaskStopsWaitingForTheTokenEndpoint() {
        tokenAnswers.add(json(503, "{}"));
        Sleeper sleeper = new Sleeper();
        sleeper.stop();
        OAuthCredentials credentials = credentials(client(SECRET, null), sleeper, RETRY, true);
        assertThatThrownBy(() -> bearer(credentials)).isInstanceOf(StoppedException.class);
    }

    @Test
    void theTokenRequestGoesOnlyToTheConfiguredUrlAndRedirectsAreNotFollowed() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            tokenAnswers.add(new MockResponse.Builder().code(302)
                    .addHeader("Location", elsewhere.url("/steal").toString()).build());
            OAuthCredentials credentials = credentials("4242"); // its OkHttpClient follows redirects by default
            assertThatThrownBy(() -> bearer(credentials)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("greenhouse.oauth.token.url").hasMessageContaining("redirect");
            assertThat(elsewhere.getRequestCount()).isZero();
        }
        assertThat(tokenRequests).hasSize(1);
    }

    @Test
    void neitherTheSecretNorATokenAppearsInToString() {
        OAuthCredentials credentials = credentials("4242");
        bearer(credentials);
        TokenSource source = SharedTokenSources.acquire(client(SECRET, "4242"), clock);
        for (String text : List.of(credentials.toString(), source.toString(), credentials.settingNames(),
                credentials.budgetKey())) {
            assertNothingSecret(text);
            assertThat(text).doesNotContain(clientId);
        }
    }

    // ------------------------------------------------------------------ helpers

    private OAuthCredentials credentials(String userId) {
        return credentials(client(SECRET, userId), new Sleeper(), RETRY, true);
    }

    private OAuthCredentials forCheck(String secret) {
        return credentials(client(secret, "4242"), new Sleeper(), RETRY, false);
    }

    private OAuthClient client(String secret, String userId) {
        return new OAuthClient(server.url("/token"), clientId, secret, userId, HarvestAccess.OAUTH);
    }

    private OAuthCredentials credentials(OAuthClient client, Sleeper sleeper, RetryPolicy retry, boolean task) {
        return OAuthCredentials.of(client, new CredentialsContext(new OkHttpClient(), sleeper, retry, clock, task));
    }

    private String basic(String secret) {
        return okhttp3.Credentials.basic(clientId, secret, StandardCharsets.UTF_8);
    }

    private static String bearer(Credentials credentials) {
        return bearer(credentials.attempts());
    }

    private static String bearer(Credentials.Attempts credentials) {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1/v3/jobs");
        credentials.authenticate(request);
        return request.build().header("Authorization");
    }

    private ApiClient client(Credentials credentials) {
        return new ApiClient(new OkHttpClient(), server.url("/"), credentials, HarvestProtocol.INSTANCE, RETRY,
                new RateBudget(Clock.systemUTC(), Duration.ofSeconds(30), 1.0), new ServerClock(Clock.systemUTC()),
                new Sleeper(), new ObjectMapper());
    }

    private void assertNothingSecret(String text) {
        assertThat(text).doesNotContain(SECRET);
        for (String token : issued) {
            assertThat(text).doesNotContain(token);
        }
    }

    private MockResponse token(long expiresIn) {
        String value = "tok-" + minted.incrementAndGet();
        issued.add(value);
        return json(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + "}");
    }

    private MockResponse tokenBody(String body) {
        return json(200, body);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

}
