package io.kafkaconnect.greenhouse.benchmark;

import io.kafkaconnect.greenhouse.AshbySourceTask;
import io.kafkaconnect.greenhouse.GreenhouseSourceTask;
import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.connect.source.SourceTask;

/**
 * A simulated API started for one run, with what a run needs of it.
 *
 * @param newTask    a new, unstarted task of the API's connector
 * @param apiProps   the API's own task properties: origin, credential, resource (candidates)
 * @param ids        the candidate ids the backfill must deliver
 * @param clearCalls forgets the requests so far
 * @param calls      the requests to the API (the OAuth token endpoint is not counted: it is not rate limited)
 * @param closer     stops the simulator
 * @param processCpu the CPU time so far of the simulator's own JVM, -1 when it runs in the benchmark's
 */
record Target(Supplier<SourceTask> newTask, Map<String, String> apiProps, Supplier<IdSet> ids, Runnable clearCalls,
              Supplier<List<Call>> calls, Runnable closer, LongSupplier processCpu) implements AutoCloseable {

    /** One answered request: when it arrived, its HTTP status, how many records it carried, and what it asked. */
    record Call(Instant at, int status, int records, String request) {
    }

    @Override
    public void close() {
        closer.run();
    }

    /** Harvest v1 or v3; {@code v3Keys}: the client id, secret and token URL settings (v3 only). */
    static Target harvest(HarvestSimulator sim, String version, String key, String secret, String[] v3Keys) {
        return new Target(GreenhouseSourceTask::new, harvestProps(sim.baseUrl(), sim.tokenUrl(), version, key, secret,
                v3Keys), () -> IdSet.of(sim.versions("candidates").keySet()), sim::clearRequestLog, () -> sim.requestLog()
                .stream().filter(r -> r.path().startsWith("/v1/") || r.path().startsWith("/v3/"))
                .map(r -> new Call(r.at(), r.status(), r.recordsReturned(), r.path() + " " + r.query()))
                .toList(), sim::close, () -> -1);
    }

    /** The same, served by a simulator in a JVM of its own. */
    static Target harvest(SimulatorProcess sim, String version, String key, String secret, String[] v3Keys) {
        return new Target(GreenhouseSourceTask::new, harvestProps(sim.baseUrl(), sim.tokenUrl(), version, key, secret,
                v3Keys), () -> IdSet.of(sim.ids()), sim::clearCalls, sim::calls, sim::close, sim::cpuNanos);
    }

    private static Map<String, String> harvestProps(String baseUrl, String tokenUrl, String version, String key,
            String secret, String[] v3Keys) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(GreenhouseSourceConfig.API_VERSION, version);
        p.put(GreenhouseSourceConfig.BASE_URL, baseUrl);
        if (version.equals("v1")) {
            p.put(GreenhouseSourceConfig.API_KEY, key);
        } else {
            p.put(v3Keys[0], key);
            p.put(v3Keys[1], secret);
            if (v3Keys[2] != null) {
                p.put(v3Keys[2], tokenUrl);
            }
        }
        p.put(GreenhouseSourceConfig.RESOURCES, "candidates");
        return p;
    }

    static Target ashby(AshbySimulator sim) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(AshbySourceConfig.BASE_URL, sim.baseUrl());
        p.put(AshbySourceConfig.API_KEY, sim.apiKey());
        p.put(AshbySourceConfig.RESOURCES, "candidates");
        return new Target(AshbySourceTask::new, p, () -> IdSet.of(sim.versions("candidates").keySet()),
                sim::clearRequestLog, () -> sim.requestLog().stream()
                        .map(r -> new Call(r.at(), r.status(), r.recordsReturned(), r.path() + " " + r.body()))
                        .toList(), sim::close, () -> -1);
    }
}
