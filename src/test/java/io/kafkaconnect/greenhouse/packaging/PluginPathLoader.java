package io.kafkaconnect.greenhouse.packaging;

import java.util.Map;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.runtime.isolation.Plugins;

/**
 * Run in a JVM whose class path holds the Connect runtime but not the connector: loads the connector the way a
 * stock worker does, from a {@code plugin.path} directory, and prints what it found (for {@link PluginPathIT}).
 */
public final class PluginPathLoader {
    private PluginPathLoader() {
    }

    public static void main(String[] args) {
        Plugins plugins = new Plugins(Map.of("plugin.path", args[0], "plugin.discovery", "service_load"));
        Connector connector = plugins.newConnector("GreenhouseSourceConnector");
        System.out.println("class=" + connector.getClass().getName());
        System.out.println("version=" + connector.version());
        System.out.println("loader=" + connector.getClass().getClassLoader().getClass().getSimpleName());
        System.out.println("configKeys=" + connector.config().configKeys().size());
        try {
            Class.forName("io.kafkaconnect.greenhouse.GreenhouseSourceConnector");
            System.out.println("appClassPath=yes");
        } catch (ClassNotFoundException e) {
            System.out.println("appClassPath=no");
        }
    }
}
