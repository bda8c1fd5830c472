package io.kafkaconnect.greenhouse.simulator;

import org.junit.jupiter.api.AfterEach;

/** A simulator and an HTTP client to it, started by each test and closed after it. */
abstract class SimulatorFixture {
    protected HarvestSimulator sim;
    protected SimHttp http;

    protected void start(HarvestSimulator.Builder builder) {
        sim = builder.build().start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void closeSimulator() {
        if (http != null) {
            http.close();
        }
        if (sim != null) {
            sim.close();
        }
    }
}
