package io.kafkaconnect.greenhouse;

import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.engine.EngineSourceTask;
import java.time.Clock;
import java.util.Map;

/** A task of {@link AshbySourceConnector}. */
public class AshbySourceTask extends EngineSourceTask {

    public AshbySourceTask() {
        this(Clock.systemUTC());
    }

    AshbySourceTask(Clock clock) {
        super(clock);
    }

    @Override
    protected EngineConfig parse(Map<String, String> props) {
        return new AshbySourceConfig(props);
    }
}
