package io.kafkaconnect.greenhouse.simulator.ashby;

import org.junit.jupiter.api.AfterEach;

/** An Ashby simulator and an HTTP client to it, started by each test and closed after it. */
abstract class AshbySimulatorFixture {
    protected AshbySimulator sim;
    protected AshbyHttp http;

    protected void start(AshbySimulator.Builder builder) {
        sim = builder.build().start();
        http = new AshbyHttp(sim);
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
