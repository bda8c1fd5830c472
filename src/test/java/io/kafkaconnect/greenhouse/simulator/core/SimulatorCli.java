package io.kafkaconnect.greenhouse.simulator.core;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;

/**
 * The command line both simulators share: {@code --port N --seed N --records N | name=N,name=N --api-key KEY
 * --rate-limit 50/10s --latency 600ms+1ms --mutations 2/s[,1/s] --clock-offset -5m}, plus each simulator's own
 * flags; and running until Ctrl-C.
 */
public final class SimulatorCli {
    private SimulatorCli() {
    }

    /** The {@code --mutations} rates (0 and 0 without the flag). */
    public record Rates(double editsPerSecond, double insertsPerSecond) {
    }

    /**
     * Applies the shared flags to {@code b} and hands the others to {@code own} (flag, value; false: unknown, which
     * ends the program with status 2). {@code switches} are the simulator's flags that take no value.
     */
    public static Rates parse(String[] args, SimulatorBuilder<?> b, Set<String> switches,
            BiPredicate<String, String> own) {
        double edits = 0;
        double inserts = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = switches.contains(flag) ? "" : i + 1 < args.length ? args[++i] : "";
            switch (flag) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--seed" -> b.seed(Long.parseLong(value));
                case "--records" -> records(b, value);
                case "--api-key" -> b.apiKey(value);
                case "--rate-limit" -> {
                    String[] p = value.split("/");
                    b.rateLimit(Integer.parseInt(p[0]), parseDuration(p[1]));
                }
                case "--latency" -> {
                    String[] p = value.split("\\+");
                    b.latency(parseDuration(p[0]), p.length > 1 ? parseDuration(p[1]) : Duration.ZERO, 0.1);
                }
                case "--mutations" -> {
                    String[] p = value.split(",");
                    edits = Double.parseDouble(p[0].replace("/s", ""));
                    inserts = p.length > 1 ? Double.parseDouble(p[1].replace("/s", "")) : edits / 10;
                }
                case "--clock-offset" -> b.clockOffset(parseDuration(value));
                default -> {
                    if (!own.test(flag, value)) {
                        System.err.println("unknown flag " + flag);
                        System.exit(2);
                    }
                }
            }
        }
        return new Rates(edits, inserts);
    }

    /** "5000" for every resource, or "candidates=5000,applications=8000". */
    private static void records(SimulatorBuilder<?> b, String value) {
        if (value.matches("\\d+")) {
            b.defaultRecords(Integer.parseInt(value));
            return;
        }
        for (String kv : value.split(",")) {
            String[] p = kv.split("=");
            b.records(p[0].trim(), Integer.parseInt(p[1].trim()));
        }
    }

    /** Starts the mutations, prints the banner and then "Ctrl-C to stop.", and waits until the JVM shuts down. */
    public static void serve(Simulator sim, Rates rates, List<String> banner) throws InterruptedException {
        if (rates.editsPerSecond() > 0 || rates.insertsPerSecond() > 0) {
            sim.mutations().startRandom(rates.editsPerSecond(), rates.insertsPerSecond());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        banner.forEach(System.out::println);
        System.out.println("Ctrl-C to stop.");
        stopped.await();
    }

    /** "600ms", "10s", "2m", "1h", "7d", optionally negative ("-5m"), or an ISO-8601 duration. */
    public static Duration parseDuration(String s) {
        String v = s.trim();
        if (v.startsWith("P") || v.startsWith("-P")) {
            return Duration.parse(v);
        }
        boolean negative = v.startsWith("-");
        if (negative) {
            v = v.substring(1);
        }
        Duration d;
        if (v.endsWith("ms")) {
            d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        } else if (v.endsWith("s")) {
            d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        } else if (v.endsWith("m")) {
            d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        } else if (v.endsWith("h")) {
            d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
        } else if (v.endsWith("d")) {
            d = Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
        } else {
            d = Duration.ofMillis(Long.parseLong(v));
        }
        return negative ? d.negated() : d;
    }
}
