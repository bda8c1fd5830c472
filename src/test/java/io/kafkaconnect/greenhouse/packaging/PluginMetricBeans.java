package io.kafkaconnect.greenhouse.packaging;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.GreenhouseSourceTask;
import io.kafkaconnect.greenhouse.util.TaskContexts;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The MBeans of the metrics a task registers, as a Connect worker publishes them: Kafka's own plugin metrics
 * (tagged {@code connector} and {@code task}, as Connect tags a task's) reported to JMX by Kafka's own
 * {@code JmxReporter} under Connect's prefix {@code kafka.connect}. The task is a Harvest v3 one with OAuth (whose
 * metrics are every metric there is: the access tokens' too); it is started only, which sends no request.
 */
public final class PluginMetricBeans {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    /** One attribute of one MBean, as the JMX exporter sees it. */
    public record Attribute(ObjectName bean, String name, String description, Object value) {
    }

    private PluginMetricBeans() {
    }

    /** The attributes of the MBeans of a task of connector {@code connector} reading {@code resources}. */
    public static List<Attribute> of(String connector, String resources) throws Exception {
        JmxReporter reporter = new JmxReporter();
        reporter.configure(Map.of());
        try (Metrics metrics = new Metrics(new MetricConfig(), List.of(reporter), Time.SYSTEM,
                new KafkaMetricsContext("kafka.connect"))) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("connector", connector);
            tags.put("task", "0");
            GreenhouseSourceTask task = new GreenhouseSourceTask();
            task.initialize(context(new PluginMetricsImpl(metrics, tags)));
            task.start(props(resources));
            try {
                return attributes(connector);
            } finally {
                task.stop();
            }
        }
    }

    private static List<Attribute> attributes(String connector) throws JMException {
        List<Attribute> out = new ArrayList<>();
        for (ObjectName bean : JMX.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null)) {
            String tag = bean.getKeyProperty("connector");
            if (!connector.equals(tag) && !ObjectName.quote(connector).equals(tag)) {
                continue;
            }
            for (MBeanAttributeInfo info : JMX.getMBeanInfo(bean).getAttributes()) {
                out.add(new Attribute(bean, info.getName(), info.getDescription(),
                        JMX.getAttribute(bean, info.getName())));
            }
        }
        return out;
    }

    private static SourceTaskContext context(PluginMetricsImpl pluginMetrics) {
        SourceTaskContext context = TaskContexts.noOffsets();
        when(context.pluginMetrics()).thenReturn(pluginMetrics);
        return context;
    }

    private static Map<String, String> props(String resources) {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v3");
        props.put("greenhouse.base.url", "http://127.0.0.1:9");
        props.put("greenhouse.oauth.client.id", "metrics-beans");
        props.put("greenhouse.oauth.client.secret", "metrics-beans-secret");
        props.put("greenhouse.oauth.token.url", "http://127.0.0.1:9/token");
        props.put("task.resources", resources);
        return props;
    }
}
