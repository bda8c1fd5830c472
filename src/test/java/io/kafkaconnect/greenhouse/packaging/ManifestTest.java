package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * ./manifest.json is a complete Confluent Hub manifest, and the pom's kafka-connect-maven-plugin configuration
 * holds nothing that could disagree with it: only the values that name the archive (checked against the
 * manifest) and the plugin's required parameters. {@link HubComponentIT} checks the built zip.
 */
class ManifestTest {
    private static final Set<String> KNOWN_KEYS = Set.of("name", "version", "title", "description", "logo",
            "documentation_url", "source_url", "owner", "support", "tags", "requirements", "features",
            "docker_image", "license", "component_types", "release_date");
    private static final Set<String> KNOWN_FEATURES = Set.of("supported_encodings", "single_message_transforms",
            "confluent_control_center_integration", "kafka_connect_api", "delivery_guarantee");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{2,255}");

    @Test
    void theManifestIsCompleteAndOnlyTheVersionIsLeftToTheBuild() {
        JsonNode m = HubManifest.template();
        List<String> unknown = new ArrayList<>();
        m.fieldNames().forEachRemaining(k -> {
            if (!KNOWN_KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        assertThat(unknown).as("keys a Hub manifest does not have (typo?)").isEmpty();
        for (String key : List.of("name", "version", "title", "description", "documentation_url", "source_url")) {
            assertThat(m.path(key).asText()).as(key).isNotBlank();
        }
        assertThat(m.path("version").asText()).as("the build fills in the version")
                .isEqualTo(HubManifest.VERSION_PLACEHOLDER);
        Matcher placeholders = Pattern.compile("\\$\\{[^}]*}").matcher(HubManifest.text());
        List<String> found = new ArrayList<>();
        while (placeholders.find()) {
            found.add(placeholders.group());
        }
        assertThat(found).as("the only placeholder the build fills in").containsExactly(HubManifest.VERSION_PLACEHOLDER);

        assertThat(m.path("name").asText()).matches(NAME);
        assertThat(m.path("owner").path("username").asText()).matches(NAME);
        assertThat(m.path("owner").path("type").asText()).isIn("user", "organization");
        assertThat(m.path("component_types")).extracting(JsonNode::asText).containsExactly("source");
        assertThat(m.path("tags")).isNotEmpty();
        assertThat(m.path("requirements")).isNotEmpty();
        assertThat(m.path("license")).isNotEmpty().allSatisfy(l -> {
            assertThat(l.path("name").asText()).isNotBlank();
            assertThat(l.path("url").asText()).startsWith("https://");
        });
        JsonNode features = m.path("features");
        features.fieldNames().forEachRemaining(k -> assertThat(KNOWN_FEATURES).as("feature key").contains(k));
        assertThat(features.path("supported_encodings")).isNotEmpty();
        features.path("delivery_guarantee").forEach(g -> assertThat(g.asText()).isIn("at_least_once", "exactly_once"));
    }

    @Test
    void thePluginConfigurationOnlyNamesTheArchiveAndAgreesWithTheManifest() {
        Pom pom = Pom.load();
        JsonNode m = HubManifest.template();
        Element plugin = pom.plugin("kafka-connect-maven-plugin");
        assertThat(plugin).as("kafka-connect-maven-plugin in build/plugins").isNotNull();
        Element config = pom.executionConfiguration(plugin);
        List<String> keys = Pom.children(config).stream().map(Element::getTagName).toList();
        assertThat(keys).as("Hub metadata belongs in manifest.json, not in the plugin configuration")
                .containsExactlyInAnyOrder("ownerUsername", "name", "componentTypes", "description");

        assertThat(pom.resolve(Pom.text(Pom.child(config, "ownerUsername"))))
                .isEqualTo(m.path("owner").path("username").asText());
        assertThat(pom.resolve(Pom.text(Pom.child(config, "name")))).isEqualTo(m.path("name").asText());
        List<String> types = Pom.children(Pom.child(config, "componentTypes")).stream().map(Pom::text).toList();
        List<String> manifestTypes = new ArrayList<>();
        m.path("component_types").forEach(t -> manifestTypes.add(t.asText()));
        assertThat(types).isEqualTo(manifestTypes);

        String version = pom.property("project.version");
        assertThat(pom.resolve("${hub.component}")).as("hub.component, used to patch the zip")
                .isEqualTo(HubManifest.componentName(version));
    }

    @Test
    void theManifestNamesItsLogoItsReleaseDateAndRealUrls() {
        JsonNode m = HubManifest.template();
        Pom pom = Pom.load();
        assertThat(m.path("logo").asText()).as("logo, put into the component by the build")
                .isEqualTo("assets/" + pom.property("hub.logo"));
        assertThat(HubManifest.logoSource()).isRegularFile();
        assertThat(m.path("release_date").asText()).as("release_date (yyyy-MM-dd)").matches("\\d{4}-\\d{2}-\\d{2}");
        LocalDate released = LocalDate.parse(m.path("release_date").asText());
        assertThat(released).as("release_date").isBeforeOrEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1));

        String source = m.path("source_url").asText();
        assertThat(source).startsWith("https://github.com/");
        assertThat(m.path("documentation_url").asText()).startsWith(source);
        assertThat(m.path("support").path("url").asText()).startsWith(source);
        assertThat(m.path("support").path("summary").asText()).isNotBlank();
        assertThat(m.path("support").path("provider_name").asText()).isNotBlank();
        assertThat(m.path("owner").path("url").asText()).startsWith("https://");

        // the pom says the same: Maven Central's required metadata
        Element project = pom.project();
        assertThat(Pom.text(Pom.child(project, "url"))).isEqualTo(source);
        assertThat(Pom.text(Pom.child(Pom.child(project, "scm"), "url"))).isEqualTo(source);
        assertThat(Pom.children(Pom.child(project, "developers"))).isNotEmpty();
        List<Element> licenses = Pom.children(Pom.child(project, "licenses"));
        assertThat(licenses).hasSize(m.path("license").size());
        for (int i = 0; i < licenses.size(); i++) {
            JsonNode license = m.path("license").get(i);
            assertThat(Pom.text(Pom.child(licenses.get(i), "name"))).isEqualTo(license.path("name").asText());
            assertThat(Pom.text(Pom.child(licenses.get(i), "url"))).isEqualTo(license.path("url").asText());
        }
    }

    @Test
    void theLicenseAndNoticeFilesAreThereAndTheLicenseIsTheOneTheManifestNames() throws IOException {
        String license = Files.readString(Path.of("LICENSE"));
        assertThat(license).contains("Apache License", "Version 2.0, January 2004",
                "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS");
        assertThat(HubManifest.template().path("license").get(0).path("url").asText())
                .isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(Files.readString(Path.of("NOTICE"))).startsWith(HubManifest.template().path("name").asText())
                .contains("Apache License, Version 2.0");
    }

    @Test
    void theBuildCopiesTheManifestIntoTheComponent() {
        Pom pom = Pom.load();
        assertThat(pom.executionIds(pom.plugin("maven-resources-plugin"))).contains("hub-manifest");
        assertThat(pom.executionIds(pom.plugin("maven-antrun-plugin"))).contains("hub-manifest-into-zip", "hub-tar-gz");
    }
}
