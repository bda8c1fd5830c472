package io.kafkaconnect.greenhouse.packaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.engine.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The Confluent Hub component that {@code mvn package} builds carries ./manifest.json with the project's version
 * filled in (in the zip, in the unpacked directory next to it, and in target/manifest.json), is named after that
 * manifest, holds LICENSE, NOTICE, the logo and config/'s examples and nothing demo- or simulator-only; the
 * .tar.gz next to it holds the same files, and both have a SHA-512 file that matches.
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

    /** config/'s files (not its subdirectories, such as strimzi/), without the demo-only one: the component's etc/. */
    private static List<String> configFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(DEMO_ONLY_CONFIG)).toList();
        }
    }

    @Test
    void nothingDemoOrSimulatorOnlyIsInTheZip() throws IOException {
        List<String> etc = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String name = e.getName();
                if (name.startsWith(component() + "/etc/") && !name.equals(component() + "/etc/")) {
                    etc.add(name.substring((component() + "/etc/").length()));
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
        assertThat(etc).as("etc/ holds config/'s files without the demo-only connector config, and no directory")
                .doesNotContain(DEMO_ONLY_CONFIG).isNotEmpty();
        assertThat(etc).containsExactlyInAnyOrderElementsOf(configFiles());
        Path unpackedEtc = Path.of("target/components/packages", component(), component(), "etc");
        assertThat(unpackedEtc.resolve(DEMO_ONLY_CONFIG)).doesNotExist();
        assertThat(unpackedEtc.resolve("strimzi")).doesNotExist();
    }

    @Test
    void theZipCarriesTheLicenseTheNoticeTheLogoAndTheV3Examples() throws IOException {
        Map<String, byte[]> zip = HubArchives.zipEntries(zip());
        String c = component() + "/";
        assertThat(zip).containsKeys(c + "doc/LICENSE", c + "doc/NOTICE");
        for (String file : List.of("LICENSE", "NOTICE")) {
            assertThat(new String(zip.get(c + "doc/" + file), UTF_8)).as("doc/" + file)
                    .isEqualTo(Files.readString(Path.of(file)));
        }
        String logo = HubManifest.template().path("logo").asText();
        assertThat(zip.get(c + logo)).as("the manifest's logo, " + logo)
                .isEqualTo(Files.readAllBytes(HubManifest.logoSource()));
        assertThat(zip).containsKeys(c + "etc/greenhouse-source-v3.json", c + "etc/greenhouse-source-v3.properties");

        String notice = Files.readString(Path.of("NOTICE"));
        List<String> unnamed = new ArrayList<>();
        for (String name : zip.keySet()) {
            if (name.matches("[^/]+/lib/[^/]+\\.jar") && !name.contains("/lib/kafka-connect-greenhouse-")) {
                String artifact = name.substring(name.lastIndexOf('/') + 1).replaceFirst("-[0-9][^-]*\\.jar$", "");
                if (!notice.contains(":" + artifact + " ")) {
                    unnamed.add(artifact);
                }
            }
        }
        assertThat(unnamed).as("bundled libraries NOTICE does not name (groupId:artifactId)").isEmpty();
    }

    @Test
    void theTarGzHoldsTheSameComponentAsTheZipAndItsSha512FileMatches() throws IOException {
        Path tarGz = Path.of("target/components/packages", component() + ".tar.gz");
        assertThat(tarGz).exists();
        Map<String, byte[]> zip = HubArchives.zipEntries(zip());
        Map<String, byte[]> tar = HubArchives.tarGzEntries(tarGz);
        assertThat(tar.keySet()).containsExactlyInAnyOrderElementsOf(zip.keySet());
        List<String> differing = zip.keySet().stream().filter(n -> !Arrays.equals(zip.get(n), tar.get(n))).toList();
        assertThat(differing).as("entries whose content differs between the zip and the tar.gz").isEmpty();

        for (Path archive : List.of(tarGz, zip())) {
            Path sha = Path.of(archive + ".sha512");
            assertThat(Files.readString(sha).strip()).as(sha.toString())
                    .isEqualTo(HubArchives.sha512(archive) + "  " + archive.getFileName());
        }
    }
}
