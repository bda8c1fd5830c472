package io.kafkaconnect.greenhouse.benchmark;

import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ListOrder;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unthrottled Harvest simulator in a JVM of its own, so that its CPU and its garbage (it renders every page
 * from its rows: about 24 KiB per v1 candidate) are not counted as the connector's. The benchmark starts
 * {@code java -cp <its class path> SimulatorProcess SEED RECORDS EPOCH_MILLIS KEY SECRET IDS_FILE} and talks to
 * it over its standard input and output, one line per command:
 *
 * <ul>
 * <li>it answers {@code ready BASE_URL} once it serves, after writing the candidates' ids to {@code IDS_FILE}
 * (a count, then each id, as {@code DataOutputStream} longs);</li>
 * <li>{@code clear}: forget the requests so far, answer {@code ok};</li>
 * <li>{@code calls}: one line per request ({@code EPOCH_MILLIS NANOS STATUS RECORDS REQUEST}), then {@code end};</li>
 * <li>end of input: stop.</li>
 * </ul>
 *
 * The data set is built by {@link #builder}, the same code the in-process simulator of the unthrottled runs uses,
 * from the same seed, record count and data epoch, so both serve the same bytes.
 */
final class SimulatorProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final BufferedWriter in;
    private final String baseUrl;
    private final long[] ids;

    private SimulatorProcess(Process process, BufferedReader out, String baseUrl, long[] ids) {
        this.process = process;
        this.out = out;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.baseUrl = baseUrl;
        this.ids = ids;
    }

    /** The unthrottled simulator of {@code records} candidates: no latency, no rate limit. */
    static HarvestSimulator.Builder builder(long seed, int records, Instant dataEpoch) {
        return HarvestSimulator.builder().seed(seed).records("candidates", records).dataEpoch(dataEpoch)
                .listOrder(ListOrder.ID); // the figures in docs/performance.md were measured in id order
    }

    /** Starts the child JVM and waits until it serves. */
    static SimulatorProcess start(long seed, int records, Instant dataEpoch, String key, String secret) {
        try {
            Path idsFile = Files.createTempFile("bench-sim-ids", ".bin");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                    SimulatorProcess.class.getName(), String.valueOf(seed), String.valueOf(records),
                    String.valueOf(dataEpoch.toEpochMilli()), key, secret, idsFile.toString());
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("ready ")) {
                p.destroyForcibly();
                throw new IllegalStateException("simulator process did not start: " + line);
            }
            long[] ids;
            try (DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(
                    Files.newInputStream(idsFile)))) {
                ids = new long[d.readInt()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = d.readLong();
                }
            }
            Files.deleteIfExists(idsFile);
            return new SimulatorProcess(p, out, line.substring("ready ".length()), ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String tokenUrl() {
        return baseUrl + HarvestSimulator.TOKEN_PATH;
    }

    long[] ids() {
        return ids.clone();
    }

    /** CPU the child JVM has used so far (all its threads, GC and JIT included), or -1 if the OS does not say. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    synchronized void clearCalls() {
        command("clear");
        String answer = readLine();
        if (!"ok".equals(answer)) {
            throw new IllegalStateException("simulator process: " + answer);
        }
    }

    synchronized List<Target.Call> calls() {
        command("calls");
        List<Target.Call> calls = new ArrayList<>();
        for (String line = readLine(); !"end".equals(line); line = readLine()) {
            String[] f = line.split(" ", 5);
            calls.add(new Target.Call(Instant.ofEpochSecond(Long.parseLong(f[0]), Long.parseLong(f[1])),
                    Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]));
        }
        return calls;
    }

    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void command(String line) {
        try {
            in.write(line);
            in.newLine();
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLine() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("simulator process ended");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child: see the class comment. */
    public static void main(String[] args) throws IOException {
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but answers on the channel
        long seed = Long.parseLong(args[0]);
        int records = Integer.parseInt(args[1]);
        Instant epoch = Instant.ofEpochMilli(Long.parseLong(args[2]));
        HarvestSimulator sim = builder(seed, records, epoch).apiKey(args[3]).oauthClient(args[3], args[4])
                .build().start();
        long[] ids = sim.versions("candidates").keySet().stream().mapToLong(Long::longValue).toArray();
        try (DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(Path.of(args[5]))))) {
            d.writeInt(ids.length);
            for (long id : ids) {
                d.writeLong(id);
            }
        }
        stdout.println("ready " + sim.baseUrl());
        stdout.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            switch (line) {
                case "clear" -> {
                    sim.clearRequestLog();
                    stdout.println("ok");
                }
                case "calls" -> {
                    sim.requestLog().stream()
                            .filter(r -> r.path().startsWith("/v1/") || r.path().startsWith("/v3/"))
                            .forEach(r -> stdout.println(r.at().getEpochSecond() + " " + r.at().getNano() + " "
                                    + r.status() + " " + r.recordsReturned() + " " + r.path() + " " + r.query()));
                    stdout.println("end");
                }
                default -> stdout.println("unknown command " + line);
            }
            stdout.flush();
        }
        sim.close();
        System.exit(0);
    }
}
