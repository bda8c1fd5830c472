package io.kafkaconnect.greenhouse.demo;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Each resource's backfill progress and lag as the connector's own metrics tell them: the worker of the demo
 * runs in this JVM and publishes its tasks' plugin metrics to JMX (docs/monitoring.md), read here as any JMX client
 * would.
 */
final class ResourceProgress {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    private final String connector;

    ResourceProgress(String connector) {
        this.connector = connector;
    }

    /** One line per resource, by name: what the long read under way has done, and the lag. */
    List<String> lines() throws JMException {
        Map<String, ObjectName> beans = new TreeMap<>();
        for (ObjectName bean : JMX.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null)) {
            String tag = bean.getKeyProperty("connector"); // quoted by JMX if it holds , = : * ? or "
            String resource = bean.getKeyProperty("resource");
            if (resource != null && (connector.equals(tag) || ObjectName.quote(connector).equals(tag))) {
                beans.put(resource, bean);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, ObjectName> e : beans.entrySet()) {
            lines.add(line(e.getKey(), e.getValue()));
        }
        return lines;
    }

    private static String line(String resource, ObjectName bean) throws JMException {
        StringBuilder line = new StringBuilder(resource).append(": ");
        double records = value(bean, "progress-records");
        if (Double.isNaN(records)) {
            line.append("no backfill or pass under way");
        } else {
            double total = value(bean, "progress-expected-records");
            line.append(Double.isNaN(total)
                    ? String.format(Locale.ROOT, "reading, %,.0f records so far", records)
                    : String.format(Locale.ROOT, "backfill %.0f %% (%,.0f of about %,.0f records)",
                            100 * value(bean, "progress-share-done"), records, total));
            line.append(String.format(Locale.ROOT, ", %,.0f records/s", value(bean, "progress-records-per-second")));
            double left = value(bean, "progress-time-left-ms");
            if (!Double.isNaN(left)) {
                line.append(String.format(Locale.ROOT, ", about %.0f s left", left / 1000));
            }
        }
        double lag = value(bean, "lag-ms");
        line.append(Double.isNaN(lag) ? "; lag not known yet (first read running)"
                : String.format(Locale.ROOT, "; lag %.1f s", lag / 1000));
        return line.toString();
    }

    private static double value(ObjectName bean, String attribute) throws JMException {
        return ((Number) JMX.getAttribute(bean, attribute)).doubleValue();
    }
}
