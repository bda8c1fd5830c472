package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The unpacked Hub component works as a {@code plugin.path} entry of a stock worker: in a JVM that has the Connect
 * runtime but neither the connector nor its own dependencies (OkHttp, Okio, Kotlin), Connect's plugin loader finds
 * the connector through its ServiceLoader manifest and instantiates it in an isolated plugin class loader.
 */
class PluginPathIT {

    @Test
    void aStockWorkerLoadsTheConnectorFromTheUnpackedComponent() throws Exception {
        Path component;
        try (Stream<Path> dirs = Files.list(Path.of("target/components/packages"))) {
            component = dirs.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError(
                    "no unpacked component under target/components/packages: run mvn package"));
        }
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.replace('\\', '/').endsWith("target/classes")) // Surefire's view of the connector
                .filter(e -> !Path.of(e).getFileName().toString().matches("kafka-connect-greenhouse-.*\\.jar")) // Failsafe's
                .filter(e -> !e.contains("okhttp") && !e.contains("okio") && !e.contains("kotlin"))
                .collect(Collectors.joining(File.pathSeparator));
        Path out = Files.createTempFile("plugin-path", ".txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", "-cp", classPath, PluginPathLoader.class.getName(),
                component.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the loader finished").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("loader output: %s", lines).isZero();
        assertThat(lines).contains("class=io.kafkaconnect.greenhouse.GreenhouseSourceConnector",
                "loader=PluginClassLoader", "appClassPath=no");
        assertThat(lines).anyMatch(l -> l.startsWith("version=") && !l.contains("unknown") && !l.contains("${"));
        assertThat(lines).anyMatch(l -> l.matches("configKeys=\\d{2,}"));
    }
}
