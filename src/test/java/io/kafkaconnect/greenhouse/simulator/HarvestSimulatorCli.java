package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.core.SimulatorCli;
import java.util.List;
import java.util.Set;

/** The command line behind {@link HarvestSimulator#main}: the shared flags plus the v3 client. */
final class HarvestSimulatorCli {
    private HarvestSimulatorCli() {
    }

    /**
     * Standalone: {@code --port 8089 --seed 42 --records candidates=5000,applications=8000 --api-key KEY
     * --client-id ID --client-secret S --rate-limit 50/10s --latency 600ms+1ms --mutations 2/s[,1/s]
     * --clock-offset -5m}. Prints the base URL and credentials and runs until Ctrl-C.
     */
    static void run(String[] args) throws InterruptedException {
        HarvestSimulator.Builder b = HarvestSimulator.builder().port(8089);
        String[] client = {"client-id", "client-secret"};
        SimulatorCli.Rates rates = SimulatorCli.parse(args, b, Set.of(), (flag, value) -> switch (flag) {
            case "--client-id" -> {
                client[0] = value;
                yield true;
            }
            case "--client-secret" -> {
                client[1] = value;
                yield true;
            }
            default -> false;
        });
        b.oauthClient(client[0], client[1]);
        HarvestSimulator sim = b.build().start();
        StringBuilder counts = new StringBuilder();
        for (String r : sim.resources()) {
            counts.append(' ').append(r).append('=').append(sim.versions(r).size());
        }
        SimulatorCli.serve(sim, rates, List.of(
                "Harvest simulator listening on " + sim.baseUrl(),
                "  v1: " + sim.baseUrl() + "/v1/<resource>   Basic auth user '" + sim.apiKey() + "', empty password",
                "  v3: " + sim.baseUrl() + "/v3/<resource>   token: POST " + sim.tokenUrl()
                        + " (Basic " + client[0] + ":" + client[1] + ", grant_type=client_credentials)",
                "  records:" + counts));
    }
}
