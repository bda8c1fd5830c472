package io.kafkaconnect.greenhouse.harvest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.engine.ConfigErrors;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class GreenhouseSourceConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "k");
        return props;
    }

    @Test
    void defaults() {
        GreenhouseSourceConfig config = new GreenhouseSourceConfig(minimal());
        assertThat(config.baseUrl().toString()).isEqualTo("https://harvest.greenhouse.io/");
        assertThat(config.topicPrefix()).isEqualTo("greenhouse");
        assertThat(config.pageSize()).isEqualTo(500);
        assertThat(config.pollInterval().toMillis()).isEqualTo(60_000);
        assertThat(config.syncStart()).isEmpty();
        assertThat(config.resources()).extracting(Resource::name).contains("candidates", "applications", "jobs", "departments");
    }

    @Test
    void aPollIntervalBelowASecondIsRejectedNamingTheSetting() {
        Map<String, String> props = minimal();
        props.put("poll.interval.ms", "0");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("poll.interval.ms").hasMessageContaining("at least 1000 ms")
                .hasMessageContaining("busy loop");
        props.put("poll.interval.ms", "999");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).isInstanceOf(ConfigException.class);
        props.put("poll.interval.ms", "1000");
        assertThat(new GreenhouseSourceConfig(props).pollInterval()).hasMillis(1000);
    }

    @Test
    void enumValuesAreReadTheSameUnderATurkishDefaultLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "fail".toUpperCase() is "FAİL" there
        try {
            Map<String, String> props = minimal();
            props.put("record.conversion.errors", "fail");
            assertThat(new GreenhouseSourceConfig(props).conversionErrors()).isEqualTo(EngineConfig.ConversionErrors.FAIL);
            props.put("record.conversion.errors", "SKIP");
            assertThat(new GreenhouseSourceConfig(props).conversionErrors()).isEqualTo(EngineConfig.ConversionErrors.SKIP);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theCredentialFingerprintTellsAccountsApartWithoutRevealingTheSecret() {
        Map<String, String> props = minimal();
        props.put("greenhouse.api.key", "key-of-account-a");
        String a = new GreenhouseSourceConfig(props).credentialFingerprint().orElseThrow();
        assertThat(a).matches("[0-9a-f]{16}").isEqualTo(new GreenhouseSourceConfig(props).credentialFingerprint()
                .orElseThrow());
        props.put("greenhouse.api.key", "key-of-account-b");
        assertThat(new GreenhouseSourceConfig(props).credentialFingerprint().orElseThrow()).isNotEqualTo(a);

        Map<String, String> v3 = minimalV3();
        String client = new GreenhouseSourceConfig(v3).credentialFingerprint().orElseThrow();
        v3.put("greenhouse.oauth.client.secret", "rotated-secret");
        assertThat(new GreenhouseSourceConfig(v3).credentialFingerprint()).as("a rotated secret: the same client")
                .contains(client);
        v3.put("greenhouse.oauth.client.id", "other-client-99");
        assertThat(new GreenhouseSourceConfig(v3).credentialFingerprint().orElseThrow()).isNotEqualTo(client);
        v3.put("greenhouse.oauth.client.id", "abc123-4567");
        v3.put("greenhouse.oauth.token.url", "https://auth.example.com/token");
        assertThat(new GreenhouseSourceConfig(v3).credentialFingerprint().orElseThrow()).isNotEqualTo(client);

        Map<String, String> unset = minimal();
        unset.remove("greenhouse.api.key");
        assertThat(GreenhouseSourceConfig.withoutCrossFieldChecks(unset).credentialFingerprint()).isEmpty();
    }

    @Test
    void offsetsOfAnotherCredentialFailTheTaskUnlessToldOtherwise() {
        assertThat(new GreenhouseSourceConfig(minimal()).credentialChange())
                .isEqualTo(EngineConfig.CredentialChange.FAIL);
        Map<String, String> props = minimal();
        props.put("offsets.credential.change", "Resume");
        assertThat(new GreenhouseSourceConfig(props).credentialChange()).isEqualTo(EngineConfig.CredentialChange.RESUME);
        props.put("offsets.credential.change", "ignore");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("offsets.credential.change");
    }

    private static Map<String, String> minimalV3() {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.oauth.client.id", "abc123-4567");
        props.put("greenhouse.oauth.client.secret", "top-secret-value");
        return props;
    }

    @Test
    void theApiVersionDefaultsToV3AndUnknownVersionsAreRejected() {
        GreenhouseSourceConfig config = new GreenhouseSourceConfig(minimalV3());
        assertThat(config.apiVersion()).isEqualTo("v3");
        assertThat(config.dialect().version()).isEqualTo("v3");
        assertThat(config.oauthTokenUrl().toString()).isEqualTo("https://auth.greenhouse.io/token");
        assertThat(config.oauthUserId()).isEmpty();
        assertThat(config.credentialSettings()).contains("greenhouse.oauth.client.id", "greenhouse.oauth.client.secret");
        Map<String, String> props = minimalV3();
        props.put("greenhouse.api.version", "v2");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("greenhouse.api.version").hasMessageContaining("v3").hasMessageContaining("v1");
    }

    @Test
    void v3NeedsTheOAuthClientAndRejectsTheV1Key() {
        Map<String, String> props = minimalV3();
        props.remove("greenhouse.oauth.client.id");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props))
                .hasMessageContaining("greenhouse.oauth.client.id is required for greenhouse.api.version=v3");
        props.put("greenhouse.oauth.client.id", "abc123-4567");
        props.remove("greenhouse.oauth.client.secret");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props))
                .hasMessageContaining("greenhouse.oauth.client.secret is required for greenhouse.api.version=v3");

        Map<String, String> withKey = minimalV3();
        withKey.put("greenhouse.api.key", "v1-key");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(withKey))
                .hasMessageContaining("greenhouse.api.key is a Harvest v1 setting")
                .hasMessageContaining("greenhouse.api.version=v1")
                .hasMessageNotContaining("v1-key");

        Map<String, String> oldV1Config = new HashMap<>();
        oldV1Config.put("greenhouse.api.key", "v1-key"); // without a version: now a v3 config holding a v1 key
        GreenhouseSourceConfig parsed = GreenhouseSourceConfig.withoutCrossFieldChecks(oldV1Config);
        assertThat(parsed.crossFieldProblems()).containsOnlyKeys("greenhouse.api.key", "greenhouse.oauth.client.id",
                "greenhouse.oauth.client.secret");
    }

    @Test
    void theRetiredInactiveJobPostsIsRefusedNamingJobPosts() {
        Map<String, String> props = minimalV3();
        props.put("greenhouse.resources", "job_posts,inactive_job_posts");
        Map<String, String> problems = GreenhouseSourceConfig.withoutCrossFieldChecks(props).crossFieldProblems();
        assertThat(problems.get("greenhouse.resources")).contains("unknown resource(s) [inactive_job_posts]",
                "inactive_job_posts was retired", "job_posts now holds inactive (deleted) posts too, with active=false");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("inactive_job_posts was retired");
        props.put("greenhouse.resources", "job_posts");
        assertThat(new GreenhouseSourceConfig(props).resources()).extracting(r -> r.name()).containsExactly("job_posts");
    }

    @Test
    void v1RejectsEveryOAuthKey() {
        Map<String, String> props = minimal();
        props.putAll(minimalV3());
        props.put("greenhouse.oauth.user.id", "4242");
        props.put("greenhouse.oauth.token.url", "https://auth.example.com/token");
        Map<String, String> problems = GreenhouseSourceConfig.withoutCrossFieldChecks(props).crossFieldProblems();
        assertThat(problems).containsOnlyKeys("greenhouse.oauth.client.id", "greenhouse.oauth.client.secret",
                "greenhouse.oauth.user.id", "greenhouse.oauth.token.url");
        assertThat(problems.values()).allSatisfy(m -> assertThat(m)
                .contains("Harvest v3 (OAuth) setting", "greenhouse.api.version=v1").doesNotContain("top-secret-value"));
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("greenhouse.oauth.client.id");

        Map<String, String> defaults = minimal();
        defaults.put("greenhouse.oauth.token.url", "https://auth.greenhouse.io/token");
        defaults.put("greenhouse.oauth.user.id", "");
        assertThat(new GreenhouseSourceConfig(defaults).crossFieldProblems()).as("defaults are not 'set'").isEmpty();
        assertThat(new GreenhouseSourceConfig(defaults).credentialSettings()).isEqualTo("greenhouse.api.key");
    }

    @Test
    void theUserIdIsOptionalAndNumeric() {
        Map<String, String> props = minimalV3();
        props.put("greenhouse.oauth.user.id", " 4242 ");
        assertThat(new GreenhouseSourceConfig(props).oauthUserId()).contains("4242");
        props.put("greenhouse.oauth.user.id", "");
        assertThat(new GreenhouseSourceConfig(props).oauthUserId()).isEmpty();
        props.put("greenhouse.oauth.user.id", "admin@example.com");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("greenhouse.oauth.user.id")
                .hasMessageContaining("numeric id");
    }

    @Test
    void theTokenUrlIsHttpsOrLoopback() {
        Map<String, String> props = minimalV3();
        props.put("greenhouse.oauth.token.url", "http://127.0.0.1:9999/oauth/token");
        assertThat(new GreenhouseSourceConfig(props).oauthTokenUrl().encodedPath()).isEqualTo("/oauth/token");
        props.put("greenhouse.oauth.token.url", "https://auth.example.com/token");
        assertThat(new GreenhouseSourceConfig(props).oauthTokenUrl().host()).isEqualTo("auth.example.com");
        props.put("greenhouse.oauth.token.url", "http://auth.greenhouse.io/token");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("greenhouse.oauth.token.url")
                .hasMessageContaining("must use https://");
        props.put("greenhouse.oauth.token.url", "auth.greenhouse.io");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props))
                .hasMessageContaining("such as https://auth.greenhouse.io/token");
    }

    @Test
    void theSecretIsAPasswordAndNeverShown() {
        GreenhouseSourceConfig config = new GreenhouseSourceConfig(minimalV3());
        assertThat(config.oauthClientSecret().value()).isEqualTo("top-secret-value");
        assertThat(config.oauthClientSecret().toString()).doesNotContain("top-secret-value");
        assertThat(GreenhouseSourceConfig.CONFIG_DEF.configKeys().get("greenhouse.oauth.client.secret").type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    }

    @Test
    void v3ResourcesAreCheckedAgainstTheV3DialectAndSensitiveOnesAreOptIn() {
        GreenhouseSourceConfig all = new GreenhouseSourceConfig(minimalV3());
        assertThat(all.resources()).extracting(Resource::name)
                .contains("candidates", "applications", "application_stages", "job_interview_stages", "users")
                .doesNotContain("eeoc", "demographic_answers", "demographic_questions", "demographic_answer_options",
                        "demographic_question_sets");
        Map<String, String> props = minimalV3();
        props.put("greenhouse.resources", "eeoc, candidates");
        assertThat(new GreenhouseSourceConfig(props).resources()).extracting(Resource::name)
                .containsExactly("candidates", "eeoc");
        props.put("greenhouse.resources", "candidates,job_stages");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("job_stages")
                .hasMessageContaining("API v3");
    }

    @Test
    void validateAttachesCrossFieldProblemsToTheirFields() {
        Map<String, String> props = minimalV3();
        props.remove("greenhouse.oauth.client.secret");
        props.put("greenhouse.api.key", "v1-key");
        org.apache.kafka.common.config.Config result = new io.kafkaconnect.greenhouse.GreenhouseSourceConnector()
                .validate(props);
        assertThat(ConfigErrors.of(result, "greenhouse.api.key"))
                .anySatisfy(m -> assertThat(m).contains("Harvest v1 setting"));
        assertThat(ConfigErrors.of(result, "greenhouse.oauth.client.secret"))
                .anySatisfy(m -> assertThat(m).contains("required"));
        assertThat(ConfigErrors.of(result, "greenhouse.oauth.client.id")).isEmpty();
        assertThat(result.configValues().toString()).doesNotContain("v1-key");

        Map<String, String> v1 = minimal();
        v1.put("greenhouse.oauth.client.secret", "top-secret-value");
        org.apache.kafka.common.config.Config v1Result = new io.kafkaconnect.greenhouse.GreenhouseSourceConnector()
                .validate(v1);
        assertThat(ConfigErrors.of(v1Result, "greenhouse.oauth.client.secret"))
                .anySatisfy(m -> assertThat(m).contains("Harvest v3 (OAuth) setting"));
        assertThat(v1Result.configValues().toString()).doesNotContain("top-secret-value");
    }

    @Test
    void theApiKeyIsRequiredForV1() {
        Map<String, String> props = minimal();
        props.remove("greenhouse.api.key");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("greenhouse.api.key is required");
    }

    @Test
    void httpIsOnlyAcceptedForLoopback() {
        Map<String, String> props = minimal();
        props.put("greenhouse.base.url", "http://127.0.0.1:8080");
        assertThat(new GreenhouseSourceConfig(props).baseUrl().port()).isEqualTo(8080);
        props.put("greenhouse.base.url", "http://localhost:8080/");
        new GreenhouseSourceConfig(props);
        props.put("greenhouse.base.url", "http://[::1]:8080/");
        new GreenhouseSourceConfig(props);
        props.put("greenhouse.base.url", "http://harvest.greenhouse.io");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("must use https://");
        props.put("greenhouse.base.url", "not a url");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("greenhouse.base.url");
    }

    @Test
    void resourcesAreCheckedAgainstTheDialect() {
        Map<String, String> props = minimal();
        props.put("greenhouse.resources", "jobs, candidates");
        assertThat(new GreenhouseSourceConfig(props).resources()).extracting(Resource::name)
                .containsExactlyInAnyOrder("jobs", "candidates");
        props.put("greenhouse.resources", "jobs,candidatez");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("candidatez");
    }

    @Test
    void syncStartAndPageSizeAreValidated() {
        Map<String, String> props = minimal();
        props.put("sync.start", "2024-01-01T00:00:00Z");
        assertThat(new GreenhouseSourceConfig(props).syncStart()).contains(Instant.parse("2024-01-01T00:00:00Z"));
        props.put("sync.start", "yesterday");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("sync.start");
        props.remove("sync.start");
        props.put("page.size", "501");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("page.size");
    }
}
