package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * What every connector of this plugin does the same way: resources are the units of work (each is read by exactly
 * one task), offsets are validated before the worker stores them, and validate() checks fields, then settings
 * against each other, then the API itself.
 */
public abstract class EngineSourceConnector extends SourceConnector {
    private Map<String, String> props;
    private EngineConfig config;

    /**
     * Parses a connector configuration.
     *
     * @param crossFieldChecks false to parse field by field only (validate() reports cross-field problems per key)
     */
    protected abstract EngineConfig parse(Map<String, String> props, boolean crossFieldChecks);

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = new HashMap<>(props);
        this.config = parse(props, true);
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> names = config.resources().stream().map(Resource::name).toList();
        int groups = Math.max(1, Math.min(maxTasks, names.size()));
        List<Map<String, String>> configs = new ArrayList<>(groups);
        for (List<String> group : ConnectorUtils.groupPartitions(names, groups)) {
            Map<String, String> task = new HashMap<>(props);
            task.put(EngineConfig.TASK_RESOURCES, String.join(",", group));
            task.put(EngineConfig.TASK_COUNT, String.valueOf(groups));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    /**
     * Replay from a committed offset is deterministic: a task resumes at the page after the last committed one, and
     * each poll returns exactly one page (or one batch), so with the worker's exactly-once support a page's records and
     * the offset after it are committed in one transaction.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Validates offsets written through the Connect REST API (KIP-875); a null offset resets a resource. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        OffsetAlterations.validate(parse(connectorConfig, false), offsets, Instant.now());
        return true;
    }

    /** Field checks first; cross-field checks only when every field is valid on its own; the live check last. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean fieldErrors = result.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty());
        if (fieldErrors) {
            return result;
        }
        EngineConfig parsed;
        try {
            parsed = parse(connectorConfigs, false);
        } catch (RuntimeException e) {
            return result; // already reported per field
        }
        Map<String, String> crossField = parsed.crossFieldProblems();
        crossField.forEach((key, message) -> valueOf(result, key)
                .ifPresent(v -> v.addErrorMessage(key + " " + message)));
        if (crossField.isEmpty()) {
            LiveCheck.run(parsed).forEach((key, messages) -> valueOf(result, key)
                    .ifPresent(v -> messages.forEach(v::addErrorMessage)));
        }
        return result;
    }

    private static Optional<ConfigValue> valueOf(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst();
    }
}
