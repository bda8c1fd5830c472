package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.GreenhouseSourceConnector;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.apache.kafka.common.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * validate() of a Harvest v3 connector while a task of the same client id runs and holds a good token, with one
 * active token per client (reference §3.2.6, UNCERTAIN): a wrong secret is reported, and the task's token survives.
 */
class ValidateSharedTokenTest {
    private static final String CLIENT_ID = "validate-shared-client-31";
    private static final String SECRET = "validate-shared-secret";
    private static final String SECRET_KEY = "greenhouse.oauth.client.secret";

    private HarvestSimulator sim;
    private ApiClient task;

    @BeforeEach
    void start() {
        sim = HarvestSimulator.builder().oauthClient(CLIENT_ID, SECRET).singleActiveToken(true).defaultRecords(2)
                .build().start();
        task = ApiClientFactory.create(new GreenhouseSourceConfig(props(SECRET)), new Sleeper(), Clock.systemUTC());
        readAPage(); // the task now holds a good token
    }

    @AfterEach
    void stop() {
        task.close();
        sim.close();
    }

    @Test
    void aWrongSecretIsReportedWhileATaskOfTheSameClientHoldsAGoodToken() {
        Config result = new GreenhouseSourceConnector().validate(props("wrong-secret-55"));

        assertThat(ConfigErrors.of(result, SECRET_KEY)).singleElement().asString().contains("401");
        assertThat(result.toString()).doesNotContain("wrong-secret-55");
        sim.clearRequestLog();
        readAPage();
        assertThat(refused()).as("the task's token was neither replaced nor revoked").isZero();
    }

    @Test
    void theRightSecretIsProvenByTheTasksTokenWithoutRevokingIt() {
        sim.clearRequestLog();
        Config result = new GreenhouseSourceConnector().validate(props(SECRET));

        assertThat(result.configValues().stream().flatMap(v -> v.errorMessages().stream())).isEmpty();
        readAPage();
        assertThat(tokensMinted()).as("no token minted, so none revoked").isZero();
        assertThat(refused()).isZero();
    }

    private void readAPage() {
        task.getPage(HttpUrl.get(sim.baseUrl() + "/v3/candidates?per_page=1"), "candidates");
    }

    private long refused() {
        return sim.requestLog().stream().filter(r -> r.path().startsWith("/v3/") && r.status() == 401).count();
    }

    private long tokensMinted() {
        String tokenPath = URI.create(sim.tokenUrl()).getPath();
        return sim.requestLog().stream().filter(r -> r.path().equals(tokenPath) && r.status() == 200).count();
    }

    private Map<String, String> props(String secret) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "gh-v3");
        props.put("greenhouse.api.version", "v3");
        props.put("greenhouse.oauth.client.id", CLIENT_ID);
        props.put(SECRET_KEY, secret);
        props.put("greenhouse.oauth.token.url", sim.tokenUrl());
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("greenhouse.resources", "candidates,jobs");
        props.put("validation.timeout.ms", "3000");
        return props;
    }
}
