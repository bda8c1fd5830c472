package io.kafkaconnect.greenhouse.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The top-level {@code manifest.json}: the one source of the Confluent Hub component manifest. The build copies
 * it, with {@value #VERSION_PLACEHOLDER} filled in, over the manifest the kafka-connect-maven-plugin writes, into
 * {@code target/manifest.json}, {@code target/components/packages/<component>/} and the zip.
 */
public final class HubManifest {
    public static final Path FILE = Path.of("manifest.json");
    public static final String VERSION_PLACEHOLDER = "${project.version}";
    /** Where the files the manifest names inside the component (its {@code logo}) come from. */
    public static final Path SOURCES = Path.of("src/hub");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubManifest() {
    }

    /** The file as written (with the placeholder). */
    public static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source of the manifest's logo: {@code src/hub/<logo>}. */
    public static Path logoSource() {
        return SOURCES.resolve(template().path("logo").asText());
    }

    public static JsonNode template() {
        try {
            return JSON.readTree(text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest the built component must carry: the template with {@code version} set. */
    public static JsonNode expected(String projectVersion) {
        ObjectNode m = (ObjectNode) template();
        m.put("version", projectVersion);
        return m;
    }

    /** {@code <owner.username>-<name>-<version>}: the component's directory inside the zip and the zip's name. */
    public static String componentName(String projectVersion) {
        JsonNode m = template();
        return m.path("owner").path("username").asText() + "-" + m.path("name").asText() + "-" + projectVersion;
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
