package io.kafkaconnect.greenhouse.simulator;

/** A Harvest simulator and an HTTP client to it, started by each test and closed after it. */
abstract class SimulatorFixture
        extends io.kafkaconnect.greenhouse.simulator.core.SimulatorFixture<HarvestSimulator.Builder, HarvestSimulator, SimHttp> {
    SimulatorFixture() {
        super(HarvestSimulator.Builder::build, SimHttp::new);
    }
}
