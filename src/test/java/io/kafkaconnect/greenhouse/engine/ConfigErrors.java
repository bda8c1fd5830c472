package io.kafkaconnect.greenhouse.engine;

import java.util.List;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/** The error messages a connector's {@code validate()} put on its settings. */
public final class ConfigErrors {
    private ConfigErrors() {
    }

    /** The errors on {@code key}. */
    public static List<String> of(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }

    /** The errors on every setting. */
    public static List<String> all(Config config) {
        return config.configValues().stream().flatMap(v -> v.errorMessages().stream()).toList();
    }
}
