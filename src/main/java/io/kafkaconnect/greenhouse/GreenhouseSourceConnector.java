package io.kafkaconnect.greenhouse;

import io.kafkaconnect.greenhouse.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.config.GreenhouseSourceTaskConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.sync.OffsetAlterations;
import io.kafkaconnect.greenhouse.validation.LiveCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * Streams Greenhouse Harvest resources into Kafka topics. Resources are the units of work: each is read by
 * exactly one task.
 */
public class GreenhouseSourceConnector extends SourceConnector {
    private Map<String, String> props;
    private GreenhouseSourceConfig config;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = new HashMap<>(props);
        this.config = new GreenhouseSourceConfig(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GreenhouseSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> names = config.resources().stream().map(Resource::name).toList();
        int groups = Math.max(1, Math.min(maxTasks, names.size()));
        List<Map<String, String>> configs = new ArrayList<>(groups);
        for (List<String> group : ConnectorUtils.groupPartitions(names, groups)) {
            Map<String, String> task = new HashMap<>(props);
            task.put(GreenhouseSourceTaskConfig.TASK_RESOURCES, String.join(",", group));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    /**
     * Replay from a committed offset is deterministic: a task resumes at the page after the last committed
     * one, and each poll returns exactly one page, so with the worker's exactly-once support a page's records
     * and the offset after it are committed in one transaction.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Validates offsets written through the Connect REST API (KIP-875); a null offset resets a resource. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        OffsetAlterations.validate(GreenhouseSourceConfig.withoutCrossFieldChecks(connectorConfig), offsets);
        return true;
    }

    @Override
    public ConfigDef config() {
        return GreenhouseSourceConfig.CONFIG_DEF;
    }

    /** Field checks first; cross-field checks only when every field is valid on its own. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean fieldErrors = result.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty());
        if (fieldErrors) {
            return result;
        }
        GreenhouseSourceConfig parsed;
        try {
            parsed = GreenhouseSourceConfig.withoutCrossFieldChecks(connectorConfigs);
        } catch (RuntimeException e) {
            return result; // already reported per field
        }
        Map<String, String> crossField = parsed.crossFieldProblems();
        crossField.forEach((key, message) -> valueOf(result, key)
                .ifPresent(v -> v.addErrorMessage(key + " " + message)));
        if (crossField.isEmpty()) {
            LiveCheck.run(parsed, parsed.credentialSettings()).forEach((key, messages) -> valueOf(result, key)
                    .ifPresent(v -> messages.forEach(v::addErrorMessage)));
        }
        return result;
    }

    private static Optional<ConfigValue> valueOf(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst();
    }
}
