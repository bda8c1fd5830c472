package io.kafkaconnect.greenhouse;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.engine.EngineSourceTask;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.util.Map;

/** A task of {@link GreenhouseSourceConnector}. */
public class GreenhouseSourceTask extends EngineSourceTask {

    public GreenhouseSourceTask() {
        this(Clock.systemUTC());
    }

    GreenhouseSourceTask(Clock clock) {
        super(clock);
    }

    GreenhouseSourceTask(Clock clock, Sleeper sleeper) {
        super(clock, sleeper);
    }

    @Override
    protected EngineConfig parse(Map<String, String> props) {
        return new GreenhouseSourceConfig(props);
    }
}
