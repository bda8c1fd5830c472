package io.kafkaconnect.greenhouse.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A prefix that makes legal topic names: letters, digits, '.', '_' and '-'. */
public final class TopicPrefixValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        String v = value == null ? "" : value.toString();
        if (v.isEmpty() || v.length() > 200 || !v.matches("[a-zA-Z0-9._-]+")) {
            throw new ConfigException(name, value, "must be 1 to 200 characters of letters, digits, '.', '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return "letters, digits, '.', '_', '-'";
    }
}
