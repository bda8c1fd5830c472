package io.kafkaconnect.greenhouse.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A number of milliseconds with a floor; its message says why the floor is there. */
final class MillisAtLeast implements ConfigDef.Validator {
    private final long min;
    private final String why;

    MillisAtLeast(long min, String why) {
        this.min = min;
        this.why = why;
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof Number n) || n.longValue() < min) {
            throw new ConfigException(name, value, "must be at least " + min + " ms: " + why);
        }
    }

    @Override
    public String toString() {
        return "[" + min + ",...]";
    }
}
