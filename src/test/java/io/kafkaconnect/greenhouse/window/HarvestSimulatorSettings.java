package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import java.util.HashMap;
import java.util.Map;

/** The connector settings that reach a {@link HarvestSimulator} with either API version's credentials. */
final class HarvestSimulatorSettings {
    private HarvestSimulatorSettings() {
    }

    /**
     * {@code v1}: the API key {@code key}; {@code v3}: the OAuth client {@code key} with {@code secret}, from the
     * simulator's token endpoint. A mutable map, for the caller's other settings.
     */
    static Map<String, String> of(String version, HarvestSimulator sim, String key, String secret) {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", version);
        if (version.equals("v1")) {
            props.put("greenhouse.api.key", key);
        } else {
            props.put("greenhouse.oauth.client.id", key);
            props.put("greenhouse.oauth.client.secret", secret);
            props.put("greenhouse.oauth.token.url", sim.tokenUrl());
        }
        props.put("greenhouse.base.url", sim.baseUrl());
        return props;
    }
}
