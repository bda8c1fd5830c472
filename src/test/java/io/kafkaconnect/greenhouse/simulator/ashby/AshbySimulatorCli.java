package io.kafkaconnect.greenhouse.simulator.ashby;

import io.kafkaconnect.greenhouse.simulator.core.SimulatorCli;
import java.util.List;
import java.util.Set;

/** The command line behind {@link AshbySimulator#main}: the shared flags plus Ashby's cursors, tokens and 429s. */
final class AshbySimulatorCli {
    private AshbySimulatorCli() {
    }

    static void run(String[] args) throws InterruptedException {
        AshbySimulator.Builder b = AshbySimulator.builder().port(8090);
        SimulatorCli.Rates rates = SimulatorCli.parse(args, b, Set.of("--retry-after"), (flag, value) -> {
            switch (flag) {
                case "--retry-after" -> b.retryAfter(true);
                case "--cursor-ttl" -> b.cursorTtl(SimulatorCli.parseDuration(value));
                case "--sync-token-ttl" -> b.syncTokenTtl(SimulatorCli.parseDuration(value));
                case "--max-delta" -> b.maxDeltaRecords(Integer.parseInt(value));
                default -> {
                    return false;
                }
            }
            return true;
        });
        AshbySimulator sim = b.build().start();
        StringBuilder counts = new StringBuilder();
        for (String r : sim.resources()) {
            if (!r.equals("application_history")) {
                counts.append(' ').append(sim.method(r)).append('=').append(sim.versions(r).size());
            }
        }
        SimulatorCli.serve(sim, rates, List.of(
                "Ashby simulator listening on " + sim.baseUrl(),
                "  POST " + sim.baseUrl() + "/<method> with a JSON body, Basic auth user '" + sim.apiKey()
                        + "', empty password",
                "  records:" + counts + " (application.listHistory: 1..6 per application)"));
    }
}
