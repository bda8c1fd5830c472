package io.kafkaconnect.greenhouse.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker/docker-compose.yml} read the way Compose reads it: variables ({@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR:?message}}, ...) interpolated from {@code docker/.env} (not from the
 * shell, so the result does not depend on who runs it), relative paths resolved against {@code docker/}.
 * Used by the static checks ({@link ComposeFileTest}) and by {@code ConfluentStackIT}, which starts the same
 * services with Testcontainers.
 */
public final class ComposeFile {
    public static final Path DOCKER_DIR = Path.of("docker");
    public static final Path FILE = DOCKER_DIR.resolve("docker-compose.yml");
    public static final Path ENV_FILE = DOCKER_DIR.resolve(".env");

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, String> env;
    private final JsonNode resolved;
    private final List<String> problems = new ArrayList<>();

    private ComposeFile(Map<String, String> env, JsonNode raw) {
        this.env = env;
        this.resolved = interpolate(raw, "");
    }

    public static ComposeFile load() {
        try {
            JsonNode raw = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
            return new ComposeFile(readEnvFile(ENV_FILE), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** KEY=VALUE lines of a Compose .env file (comments and blank lines skipped, optional quotes removed). */
    public static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ": not KEY=VALUE: " + line);
            }
            String value = t.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(t.substring(0, eq).strip(), value);
        }
        return out;
    }

    /** The variables of docker/.env. */
    public Map<String, String> env() {
        return env;
    }

    /** Variables used without a value and without a default, as "path: message". Empty when all is well. */
    public List<String> interpolationProblems() {
        return List.copyOf(problems);
    }

    /** The whole file after interpolation. */
    public JsonNode root() {
        return resolved;
    }

    public List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        resolved.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public JsonNode service(String name) {
        JsonNode s = resolved.path("services").get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service '" + name + "' in " + FILE);
        }
        return s;
    }

    /** The service's environment (map or KEY=VALUE list form), values as strings. */
    public Map<String, String> environment(String service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode e = service(service).path("environment");
        if (e.isObject()) {
            e.properties().forEach(f -> out.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText()));
        } else if (e.isArray()) {
            for (JsonNode item : e) {
                String[] kv = item.asText().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }

    /** Whether the service is built from a Dockerfile rather than pulled. */
    public boolean isBuilt(String service) {
        return service(service).has("build");
    }

    /** The build context directory, resolved against docker/ (Compose resolves it against the file's directory). */
    public Path buildContext(String service) {
        JsonNode build = service(service).path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        return DOCKER_DIR.resolve(context).normalize();
    }

    /** The Dockerfile, resolved against the build context. */
    public Path dockerfile(String service) {
        JsonNode build = service(service).path("build");
        String file = build.isObject() ? build.path("dockerfile").asText("Dockerfile") : "Dockerfile";
        return buildContext(service).resolve(file).normalize();
    }

    /** The build args (map or KEY=VALUE list form). */
    public Map<String, String> buildArgs(String service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode args = service(service).path("build").path("args");
        if (args.isObject()) {
            args.properties().forEach(f -> out.put(f.getKey(), f.getValue().asText()));
        } else if (args.isArray()) {
            for (JsonNode item : args) {
                String[] kv = item.asText().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : env.getOrDefault(kv[0], ""));
            }
        }
        return out;
    }

    /** The parsed Dockerfile of a built service. */
    public Dockerfile parsedDockerfile(String service) {
        return Dockerfile.parse(dockerfile(service));
    }

    // ------------------------------------------------------------------ interpolation

    private JsonNode interpolate(JsonNode node, String path) {
        if (node.isTextual()) {
            return new TextNode(interpolate(node.asText(), path));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                out.set(f.getKey(), interpolate(f.getValue(), path + "/" + f.getKey()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(interpolate(node.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        return node;
    }

    private String interpolate(String text, String path) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1) != null ? m.group(1) : m.group(4);
                String op = m.group(2);
                String arg = m.group(3) == null ? "" : m.group(3);
                String value = env.get(name);
                boolean unsetOrEmpty = value == null || value.isEmpty();
                if (op == null) {
                    if (value == null) {
                        problems.add(path + ": ${" + name + "} is not defined in " + ENV_FILE);
                    }
                    replacement = value == null ? "" : value;
                } else {
                    switch (op) {
                        case ":-" -> replacement = unsetOrEmpty ? arg : value;
                        case "-" -> replacement = value == null ? arg : value;
                        case ":?", "?" -> {
                            boolean missing = op.equals(":?") ? unsetOrEmpty : value == null;
                            if (missing) {
                                problems.add(path + ": ${" + name + "} is required (" + arg + ") but not set in "
                                        + ENV_FILE);
                            }
                            replacement = value == null ? "" : value;
                        }
                        case ":+" -> replacement = unsetOrEmpty ? "" : arg;
                        case "+" -> replacement = value == null ? "" : arg;
                        default -> throw new IllegalStateException(op);
                    }
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
