package io.kafkaconnect.greenhouse.harvest.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Shows a key only with the Harvest API version it belongs to (a v3 user does not see the v1 API key, a v1 user not
 * the OAuth keys), and wherever it is set to something other than its default, so that the error saying it does
 * not belong stays in sight. With an unknown version every key shows.
 */
final class ApiVersionVisibility implements ConfigDef.Recommender {
    private final String version;
    private final Object defaultValue;

    ApiVersionVisibility(String version, Object defaultValue) {
        this.version = version;
        this.defaultValue = defaultValue;
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return List.of();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        Object chosen = parsedConfig.get(GreenhouseSourceConfig.API_VERSION);
        String chosenVersion = chosen == null ? GreenhouseSourceConfig.DEFAULT_API_VERSION : chosen.toString().trim();
        Object value = parsedConfig.get(name);
        boolean set = value != null && !value.toString().isBlank() && !Objects.equals(value, defaultValue);
        return version.equals(chosenVersion) || !HarvestDialects.isKnown(chosenVersion) || set;
    }
}
