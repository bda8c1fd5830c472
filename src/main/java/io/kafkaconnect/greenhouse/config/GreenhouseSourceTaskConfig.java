package io.kafkaconnect.greenhouse.config;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** A task's configuration: the connector's, plus the resources the connector assigned to this task. */
public final class GreenhouseSourceTaskConfig extends GreenhouseSourceConfig {
    public static final String TASK_RESOURCES = "task.resources";

    private static final ConfigDef TASK_DEF = GreenhouseSourceConfig.configDef()
            .define(TASK_RESOURCES, Type.LIST, Importance.HIGH, "The resources this task reads (set by the connector).");

    public GreenhouseSourceTaskConfig(Map<String, String> props) {
        super(TASK_DEF, props, true);
    }

    public List<String> taskResources() {
        return getList(TASK_RESOURCES);
    }
}
