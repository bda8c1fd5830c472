package io.kafkaconnect.greenhouse.harvest.config;

import io.kafkaconnect.greenhouse.dialect.Resource;
import java.util.List;
import java.util.Map;

/** Offers the resource names of the chosen API version. */
final class ResourceRecommender implements org.apache.kafka.common.config.ConfigDef.Recommender {

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        Object version = parsedConfig.get(GreenhouseSourceConfig.API_VERSION);
        try {
            return HarvestDialects.forVersion(version == null ? GreenhouseSourceConfig.DEFAULT_API_VERSION
                            : version.toString().trim()).resources().stream()
                    .map(Resource::name).map(n -> (Object) n).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
    }
}
