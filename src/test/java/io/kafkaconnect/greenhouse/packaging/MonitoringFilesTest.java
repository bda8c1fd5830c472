package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kafkaconnect.greenhouse.packaging.JmxExporterRules.Series;
import io.kafkaconnect.greenhouse.packaging.PluginMetricBeans.Attribute;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the monitoring files (no Docker engine, no Prometheus needed): the JMX exporter rules export
 * every metric a task registers, under the names docs/monitoring.md gives; the dashboard and the alerts use only
 * series the rules produce; the Prometheus, Grafana and compose files refer to each other correctly.
 */
class MonitoringFilesTest {
    private static final Path MONITORING = Path.of("docker/monitoring");
    private static final Path DOCS = Path.of("docs/monitoring.md");
    private static final Path DASHBOARDS = MONITORING.resolve("grafana/dashboards");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Connector names as users pick them: one JMX takes as it is, one it quotes (it holds a ':'). */
    private static final List<String> CONNECTORS = List.of("greenhouse-prod", "hr:greenhouse");
    /** A PromQL metric name of ours or of Connect's: what the rules must produce. */
    private static final Pattern OUR_SERIES = Pattern.compile("\\b(greenhouse_[a-z_]+|kafka_connect_[a-z_]+)\\b");
    /** Connect's task status MBean, as a worker registers it (MetricsIT reads it on a real one). */
    static final String TASK_STATUS_BEAN = "kafka.connect:type=connector-task-metrics,connector=%s,task=%s";

    private static final Map<String, List<Attribute>> BEANS = new HashMap<>();
    private static final JmxExporterRules RULES = JmxExporterRules.load();

    @BeforeAll
    static void registerTheMetricsOfATask() throws Exception {
        for (String connector : CONNECTORS) {
            BEANS.put(connector, PluginMetricBeans.of(connector, "jobs,candidates"));
        }
    }

    /** A metric, by its JMX attribute, and whether it is a resource's. */
    private record Metric(String name, boolean perResource) {
    }

    /** What the rules make of each metric of {@code connector}'s task (empty: not exported). */
    private static Map<Attribute, Optional<Series>> exported(String connector) {
        Map<Attribute, Optional<Series>> out = new LinkedHashMap<>();
        for (Attribute a : BEANS.get(connector)) {
            out.put(a, RULES.apply(a.bean(), a.name(), a.value()));
        }
        return out;
    }

    /** Every series the rules produce of the metrics a task registers, and of Connect's task status. */
    private static Set<String> producedNames() throws Exception {
        Set<String> names = new HashSet<>();
        for (String connector : CONNECTORS) {
            exported(connector).values().forEach(s -> s.ifPresent(series -> names.add(series.name())));
        }
        names.add(taskStatus("greenhouse-prod", "running").orElseThrow().name());
        return names;
    }

    private static Optional<Series> taskStatus(String connector, String status) throws Exception {
        ObjectName bean = new ObjectName(String.format(TASK_STATUS_BEAN, ObjectName.quote(connector), "0"));
        if (connector.matches("[\\w-.]+")) {
            bean = new ObjectName(String.format(TASK_STATUS_BEAN, connector, "0"));
        }
        return RULES.apply(bean, "status", status);
    }

    @Test
    void theTaskRegistersPerTaskAndPerResourceMetrics() {
        List<Attribute> beans = BEANS.get("greenhouse-prod");
        assertThat(beans).extracting(a -> a.bean().getKeyProperty("resource")).contains(null, "jobs", "candidates");
        assertThat(beans).extracting(Attribute::name).contains("requests-total", "lag-ms", "progress-pages");
        assertThat(BEANS.get("hr:greenhouse")).as("JMX quotes this name").isNotEmpty()
                .allSatisfy(a -> assertThat(a.bean().getKeyProperty("connector")).isEqualTo("\"hr:greenhouse\""));
    }

