package io.kafkaconnect.greenhouse.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Empty, or an ISO-8601 instant such as 2024-01-01T00:00:00Z. */
public final class InstantValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return;
        }
        try {
            Instant.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(name, value, "must be an ISO-8601 instant in UTC, e.g. 2024-01-01T00:00:00Z");
        }
    }

    @Override
    public String toString() {
        return "ISO-8601 instant, e.g. 2024-01-01T00:00:00Z, or empty";
    }
}
