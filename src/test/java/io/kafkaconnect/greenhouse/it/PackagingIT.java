package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The Confluent Hub zip that `mvn package` builds: a plugin.path entry with nothing the worker provides. */
class PackagingIT {

    private static Path zip() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/components/packages"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no zip under target/components/packages: run mvn package"));
        }
    }

    @Test
    void libHoldsTheConnectorAndItsRuntimeDependenciesOnly() throws IOException {
        List<String> lib = new ArrayList<>();
        List<String> all = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(name -> {
                all.add(name);
                if (name.matches("[^/]+/lib/[^/]+\\.jar")) {
                    lib.add(name.substring(name.lastIndexOf('/') + 1));
                }
            });
        }
        assertThat(all).anyMatch(n -> n.endsWith("/manifest.json"));
        assertThat(lib).anyMatch(n -> n.startsWith("kafka-connect-greenhouse-"))
                .anyMatch(n -> n.startsWith("okhttp-jvm-"))
                .anyMatch(n -> n.startsWith("okio-jvm-"))
                .anyMatch(n -> n.startsWith("kotlin-stdlib-"))
                .anyMatch(n -> n.startsWith("jackson-databind-"));
        assertThat(lib).as("nothing the worker provides").noneMatch(n -> n.startsWith("kafka-clients")
                || n.startsWith("connect-") || n.startsWith("slf4j") || n.startsWith("log4j"));
    }

    @Test
    void theConnectorJarCarriesTheServiceManifestAndVersion() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("kafka-connect-greenhouse-.*\\.jar"))
                    .findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry services = zip.getEntry("META-INF/services/org.apache.kafka.connect.source.SourceConnector");
            assertThat(services).isNotNull();
            assertThat(new String(zip.getInputStream(services).readAllBytes()))
                    .contains("io.kafkaconnect.greenhouse.GreenhouseSourceConnector",
                            "io.kafkaconnect.greenhouse.AshbySourceConnector");
            String version = new String(zip.getInputStream(zip.getEntry("kafka-connect-greenhouse-version.properties"))
                    .readAllBytes());
            assertThat(version).doesNotContain("${").contains("version=");
        }
    }
}