    @Test
    void theExporterRulesExportEveryMetricWithItsConnectorTaskAndResource() {
        assertThat(RULES.everyRuleNamesItsSeries()).isTrue();
        for (String connector : CONNECTORS) {
            Set<String> seen = new HashSet<>();
            exported(connector).forEach((attribute, series) -> {
                String what = attribute.bean() + " " + attribute.name();
                assertThat(series).as(what + " is exported").isPresent();
                Series s = series.orElseThrow();
                assertThat(s.name()).as(what).startsWith("greenhouse_");
                assertThat(s.labels()).as(what).containsEntry("connector", connector).containsEntry("task", "0");
                String resource = attribute.bean().getKeyProperty("resource");
                if (resource != null) {
                    assertThat(s.labels()).as(what).containsEntry("resource", resource);
                } else {
                    assertThat(s.labels()).as(what).doesNotContainKey("resource");
                }
                // the exporter (1.x, client_java's naming) strips "_total" from every name and exposes it again on
                // counters only: a GAUGE named ..._total would be scraped without it
                assertThat(s.name().endsWith("_total")).as(what + ": a counter is COUNTER, and only a counter")
                        .isEqualTo(s.type().equals("COUNTER"));
                assertThat(seen.add(s.name() + s.labels())).as(what + " gets a series of its own").isTrue();
            });
        }
    }

    @Test
    void msBecomeSecondsAndOtherValuesStayAsTheyAre() {
        ObjectName bean = BEANS.get("greenhouse-prod").stream().map(Attribute::bean)
                .filter(b -> "jobs".equals(b.getKeyProperty("resource"))).findFirst().orElseThrow();
        assertThat(RULES.apply(bean, "lag-ms", 90_000.0)).get()
                .satisfies(s -> assertThat(s.name()).isEqualTo("greenhouse_lag_seconds"))
                .satisfies(s -> assertThat(s.value()).isEqualTo(90.0));
        assertThat(RULES.apply(bean, "records-sent-total", 7L)).get()
                .satisfies(s -> assertThat(s.value()).isEqualTo(7.0));
    }

    @Test
    void connectsTaskStatusBecomesOneSeriesLabelledWithIt() throws Exception {
        for (String connector : CONNECTORS) {
            Series failed = taskStatus(connector, "failed").orElseThrow();
            assertThat(failed.name()).isEqualTo("kafka_connect_connector_task_status");
            assertThat(failed.labels()).containsEntry("connector", connector).containsEntry("task", "0")
                    .containsEntry("status", "failed");
            assertThat(failed.value()).isEqualTo(1.0);
        }
    }

    // ------------------------------------------------------------------ docs/monitoring.md

