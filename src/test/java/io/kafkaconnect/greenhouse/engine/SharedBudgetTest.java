package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rate budget the tasks of a credential share in a JVM, as ApiClientFactory hands it out. */
class SharedBudgetTest {
    private final String key = "budget-" + UUID.randomUUID();

    private GreenhouseSourceConfig config(double fraction) {
        return new GreenhouseSourceConfig(Map.of("greenhouse.api.version", "v1", "greenhouse.api.key", key,
                "greenhouse.base.url", "http://127.0.0.1:9", EngineConfig.BUDGET_FRACTION, String.valueOf(fraction)));
    }

    private ApiClient task(double fraction) {
        return ApiClientFactory.create(config(fraction), new Sleeper(), Clock.systemUTC());
    }

    @Test
    void aChangedFractionTakesEffectWhenTheTasksRestartAndTheLastTaskReleasesTheBudget() {
        ApiClient a = task(1.0);
        ApiClient b = task(0.5);
        assertThat(a.budget()).isSameAs(b.budget());
        assertThat(a.budget().fraction()).isEqualTo(0.5);

        b.close(); // the modest connector's fraction is raised: Connect restarts its task
        ApiClient restarted = task(0.9);
        assertThat(restarted.budget()).isSameAs(a.budget());
        assertThat(a.budget().fraction()).as("without restarting the worker").isEqualTo(0.9);

        restarted.close();
        a.close();
        ApiClient later = task(1.0);
        assertThat(later.budget()).as("released with its last user").isNotSameAs(a.budget());
        later.close();
    }

    @Test
    void validationUsesABudgetOfItsOwn() {
        ApiClient running = task(0.8);
        ApiClient check = ApiClientFactory.forValidation(config(0.1), new Sleeper(), Clock.systemUTC(),
                Duration.ofSeconds(1), new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThat(check.budget()).isNotSameAs(running.budget());
        check.close();
        assertThat(running.budget().fraction()).as("the running task's share is untouched").isEqualTo(0.8);
        ApiClient another = task(1.0);
        assertThat(another.budget()).as("closing the check released nothing shared").isSameAs(running.budget());
        another.close();
        running.close();
    }
}
