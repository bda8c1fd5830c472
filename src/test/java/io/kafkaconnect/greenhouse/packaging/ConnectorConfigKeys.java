package io.kafkaconnect.greenhouse.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.SourceConnectorConfig;

/**
 * Whether a key of an example connector configuration means something: a key of the connector's own ConfigDef,
 * or one Kafka Connect reads for every source connector (its ConfigDef, and the prefixes of converter, transform,
 * predicate, client override and topic creation settings).
 */
final class ConnectorConfigKeys {
    static final Path SERVICES =
            Path.of("src/main/resources/META-INF/services/org.apache.kafka.connect.source.SourceConnector");
    private static final List<String> FRAMEWORK_PREFIXES = List.of("key.converter.", "value.converter.",
            "header.converter.", "transforms.", "predicates.", "producer.override.", "admin.override.",
            SourceConnectorConfig.TOPIC_CREATION_PREFIX + "default.");

    private ConnectorConfigKeys() {
    }

    /** The source connector classes this plugin declares. */
    static Set<String> connectorClasses() {
        try {
            return Set.copyOf(Files.readAllLines(SERVICES).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connector's own ConfigDef ({@link Connector#config()}). */
    static ConfigDef connectorConfigDef(String connectorClass) {
        try {
            return ((Connector) Class.forName(connectorClass).getDeclaredConstructor().newInstance()).config();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot instantiate connector " + connectorClass, e);
        }
    }

    /** The keys neither the connector nor Kafka Connect knows. */
    static List<String> unknown(String connectorClass, Collection<String> keys) {
        Set<String> own = connectorConfigDef(connectorClass).names();
        Set<String> framework = SourceConnectorConfig.configDef().names();
        return keys.stream().filter(k -> !own.contains(k) && !framework.contains(k)
                && FRAMEWORK_PREFIXES.stream().noneMatch(k::startsWith)).toList();
    }
}
