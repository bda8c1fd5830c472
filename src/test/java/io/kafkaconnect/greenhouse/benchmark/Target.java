package io.kafkaconnect.greenhouse.benchmark;

import io.kafkaconnect.greenhouse.AshbySourceTask;
import io.kafkaconnect.greenhouse.GreenhouseSourceTask;
import io.kafkaconnect.greenhouse.config.AshbySourceConfig;
import io.kafkaconnect.greenhouse.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceTask;

/** A simulated API started for one run, with what a run needs of it: the task, its properties, ids and requests. */
interface Target extends AutoCloseable {

    /** One answered request: its HTTP status and how many records it carried. */
    record Call(int status, int records) {
    }

    /** A new, unstarted task of the API's connector. */
    SourceTask newTask();

    /** The API's own task properties: origin, credential, resource (candidates). */
    Map<String, String> apiProps();

    /** The candidate ids the backfill must deliver. */
    IdSet ids();

    /** Forgets the requests so far. */
    void clearCalls();

    /** The requests to the API (the OAuth token endpoint is not counted: it is not rate limited). */
    List<Call> calls();

    @Override
    void close();

    /** Harvest v1 or v3. */
    static Target harvest(HarvestSimulator sim, String version, String key, String secret, String[] v3Keys) {
        return new Target() {
            @Override
            public SourceTask newTask() {
                return new GreenhouseSourceTask();
            }

            @Override
            public Map<String, String> apiProps() {
                Map<String, String> p = new LinkedHashMap<>();
                p.put(GreenhouseSourceConfig.API_VERSION, version);
                p.put(GreenhouseSourceConfig.BASE_URL, sim.baseUrl());
                if (version.equals("v1")) {
                    p.put(GreenhouseSourceConfig.API_KEY, key);
                } else {
                    p.put(v3Keys[0], key);
                    p.put(v3Keys[1], secret);
                    if (v3Keys[2] != null) {
                        p.put(v3Keys[2], sim.tokenUrl());
                    }
                }
                p.put(GreenhouseSourceConfig.RESOURCES, "candidates");
                return p;
            }

            @Override
            public IdSet ids() {
                return IdSet.of(sim.versions("candidates").keySet());
            }

            @Override
            public void clearCalls() {
                sim.clearRequestLog();
            }

            @Override
            public List<Call> calls() {
                return sim.requestLog().stream().filter(r -> r.path().startsWith("/v1/") || r.path().startsWith("/v3/"))
                        .map(r -> new Call(r.status(), r.recordsReturned())).toList();
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    static Target ashby(AshbySimulator sim) {
        return new Target() {
            @Override
            public SourceTask newTask() {
                return new AshbySourceTask();
            }

            @Override
            public Map<String, String> apiProps() {
                Map<String, String> p = new LinkedHashMap<>();
                p.put(AshbySourceConfig.BASE_URL, sim.baseUrl());
                p.put(AshbySourceConfig.API_KEY, sim.apiKey());
                p.put(AshbySourceConfig.RESOURCES, "candidates");
                return p;
            }

            @Override
            public IdSet ids() {
                return IdSet.of(sim.versions("candidates").keySet());
            }

            @Override
            public void clearCalls() {
                sim.clearRequestLog();
            }

            @Override
            public List<Call> calls() {
                return sim.requestLog().stream().map(r -> new Call(r.status(), r.recordsReturned())).toList();
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }
}
