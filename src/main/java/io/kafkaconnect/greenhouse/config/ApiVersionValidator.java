package io.kafkaconnect.greenhouse.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The API generations this connector speaks. */
public final class ApiVersionValidator implements ConfigDef.Validator {
    static final List<String> SUPPORTED = List.of("v1");

    @Override
    public void ensureValid(String name, Object value) {
        String v = value == null ? "" : value.toString().trim();
        if (v.equals("v3")) {
            throw new ConfigException(name, value, "Harvest v3 is not supported by this version of the connector yet; "
                    + "use v1 with greenhouse.api.key");
        }
        if (!SUPPORTED.contains(v)) {
            throw new ConfigException(name, value, "must be one of " + SUPPORTED);
        }
    }

    @Override
    public String toString() {
        return "v1 (v3 is planned)";
    }
}
