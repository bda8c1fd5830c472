package io.kafkaconnect.greenhouse.harvest.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Empty, or a positive integer: the numeric id of a Greenhouse user. */
public final class UserIdValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return;
        }
        String v = value.toString().trim();
        if (!v.matches("[1-9][0-9]{0,18}")) {
            throw new ConfigException(name, value, "must be the numeric id of a Greenhouse user (the number in "
                    + "/account/users/<id>), or empty");
        }
    }

    @Override
    public String toString() {
        return "a numeric Greenhouse user id, or empty";
    }
}
