package io.kafkaconnect.greenhouse.simulator.ashby;

import io.kafkaconnect.greenhouse.simulator.core.SimulatorFixture;

/** An Ashby simulator and an HTTP client to it, started by each test and closed after it. */
abstract class AshbySimulatorFixture extends SimulatorFixture<AshbySimulator.Builder, AshbySimulator, AshbyHttp> {
    AshbySimulatorFixture() {
        super(AshbySimulator.Builder::build, AshbyHttp::new);
    }
}
