package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.util.Closing;
import io.kafkaconnect.greenhouse.util.LogCapture;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task's metrics as a real worker publishes them (plugin metrics, KIP-877), read through JMX; on a worker older
 * than 4.1 (the compatibility matrix's oldest, see pom.xml), the connector runs without them and says so once.
 */
class MetricsIT {
    private static final String KEY = "metrics-it-key";
    private static final String CONNECTOR = "metrics";
    private static final List<String> RESOURCES = List.of("candidates", "jobs");
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    private static HarvestSimulator sim;
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        sim = HarvestSimulator.builder().seed(17L).apiKey(KEY).records("candidates", 600).records("jobs", 80).build();
        sim.start();
        cluster = new ConnectCluster("metrics-it");
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.inOrder(cluster, sim);
    }

    /** The one MBean of the connector's task matching {@code properties} (e.g. {@code resource=jobs}). */
    private static ObjectName bean(String properties) throws JMException {
        Set<ObjectName> names = JMX.queryNames(new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR
                + ",task=0," + properties + ",*"), null);
        assertThat(names).as("MBeans of %s", properties).hasSize(1);
        return names.iterator().next();
    }

    private static double attribute(ObjectName bean, String name) throws JMException {
        return ((Number) JMX.getAttribute(bean, name)).doubleValue();
    }

    @Test
    void recordsSentMatchTheTopicsAndTheLagIsSmallOnceCaughtUp() throws Exception {
        assumeTrue(WorkerRuntime.hasPluginMetrics(), "plugin metrics need Kafka 4.1 or later");
        Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, String.join(",", RESOURCES), 1);
        config.put("topic.prefix", "metrics");
        config.put("page.size", "50");
        config.put("poll.interval.ms", "1000");
        cluster.connect().configureConnector(CONNECTOR, config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "connector did not start");

        for (String resource : RESOURCES) {
            int total = sim.truth(resource).size();
            String topic = "metrics." + resource;
            ConnectCluster.await(Duration.ofSeconds(90), topic + " did not receive all " + total + " records",
                    () -> cluster.count(topic) >= total);
            ObjectName bean = bean("resource=" + resource);
            assertThat(attribute(bean, "records-sent-total")).as("records sent of %s", resource)
                    .isEqualTo(cluster.count(topic)).isEqualTo(total);
            assertThat(attribute(bean, "pages-read-total")).as("pages of %s", resource)
                    .isGreaterThanOrEqualTo(Math.ceil(total / 50.0));
            // caught up: the next windows keep the watermark within a poll interval or two of now (no safety lag)
            ConnectCluster.await(Duration.ofSeconds(30), resource + " caught up", () -> {
                try {
                    double lag = attribute(bean, "lag-ms");
                    return lag >= 0 && lag < 5_000;
                } catch (JMException e) {
                    throw new AssertionError(e);
                }
            });
        }
        ObjectName task = new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR + ",task=0");
        assertThat(attribute(task, "requests-total")).isGreaterThanOrEqualTo(
                Math.ceil(600 / 50.0) + Math.ceil(80 / 50.0));
        assertThat(attribute(task, "budget-limit")).as("the simulator's limit, from its headers").isPositive();
        // Connect's own task status, which docker/monitoring/jmx-exporter.yml exports (MonitoringFilesTest)
        assertThat(JMX.getAttribute(new ObjectName("kafka.connect:type=connector-task-metrics,connector=" + CONNECTOR
                + ",task=0"), "status")).isEqualTo("running");

        cluster.connect().deleteConnector(CONNECTOR);
        ConnectCluster.await(Duration.ofSeconds(30), "metrics removed with the task",
                () -> JMX.queryNames(pattern(), null).isEmpty());
    }

    @Test
    void onAWorkerWithoutPluginMetricsTheConnectorRunsAndSaysSoOnce() throws Exception {
        assumeFalse(WorkerRuntime.hasPluginMetrics(), "the worker has plugin metrics");
        // one JVM runs every IT, and the line is told once per JVM: tell it again for this test
        AtomicBoolean told = (AtomicBoolean) accessible(Class.forName(
                "io.kafkaconnect.greenhouse.engine.TaskMetrics$Unavailable").getDeclaredField("LOGGED")).get(null);
        told.set(false);
        try (LogCapture log = new LogCapture()) {
            Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, String.join(",", RESOURCES),
                    2);
            config.put("topic.prefix", "no-metrics");
            config.put("page.size", "50");
            cluster.connect().configureConnector(CONNECTOR, config);
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 2,
                    "connector did not start");
            for (String resource : RESOURCES) {
                int total = sim.truth(resource).size();
                ConnectCluster.await(Duration.ofSeconds(90), resource + " did not receive all " + total + " records",
                        () -> cluster.count("no-metrics." + resource) >= total);
            }
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 2,
                    "a task failed without plugin metrics");
            assertThat(JMX.queryNames(pattern(), null)).as("plugin metrics of the connector").isEmpty();
            assertThat(log.lines()).filteredOn(l -> l.contains(" INFO ")
                    && l.contains("This Connect worker offers no plugin metrics")).as("told once for two tasks")
                    .hasSize(1);
            cluster.connect().deleteConnector(CONNECTOR);
        }
    }

    private static Field accessible(Field field) {
        field.setAccessible(true);
        return field;
    }

    private static ObjectName pattern() {
        try {
            return new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR + ",*");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