    /** The rows of the metric tables of docs/monitoring.md: metric → its cells (Prometheus, meaning, unit). */
    private static Map<Metric, List<String>> documented() throws IOException {
        Map<Metric, List<String>> out = new LinkedHashMap<>();
        Boolean perResource = null;
        for (String line : Files.readAllLines(DOCS)) {
            if (line.startsWith("#")) {
                perResource = line.equals("### Per resource") ? Boolean.TRUE
                        : line.equals("### Per task") ? Boolean.FALSE : null;
            } else if (perResource != null && line.startsWith("| `")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split(" \\| ")) {
                    cells.add(cell.strip());
                }
                out.put(new Metric(cells.get(0).replace("`", ""), perResource), cells.subList(1, cells.size()));
            }
        }
        return out;
    }

    @Test
    void monitoringMdListsEveryMetricWithItsPrometheusSeriesMeaningAndUnitAndNothingElse() throws Exception {
        Map<Metric, List<String>> docs = documented();
        Map<Metric, String> registered = new TreeMap<>((a, b) -> (a.perResource() + a.name())
                .compareTo(b.perResource() + b.name()));
        exported("greenhouse-prod").forEach((attribute, series) -> {
            Series s = series.orElseThrow();
            Map<String, String> extra = new LinkedHashMap<>(s.labels());
            List.of("connector", "task", "resource").forEach(extra::remove);
            String prometheus = s.name() + (extra.isEmpty() ? "" : extra.entrySet().stream()
                    .map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(",", "{", "}")));
            registered.put(new Metric(attribute.name(), attribute.bean().getKeyProperty("resource") != null),
                    "`" + prometheus + "`");
        });
        assertThat(docs.keySet()).as("the metrics docs/monitoring.md lists")
                .containsExactlyInAnyOrderElementsOf(registered.keySet());
        registered.forEach((metric, prometheus) -> {
            List<String> cells = docs.get(metric);
            assertThat(cells).as(metric.name()).hasSize(3);
            assertThat(cells.get(0)).as("the Prometheus series of " + metric.name()).isEqualTo(prometheus);
            assertThat(cells.get(1)).as("the meaning of " + metric.name()).isNotBlank();
            assertThat(cells.get(2)).as("the unit of " + metric.name()).isNotBlank();
        });
    }

    // ------------------------------------------------------------------ dashboard and alerts

    private static List<Path> dashboards() throws IOException {
        try (var files = Files.list(DASHBOARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every PromQL expression of a dashboard: its panels' targets and its variables' queries. */
    private static List<String> expressions(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(t -> out.add(t.path("expr").asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            out.add(query.isTextual() ? query.asText() : query.path("query").asText());
        }
        return out;
    }

    private static Set<String> seriesIn(List<String> expressions) {
        Set<String> names = new HashSet<>();
        for (String e : expressions) {
            Matcher m = OUR_SERIES.matcher(e);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void theDashboardShowsBackfillProgressRecordsPerSecondLagAndThrottlingFromSeriesTheRulesProduce()
            throws Exception {
        List<Path> files = dashboards();
        assertThat(files).isNotEmpty();
        String datasourceUid = provisionedDatasource().path("uid").asText();
        for (Path file : files) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(dashboard.path("uid").asText()).as(file + " uid").isNotBlank();
            List<String> expressions = expressions(dashboard);
            assertThat(expressions).as(file + ": every target has a query").allSatisfy(e -> assertThat(e).isNotBlank());
            assertThat(seriesIn(expressions)).as(file + ": series the rules produce")
                    .isSubsetOf(producedNames())
                    .contains("greenhouse_progress_share_done", "greenhouse_records_sent_total",
                            "greenhouse_lag_seconds", "greenhouse_throttled_total");
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(file + ": " + panel.path("title"))
                        .isEqualTo(datasourceUid);
                panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText())
                        .as(file + ": " + panel.path("title")).isEqualTo(datasourceUid));
            }
        }
    }

    @Test
    void theAlertsWatchLagFailedTasksAndLongThrottlingWithSeriesTheRulesProduce() throws Exception {
        JsonNode alerts = YAML.readTree(MONITORING.resolve("alerts.yml").toFile());
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode group : alerts.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            group.path("rules").forEach(r -> byName.put(r.path("alert").asText(), r));
        }
        assertThat(byName).isNotEmpty();
        byName.forEach((name, rule) -> {
            assertThat(name).isNotBlank();
            assertThat(rule.path("expr").asText()).as(name).isNotBlank();
            assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
            assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
            assertThat(rule.path("for").asText()).as(name).matches("\\d+[smh]");
        });
        Set<String> used = seriesIn(byName.values().stream().map(r -> r.path("expr").asText()).toList());
        assertThat(used).isSubsetOf(producedNames());
        assertThat(byName.values()).extracting(r -> r.path("expr").asText())
                .anySatisfy(e -> assertThat(e).contains("greenhouse_lag_seconds").contains(">"))
                .anySatisfy(e -> assertThat(e).contains("kafka_connect_connector_task_status")
                        .contains("status=\"failed\""))
                .anySatisfy(e -> assertThat(e).contains("greenhouse_throttled_total"));
        JsonNode throttled = byName.values().stream()
                .filter(r -> r.path("expr").asText().contains("greenhouse_throttled_total")).findFirst().orElseThrow();
        assertThat(minutes(throttled.path("for").asText())).as("throttling for more than N minutes").isPositive();
    }

    private static long minutes(String duration) {
        long n = Long.parseLong(duration.substring(0, duration.length() - 1));
        return switch (duration.charAt(duration.length() - 1)) {
            case 'h' -> n * 60;
            case 'm' -> n;
            default -> n / 60;
        };
    }

    // ------------------------------------------------------------------ how the files meet in the Docker stack

    private static JsonNode provisionedDatasource() throws IOException {
        JsonNode file = YAML.readTree(MONITORING.resolve("grafana/provisioning/datasources/prometheus.yml").toFile());
        assertThat(file.path("datasources")).hasSize(1);
        return file.path("datasources").get(0);
    }

    /** The container path a service mounts {@code hostPath} (relative to docker/) at. */
    private static String mountTarget(ComposeFile compose, String service, String hostPath) {
        for (JsonNode volume : compose.service(service).path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (ComposeFile.DOCKER_DIR.resolve(parts[0]).normalize().equals(Path.of(hostPath).normalize())) {
                return parts[1];
            }
        }
        throw new AssertionError(service + " does not mount " + hostPath);
    }

    @Test
    void theWorkerRunsThePinnedAgentWithTheRulesOnThePortPrometheusScrapes() throws Exception {
        ComposeFile compose = ComposeFile.load();
        Dockerfile dockerfile = compose.parsedDockerfile("connect");
        String version = compose.env().get("JMX_EXPORTER_VERSION");
        assertThat(version).as("JMX_EXPORTER_VERSION in docker/.env").matches("\\d+\\.\\d+\\.\\d+");
        assertThat(compose.buildArgs("connect")).containsEntry("JMX_EXPORTER_VERSION", version);

        // the agent: downloaded from Maven Central at build time, never committed
        List<String> downloads = dockerfile.downloads();
        assertThat(downloads).containsExactly("https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/"
                + "${JMX_EXPORTER_VERSION}/jmx_prometheus_javaagent-${JMX_EXPORTER_VERSION}.jar");
        String agentPath = destination(dockerfile, "ADD", downloads.get(0));
        String rulesPath = destination(dockerfile, "COPY", JmxExporterRules.FILE.toString());
        try (var files = Files.walk(Path.of("docker"))) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".jar"));
        }

        // KAFKA_OPTS starts it with those files, on the port Prometheus scrapes
        String opts = compose.environment("connect").get("KAFKA_OPTS");
        Matcher agent = Pattern.compile("-javaagent:(\\S+?)=(\\d+):(\\S+)").matcher(opts);
        assertThat(agent.find()).as(opts).isTrue();
        assertThat(agent.group(1)).isEqualTo(agentPath);
        assertThat(agent.group(3)).isEqualTo(rulesPath);
        JsonNode prometheus = YAML.readTree(MONITORING.resolve("prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        for (JsonNode scrape : prometheus.path("scrape_configs")) {
            scrape.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        }
        assertThat(targets).contains(compose.service("connect").path("hostname").asText("connect") + ":"
                + agent.group(2));
    }

    /** Where the Dockerfile's {@code keyword} instruction puts {@code source}. */
    private static String destination(Dockerfile dockerfile, String keyword, String source) {
        for (Dockerfile.Instruction i : dockerfile.instructions()) {
            if (i.keyword().equals(keyword) && i.args().size() == 2 && i.args().get(0).equals(source)) {
                return i.args().get(1);
            }
        }
        throw new AssertionError(dockerfile.path() + " has no " + keyword + " " + source);
    }

    @Test
    void prometheusLoadsTheAlertsAndGrafanaTheDatasourceAndDashboardsFromWhereTheyAreMounted() throws Exception {
        ComposeFile compose = ComposeFile.load();
        JsonNode prometheus = YAML.readTree(MONITORING.resolve("prometheus.yml").toFile());
        assertThat(mountTarget(compose, "prometheus", "docker/monitoring/prometheus.yml"))
                .isEqualTo("/etc/prometheus/prometheus.yml");
        String alerts = mountTarget(compose, "prometheus", "docker/monitoring/alerts.yml");
        assertThat(prometheus.path("rule_files")).extracting(JsonNode::asText).containsExactly(alerts);

        JsonNode datasource = provisionedDatasource();
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        URI url = URI.create(datasource.path("url").asText());
        assertThat(compose.serviceNames()).contains(url.getHost());
        assertThat(compose.service(url.getHost()).path("ports")).extracting(JsonNode::asText)
                .anySatisfy(p -> assertThat(p).endsWith(":" + url.getPort()));

        assertThat(mountTarget(compose, "grafana", "docker/monitoring/grafana/provisioning"))
                .isEqualTo("/etc/grafana/provisioning");
        String dashboards = mountTarget(compose, "grafana", DASHBOARDS.toString());
        JsonNode providers = YAML.readTree(MONITORING.resolve("grafana/provisioning/dashboards/greenhouse.yml")
                .toFile()).path("providers");
        assertThat(providers).extracting(p -> p.path("options").path("path").asText()).containsExactly(dashboards);
        String home = compose.environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(dashboards + "/");
        assertThat(DASHBOARDS.resolve(home.substring(dashboards.length() + 1))).isRegularFile();
    }
}
