package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.engine.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The Confluent Hub component that {@code mvn package} builds carries ./manifest.json with the project's version
 * filled in (in the zip, in the unpacked directory next to it, and in target/manifest.json), is named after that
 * manifest, and holds nothing demo- or simulator-only.
 */
class HubComponentIT {
    private static final String DEMO_ONLY_CONFIG = "greenhouse-source-avro.json";

    private static String component() {
        return HubManifest.componentName(Version.get());
    }

    private static Path zip() {
        return Path.of("target/components/packages", component() + ".zip");
    }

    @Test
    void theZipCarriesTheTopLevelManifestWithTheVersionFilledIn() throws IOException {
        assertThat(Version.get()).isNotEqualTo("unknown").doesNotContain("${");
        assertThat(zip()).as("the zip is named <owner.username>-<name>-<version> of manifest.json").exists();
        JsonNode expected = HubManifest.expected(Version.get());
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            List<ZipEntry> manifests = zip.stream().filter(e -> e.getName().endsWith("manifest.json"))
                    .map(ZipEntry.class::cast).toList();
            assertThat(manifests).extracting(ZipEntry::getName).containsExactly(component() + "/manifest.json");
            try (InputStream in = zip.getInputStream(manifests.get(0))) {
                assertThat(HubManifest.parse(in.readAllBytes()))
                        .as("manifest.json in the zip vs ./manifest.json with the version filled in").isEqualTo(expected);
            }
        }
        Path unpacked = Path.of("target/components/packages", component(), component(), "manifest.json");
        assertThat(HubManifest.parse(Files.readAllBytes(unpacked))).as(unpacked.toString()).isEqualTo(expected);
        assertThat(HubManifest.parse(Files.readAllBytes(Path.of("target/manifest.json")))).isEqualTo(expected);
    }

    @Test
    void nothingDemoOrSimulatorOnlyIsInTheZip() throws IOException {
        List<String> etc = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String name = e.getName();
                if (name.startsWith(component() + "/etc/") && !e.isDirectory()) {
                    etc.add(name.substring(name.lastIndexOf('/') + 1));
                }
                if (name.matches("[^/]+/lib/[^/]+\\.jar")) {
                    String jar = name.substring(name.lastIndexOf('/') + 1);
                    if (jar.matches("(?i).*(tests|simulator|testcontainers|snakeyaml|dataformat-yaml|junit|assertj).*")) {
                        problems.add("lib/" + jar);
                    }
                    try (ZipInputStream in = new ZipInputStream(zip.getInputStream(e))) {
                        for (ZipEntry c; (c = in.getNextEntry()) != null; ) {
                            if (c.getName().matches("io/kafkaconnect/greenhouse/(simulator|packaging|demo|it|benchmark)/.*")) {
                                problems.add("lib/" + jar + "!/" + c.getName());
                            }
                        }
                    }
                }
            }
        }
        assertThat(problems).as("test-scope code in the plugin").isEmpty();
        assertThat(etc).as("etc/ holds config/ without the demo-only connector config")
                .doesNotContain(DEMO_ONLY_CONFIG).isNotEmpty();
        List<String> configs;
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            configs = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(DEMO_ONLY_CONFIG)).toList();
        }
        assertThat(etc).containsExactlyInAnyOrderElementsOf(configs);
        assertThat(Path.of("target/components/packages", component(), component(), "etc", DEMO_ONLY_CONFIG))
                .doesNotExist();
    }
}
