package io.kafkaconnect.greenhouse.docs;

import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Writes {@code docs/configuration.md} from the ConfigDef, so the reference can never fall behind the code.
 * Run: {@code mvn -q compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.kafkaconnect.greenhouse.docs.ConfigDocs -Dexec.args=docs/configuration.md}
 */
public final class ConfigDocs {
    private ConfigDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    /** The reference of both connectors. */
    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n")
                .append("Generated from the connectors' ConfigDefs by `ConfigDocs`; do not edit by hand. ")
                .append("Regenerate with\n`mvn -q compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.kafkaconnect.greenhouse.docs.ConfigDocs ")
                .append("-Dexec.args=docs/configuration.md`.\n\n")
                .append("Besides these keys, the usual Kafka Connect connector keys apply (`name`, `connector.class`, ")
                .append("`tasks.max`, converters, `transforms`, `topic.creation.*`, `exactly.once.support`, ...). ")
                .append("Password keys are shown as `[hidden]` by Connect; use a ConfigProvider (`${file:...}`, ")
                .append("`${env:...}`) to keep them out of the connector config. The two connectors share the keys ")
                .append("without a `greenhouse.`/`ashby.` prefix, with the same meaning.\n");
        render(md, "Greenhouse: `io.kafkaconnect.greenhouse.GreenhouseSourceConnector`",
                GreenhouseSourceConfig.CONFIG_DEF);
        render(md, "Ashby: `io.kafkaconnect.greenhouse.AshbySourceConnector`", AshbySourceConfig.CONFIG_DEF);
        return md.toString();
    }

    private static void render(StringBuilder md, String title, ConfigDef def) {
        md.append("\n# ").append(title).append("\n");
        Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            groups.computeIfAbsent(key.group == null ? "Other" : key.group, g -> new ArrayList<>()).add(key);
        }
        for (Map.Entry<String, List<ConfigDef.ConfigKey>> group : groups.entrySet()) {
            md.append("\n## ").append(group.getKey()).append("\n\n")
                    .append("| key | type | default | valid values | importance | description |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            for (ConfigDef.ConfigKey key : group.getValue()) {
                md.append("| `").append(key.name).append("` | ")
                        .append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(defaultText(key)).append(" | ")
                        .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                        .append(key.importance.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(cell(key.documentation)).append(" |\n");
            }
        }
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "none";
        }
        if (value instanceof Password) {
            return "[hidden]";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
