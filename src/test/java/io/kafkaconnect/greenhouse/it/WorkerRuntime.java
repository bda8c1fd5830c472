package io.kafkaconnect.greenhouse.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.connect.runtime.Worker;
import org.apache.kafka.connect.source.SourceTaskContext;

/**
 * The Kafka Connect worker these tests run: the version the build names ({@code connect.runtime.version}, which
 * Failsafe passes on; see pom.xml and the README's compatibility matrix), checked against the jars actually loaded,
 * so that a matrix entry cannot pass on another worker than it claims.
 */
final class WorkerRuntime {
    private static final List<Class<?>> FROM_THE_WORKER = List.of(Worker.class, SourceTaskContext.class,
            KafkaProducer.class);

    private WorkerRuntime() {
    }

    /** The worker's Kafka version; fails if connect-runtime, connect-api or kafka-clients are of another one. */
    static String version() {
        String version = kafkaClientsVersion();
        String asked = System.getProperty("connect.runtime.version");
        if (asked != null && !asked.equals(version)) {
            throw new IllegalStateException("The build asks for Kafka " + asked + " but the tests run " + version);
        }
        for (Class<?> type : FROM_THE_WORKER) {
            String jar = jarOf(type);
            if (!jar.endsWith("-" + version + ".jar")) {
                throw new IllegalStateException(type.getName() + " comes from " + jar + ", not from Kafka " + version);
            }
        }
        return version;
    }

    /** Whether the worker offers plugin metrics (KIP-877: Kafka 4.1 and later). */
    static boolean hasPluginMetrics() {
        String[] parts = version().split("[.-]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 4 || major == 4 && minor >= 1;
    }

    /** What kafka-clients says its version is (its AppInfoParser moved between 4.3 and 4.4: read its source). */
    private static String kafkaClientsVersion() {
        try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
