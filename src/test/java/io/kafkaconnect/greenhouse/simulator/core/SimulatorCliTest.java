package io.kafkaconnect.greenhouse.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorCliTest {

    @Test
    void sharedFlagsReachEitherBuilderAndTheOthersGoToTheSimulatorsOwnHandler() {
        Map<String, String> own = new LinkedHashMap<>();
        AshbySimulator.Builder ashby = AshbySimulator.builder();
        SimulatorCli.Rates rates = SimulatorCli.parse(new String[] {"--seed", "7", "--retry-after", "--records", "3",
            "--api-key", "cli-key", "--max-delta", "5", "--mutations", "2/s", "--clock-offset", "-5m"}, ashby,
                Set.of("--retry-after"), (flag, value) -> own.put(flag, value) == null);

        assertThat(own).containsExactly(Map.entry("--retry-after", ""), Map.entry("--max-delta", "5"));
        assertThat(rates).isEqualTo(new SimulatorCli.Rates(2, 0.2));
        try (AshbySimulator sim = ashby.build()) {
            assertThat(sim.versions("candidates")).hasSize(3);
            assertThat(sim.apiKey()).isEqualTo("cli-key");
            assertThat(sim.clockOffset()).isEqualTo(Duration.ofMinutes(-5));
        }

        HarvestSimulator.Builder harvest = HarvestSimulator.builder();
        SimulatorCli.Rates none = SimulatorCli.parse(new String[] {"--records", "candidates=4,jobs=2"}, harvest,
                Set.of(), (flag, value) -> false);
        assertThat(none).isEqualTo(new SimulatorCli.Rates(0, 0));
        try (HarvestSimulator sim = harvest.build()) {
            assertThat(sim.versions("candidates")).hasSize(4);
            assertThat(sim.versions("jobs")).hasSize(2);
        }
    }

    @Test
    void durationsInEveryUnitSignedOrIso() {
        assertThat(SimulatorCli.parseDuration("600ms")).isEqualTo(Duration.ofMillis(600));
        assertThat(SimulatorCli.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(SimulatorCli.parseDuration("-5m")).isEqualTo(Duration.ofMinutes(-5));
        assertThat(SimulatorCli.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SimulatorCli.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(SimulatorCli.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SimulatorCli.parseDuration("250")).isEqualTo(Duration.ofMillis(250));
    }
}
