package io.kafkaconnect.greenhouse.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Connect workers in this JVM that see the connector only through {@code plugin.path}, as separate worker
 * processes with the connector installed do. Kafka's EmbeddedConnectCluster starts its workers from the test's
 * class path, which holds the connector too: Connect then prefers that copy, and every worker would share its
 * classes (and so its static state, such as the per-credential rate budgets). These workers run Kafka's runtime
 * from a class loader that holds the test's class path less this project's own classes, so each worker loads the
 * connector in its own plugin class loader. They join the broker of an {@link ConnectCluster} (started with no
 * workers of its own) and are driven through their REST API.
 */
final class IsolatedWorkers implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static URLClassLoader runtime;

    private final Map<String, String> props = new HashMap<>();
    private final List<Worker> workers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int nextId;

    /** A started worker: Kafka's WorkerHandle (of the isolated runtime) and its REST address. */
    record Worker(String name, Object handle, URI url) {
        /** host:port, as the status endpoint names the worker running a task. */
        String id() {
            return url.getHost() + ":" + url.getPort();
        }
    }

    IsolatedWorkers(String clusterName, String bootstrapServers, Path pluginPath, Map<String, String> extraProps) {
        props.put("bootstrap.servers", bootstrapServers);
        props.put("listeners", "HTTP://localhost:0");
        props.put("group.id", "connect-" + clusterName);
        props.put("offset.storage.topic", "connect-offsets-" + clusterName);
        props.put("config.storage.topic", "connect-configs-" + clusterName);
        props.put("status.storage.topic", "connect-status-" + clusterName);
        props.put("offset.storage.replication.factor", "1");
        props.put("config.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("plugin.path", pluginPath.toAbsolutePath().toString());
        props.put("plugin.discovery", "service_load");
        props.put("offset.flush.interval.ms", "500");
        props.putAll(extraProps);
    }

    /** Starts one more worker. */
    Worker add() throws Exception {
        String name = "isolated-worker-" + nextId++;
        Object handle = inRuntime(() -> runtime().loadClass("org.apache.kafka.connect.util.clusters.WorkerHandle")
                .getMethod("start", String.class, Map.class).invoke(null, name, new HashMap<>(props)));
        URI url = (URI) handle.getClass().getMethod("url").invoke(handle);
        Worker worker = new Worker(name, handle, url);
        workers.add(worker);
        return worker;
    }

    List<Worker> workers() {
        return List.copyOf(workers);
    }

    /** Stops a worker gracefully (its tasks stop and commit their offsets), as an operator removing it would. */
    void remove(Worker worker) throws Exception {
        workers.remove(worker);
        inRuntime(() -> worker.handle().getClass().getMethod("stop").invoke(worker.handle()));
    }

    /**
     * The class loader this worker runs a connector class in, as its Worker does ({@code Plugins.connectorLoader}).
     * Kafka keeps the worker's Connect private, hence the reflection.
     */
    ClassLoader connectorLoader(Worker worker, String connectorClass) throws Exception {
        Field field = worker.handle().getClass().getDeclaredField("worker");
        field.setAccessible(true);
        Object connect = field.get(worker.handle());
        Object herder = connect.getClass().getMethod("herder").invoke(connect);
        Object plugins = herder.getClass().getMethod("plugins").invoke(herder);
        Class<?> versionRange = runtime().loadClass("org.apache.maven.artifact.versioning.VersionRange");
        return (ClassLoader) plugins.getClass().getMethod("connectorLoader", String.class, versionRange)
                .invoke(plugins, connectorClass, null);
    }

    /** Whether the workers' runtime (not a plugin) can load the class. */
    static boolean runtimeSees(String className) {
        try {
            runtime().loadClass(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Creates or updates a connector; retried while the group rebalances (409) or the workers start. */
    void configureConnector(String name, Map<String, String> config) throws Exception {
        String body = JSON.writeValueAsString(config);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint("connectors/" + name + "/config"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() / 100 == 2) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connector " + name + " not configured: " + response.statusCode() + " "
                        + response.body());
            }
            Thread.sleep(500);
        }
    }

    /** The connector's status ({@code connector}, {@code tasks[]} with {@code state} and {@code worker_id}), or null. */
    JsonNode status(String name) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint("connectors/" + name + "/status")).GET());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null; // a worker stopping or the group rebalancing: asked again
        }
    }

    void deleteConnector(String name) throws IOException {
        send(HttpRequest.newBuilder(endpoint("connectors/" + name)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI endpoint(String path) {
        if (workers.isEmpty()) {
            throw new IllegalStateException("no worker running");
        }
        return workers.get(0).url().resolve(path);
    }

    @Override
    public void close() throws Exception {
        for (Worker worker : List.copyOf(workers)) {
            remove(worker);
        }
    }

    /** Runs with the isolated runtime as the context class loader, which Kafka's threads then inherit. */
    private static Object inRuntime(Callable<Object> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(runtime());
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Kafka's runtime without this project's classes: the test's class path less every entry under this
     * project's {@code target/} (its classes, jars and test classes), plus the test logging settings.
     */
    private static synchronized URLClassLoader runtime() {
        if (runtime == null) {
            try {
                String target = Path.of("target").toAbsolutePath().normalize() + File.separator;
                List<URL> urls = new ArrayList<>();
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path path = Path.of(entry).toAbsolutePath().normalize();
                    if (!entry.isEmpty() && !(path + File.separator).startsWith(target)) {
                        urls.add(path.toUri().toURL());
                    }
                }
                urls.add(loggingSettings().toUri().toURL());
                runtime = new URLClassLoader("isolated-connect-runtime", urls.toArray(URL[]::new),
                        ClassLoader.getPlatformClassLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runtime;
    }

    /** A directory holding only the tests' simplelogger.properties. */
    private static Path loggingSettings() throws IOException {
        Path dir = Files.createTempDirectory("isolated-connect-logging");
        try (InputStream in = IsolatedWorkers.class.getResourceAsStream("/simplelogger.properties")) {
            if (in != null) {
                Files.copy(in, dir.resolve("simplelogger.properties"));
            }
        }
        dir.toFile().deleteOnExit();
        dir.resolve("simplelogger.properties").toFile().deleteOnExit();
        return dir;
    }
}
