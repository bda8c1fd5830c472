package io.kafkaconnect.greenhouse.harvest.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The API generations this connector speaks. */
public final class ApiVersionValidator implements ConfigDef.Validator {
    static final List<String> SUPPORTED = List.of("v1", "v3");

    @Override
    public void ensureValid(String name, Object value) {
        String v = value == null ? "" : value.toString().trim();
        if (!SUPPORTED.contains(v)) {
            throw new ConfigException(name, value, "must be v3 (Harvest v3, OAuth; the default) or v1 (Harvest v1, "
                    + "API key)");
        }
    }

    @Override
    public String toString() {
        return "v3 or v1";
    }
}
