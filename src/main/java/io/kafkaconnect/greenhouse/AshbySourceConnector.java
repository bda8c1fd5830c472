package io.kafkaconnect.greenhouse;

import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.engine.EngineSourceConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

/** Streams Ashby resources into Kafka topics, on the same engine as {@link GreenhouseSourceConnector}. */
public class AshbySourceConnector extends EngineSourceConnector {

    @Override
    protected EngineConfig parse(Map<String, String> props, boolean crossFieldChecks) {
        return crossFieldChecks ? new AshbySourceConfig(props) : AshbySourceConfig.withoutCrossFieldChecks(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return AshbySourceTask.class;
    }

    @Override
    public ConfigDef config() {
        return AshbySourceConfig.CONFIG_DEF;
    }
}
