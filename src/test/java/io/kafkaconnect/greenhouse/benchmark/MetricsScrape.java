package io.kafkaconnect.greenhouse.benchmark;

import static org.mockito.Mockito.when;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.source.SourceTaskContext;

/**
 * The task's metrics published as a worker publishes them (Kafka's plugin metrics reported to JMX under
 * {@code kafka.connect}, tagged {@code connector} and {@code task}) and read through JMX once a second by a thread
 * of its own, as a JMX exporter scraped far more often than Prometheus' usual 15 s would. Its thread is not left
 * out of the connector's CPU: what reading the gauges costs counts against the connector.
 */
final class MetricsScrape implements AutoCloseable {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    private static final String CONNECTOR = "benchmark";

    private final Metrics registry;
    private final Thread scraper;
    private final AtomicLong reads = new AtomicLong();
    private volatile int attributes;
    private volatile boolean stopped;

    /** Gives {@code context} the plugin metrics, and starts reading them. */
    MetricsScrape(SourceTaskContext context) {
        JmxReporter reporter = new JmxReporter();
        reporter.configure(Map.of());
        registry = new Metrics(new MetricConfig(), List.of(reporter), Time.SYSTEM,
                new KafkaMetricsContext("kafka.connect"));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", CONNECTOR);
        tags.put("task", "0");
        when(context.pluginMetrics()).thenReturn(new PluginMetricsImpl(registry, tags));
        scraper = new Thread(this::scrape, "benchmark-metrics-scrape");
        scraper.setDaemon(true);
        scraper.start();
    }

    private void scrape() {
        while (!stopped) {
            try {
                int n = 0;
                for (ObjectName bean : JMX.queryNames(new ObjectName("kafka.connect:type=plugins,connector="
                        + CONNECTOR + ",*"), null)) {
                    for (MBeanAttributeInfo a : JMX.getMBeanInfo(bean).getAttributes()) {
                        JMX.getAttribute(bean, a.getName());
                        n++;
                    }
                }
                attributes = n;
                reads.incrementAndGet();
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            } catch (JMException e) {
                // a bean removed between the query and the read (the task stopping): read again next time
            }
        }
    }

    /** Attributes read in the last scrape. */
    int attributes() {
        return attributes;
    }

    /** Scrapes done. */
    long reads() {
        return reads.get();
    }

    @Override
    public void close() {
        stopped = true;
        scraper.interrupt();
        registry.close();
    }
}
