package io.kafkaconnect.greenhouse;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.engine.EngineSourceConnector;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;

/** Streams Greenhouse Harvest (v3 or v1) resources into Kafka topics. */
public class GreenhouseSourceConnector extends EngineSourceConnector {

    @Override
    protected EngineConfig parse(Map<String, String> props, boolean crossFieldChecks) {
        return crossFieldChecks ? new GreenhouseSourceConfig(props)
                : GreenhouseSourceConfig.withoutCrossFieldChecks(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GreenhouseSourceTask.class;
    }

    @Override
    public ConfigDef config() {
        return GreenhouseSourceConfig.CONFIG_DEF;
    }
}
