package io.kafkaconnect.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.engine.ConfigErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ashby connector: its keys, validate() against a scripted Ashby, task split and offset checks. */
class AshbySourceConnectorTest {
    private static final String KEY = "good-key";
    private MockWebServer server;
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (calls) {
                    calls.add(request.getUrl().encodedPath() + " " + request.getBody().utf8());
                }
                String auth = request.getHeaders().get("Authorization");
                if (!okhttp3.Credentials.basic(KEY, "").equals(auth)) {
                    return json(403, "{\"success\":false,\"errorInfo\":{\"code\":\"invalid_api_key\"}}");
                }
                if (request.getUrl().encodedPath().equals("/offer.list")) {
                    return json(200, "{\"success\":false,\"errorInfo\":{\"code\":\"missing_endpoint_permission\","
                            + "\"message\":\"offersRead\"}}");
                }
                return json(200, "{\"success\":true,\"results\":[],\"moreDataAvailable\":false,\"syncToken\":\"t\"}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private Map<String, String> props(String key, String resources) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "ashby");
        props.put("ashby.api.key", key);
        props.put("ashby.base.url", server.url("/").toString());
        props.put("ashby.resources", resources);
        props.put("validation.timeout.ms", "3000");
        return props;
    }

    @Test
    void defaultsFollowTheIssueAndTheSharedKeysMeanTheSame() {
        AshbySourceConfig config = new AshbySourceConfig(Map.of("ashby.api.key", "k"));
        assertThat(config.baseUrl().toString()).isEqualTo("https://api.ashbyhq.com/");
        assertThat(config.topicPrefix()).isEqualTo("ashby");
        assertThat(config.pageSize()).isEqualTo(100);
        assertThat(config.resources()).isEqualTo(AshbyDialect.INSTANCE.resources());
        assertThat(config.topicFor(config.resources().get(0))).isEqualTo("ashby.candidates");
        assertThat(config.resources()).extracting(Resource::name).containsExactly("candidates", "applications",
                "jobs", "users", "departments", "locations", "sources", "archive_reasons", "interview_schedules",
                "offers", "application_feedback", "application_history", "openings", "job_postings", "job_templates",
                "projects", "approvals", "interviews", "interview_plans", "interview_stages", "interview_events",
                "interviewer_pools", "custom_fields", "candidate_tags", "close_reasons", "hiring_team_roles",
                "job_boards", "source_tracking_links", "feedback_form_definitions", "survey_form_definitions",
                "survey_submissions", "candidate_notes");
        assertThatThrownBy(() -> new AshbySourceConfig(Map.of("ashby.api.key", "k", "page.size", "101")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("page.size");
        assertThatThrownBy(() -> new AshbySourceConfig(Map.of())).hasMessageContaining("ashby.api.key");
        assertThatThrownBy(() -> new AshbySourceConfig(Map.of("ashby.api.key", "k", "ashby.resources", "nope")))
                .hasMessageContaining("ashby.resources").hasMessageContaining("nope");
    }

    @Test
    void aGoodConfigurationValidatesWithOneProbePerResource() {
        Config result = new AshbySourceConnector().validate(props(KEY, "candidates,jobs,application_history"));
        assertThat(ConfigErrors.all(result)).isEmpty();
        assertThat(calls).containsExactlyInAnyOrder("/candidate.list {\"limit\":1}", "/job.list {\"status\":[\"Draft\",\"Open\",\"Closed\",\"Archived\"],\"limit\":1}",
                "/application.list {\"limit\":1}");
    }

    @Test
    void aWrongKeyIsReportedOnTheKeyAndAMissingPermissionOnTheResources() {
        Config wrongKey = new AshbySourceConnector().validate(props("wrong-key", "candidates,jobs"));
        assertThat(ConfigErrors.of(wrongKey, "ashby.api.key")).singleElement().asString().contains("ashby.api.key")
                .doesNotContain("wrong-key");
        assertThat(ConfigErrors.of(wrongKey, "ashby.resources")).isEmpty();

        Config forbidden = new AshbySourceConnector().validate(props(KEY, "candidates,offers"));
        assertThat(ConfigErrors.of(forbidden, "ashby.resources")).singleElement().asString()
                .contains("may not read 1 of the 2 selected resources (HTTP 403): offers.", "Offers module");
        assertThat(ConfigErrors.of(forbidden, "ashby.api.key")).isEmpty();
    }

    @Test
    void fieldErrorsComeFirstAndNoRequestIsSent() {
        Map<String, String> props = props(KEY, "candidates");
        props.put("ashby.base.url", "http://example.com");
        Config result = new AshbySourceConnector().validate(props);
        assertThat(ConfigErrors.of(result, "ashby.base.url")).isNotEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void resourcesAreSplitAcrossTasks() {
        AshbySourceConnector connector = new AshbySourceConnector();
        connector.start(props(KEY, ""));
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).hasSize(3);
        List<String> assigned = new ArrayList<>();
        tasks.forEach(t -> assigned.addAll(List.of(t.get(EngineConfig.TASK_RESOURCES).split(","))));
        assertThat(assigned).hasSize(32).doesNotHaveDuplicates();
        assertThat(connector.taskClass()).isEqualTo(AshbySourceTask.class);
    }

    @Test
    void writtenOffsetsAreCheckedAgainstTheSyncTokenFormat() {
        AshbySourceConnector connector = new AshbySourceConnector();
        Map<String, Object> partition = new HashMap<>(Map.of("api", "ashby", "host",
                server.getHostName() + ":" + server.getPort(), "resource", "candidates", "protocol", "1"));
        Map<String, String> props = props(KEY, "");
        assertThat(connector.alterOffsets(props, Map.of(partition, Map.of("v", 1, "sync_token", "tok")))).isTrue();
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        reset.put(partition, null);
        assertThat(connector.alterOffsets(props, reset)).isTrue();
        assertThatThrownBy(() -> connector.alterOffsets(props, Map.of(partition, Map.of("v", 1, "watermark", 5))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("watermark")
                .hasMessageContaining("sync_token");
        Map<String, Object> harvest = new HashMap<>(partition);
        harvest.put("api", "v3");
        assertThatThrownBy(() -> connector.alterOffsets(props, Map.of(harvest, Map.of("v", 1))))
                .hasMessageContaining("belongs to API v3");

        String own = new AshbySourceConfig(props).credentialFingerprint().orElseThrow();
        props.put("ashby.api.key", "another-accounts-key");
        String other = new AshbySourceConfig(props).credentialFingerprint().orElseThrow();
        assertThat(other).isNotEqualTo(own).doesNotContain("another");
        assertThatThrownBy(() -> connector.alterOffsets(props, Map.of(partition,
                Map.of("v", 1, "sync_token", "tok", "credential", own))))
                .as("the fingerprint of the key before").hasMessageContaining("'credential' is " + own);
        assertThat(connector.alterOffsets(props, Map.of(partition,
                Map.of("v", 1, "sync_token", "tok", "credential", other)))).isTrue();
    }
}
