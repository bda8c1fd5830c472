package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.util.Closing;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The task's metrics as a real worker publishes them (plugin metrics, KIP-877), read through JMX. */
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

    private static ObjectName pattern() {
        try {
            return new ObjectName("kafka.connect:type=plugins,connector=" + CONNECTOR + ",*");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
