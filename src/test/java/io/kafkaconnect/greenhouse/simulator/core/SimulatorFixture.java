package io.kafkaconnect.greenhouse.simulator.core;

import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;

/**
 * A simulator and an HTTP client to it, started by each test and closed after it.
 *
 * @param <B> the simulator's builder
 * @param <S> the simulator
 * @param <C> the client
 */
public abstract class SimulatorFixture<B extends SimulatorBuilder<B>, S extends Simulator,
        C extends SimulatorClient> {
    protected S sim;
    protected C http;
    private final Function<B, S> build;
    private final Function<S, C> connect;

    protected SimulatorFixture(Function<B, S> build, Function<S, C> connect) {
        this.build = build;
        this.connect = connect;
    }

    protected void start(B builder) {
        sim = build.apply(builder);
        sim.start();
        http = connect.apply(sim);
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
