package io.kafkaconnect.greenhouse.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The rules of {@code docker/monitoring/jmx-exporter.yml} applied the way the Prometheus JMX exporter (1.x,
 * {@code JmxCollector}) applies them: each MBean attribute becomes the text
 * {@code domain<key=value, ...><>attribute: value} (key properties in the order of the MBean's name, values as
 * written, quotes included), matched against {@code ^.*(?:pattern).*$}; the first rule that matches names the
 * series, its name made safe ({@code [^a-zA-Z0-9:_]} → {@code _}, no {@code __}), its labels and value taken from
 * the match.
 */
final class JmxExporterRules {
    static final Path FILE = Path.of("docker/monitoring/jmx-exporter.yml");
    private static final Pattern PROPERTY = Pattern.compile("([^,=:*?]+)=(\"(?:[^\\\\\"]*(?:\\\\.)?)*\"|[^,=:\"]*)");

    /** A series the exporter would expose. */
    record Series(String name, String type, Map<String, String> labels, double value) {
    }

    private record Rule(Pattern pattern, String name, String type, Map<String, String> labels, String value,
                        double valueFactor) {
    }

    private final List<Rule> rules = new ArrayList<>();

    private JmxExporterRules(JsonNode root) {
        for (JsonNode r : root.path("rules")) {
            Map<String, String> labels = new LinkedHashMap<>();
            r.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            rules.add(new Rule(Pattern.compile("^.*(?:" + r.path("pattern").asText() + ").*$"),
                    r.hasNonNull("name") ? r.get("name").asText() : null, r.path("type").asText("UNKNOWN"), labels,
                    r.hasNonNull("value") ? r.get("value").asText() : null, r.path("valueFactor").asDouble(1.0)));
        }
    }

    static JmxExporterRules load() {
        try {
            return new JmxExporterRules(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return rules.size();
    }

    /** Every rule names its series (a rule without a name would export the exporter's default names). */
    boolean everyRuleNamesItsSeries() {
        return rules.stream().allMatch(r -> r.name() != null && !r.name().isBlank());
    }

    /** The series of one attribute, or empty if no rule matches it (it is not exported). */
    Optional<Series> apply(ObjectName bean, String attribute, Object beanValue) {
        String text = matchText(bean, attribute, beanValue);
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            rule.labels().forEach((k, v) -> labels.put(safe(m.replaceAll(k)), m.replaceAll(v)));
            Object value = rule.value() != null ? Double.valueOf(m.replaceAll(rule.value())) : beanValue;
            if (!(value instanceof Number n)) {
                return Optional.empty(); // the exporter ignores what is not a number
            }
            return Optional.of(new Series(safe(m.replaceAll(rule.name())), rule.type(), labels,
                    n.doubleValue() * rule.valueFactor()));
        }
        return Optional.empty();
    }

    /** What the exporter matches rules against. */
    static String matchText(ObjectName bean, String attribute, Object value) {
        List<String> properties = new ArrayList<>();
        Matcher m = PROPERTY.matcher(bean.getKeyPropertyListString());
        int at = 0;
        while (at < bean.getKeyPropertyListString().length() && m.find(at) && m.start() == at) {
            properties.add(m.group(1) + "=" + m.group(2));
            at = m.end() + 1; // the comma
        }
        return bean.getDomain() + "<" + String.join(", ", properties) + "><>" + attribute + ": " + value;
    }

    /** The exporter's safe name: anything but letters, digits, ':' and '_' becomes '_', never two in a row. */
    static String safe(String name) {
        return name.replaceAll("[^a-zA-Z0-9:_]", "_").replaceAll("__+", "_");
    }
}
