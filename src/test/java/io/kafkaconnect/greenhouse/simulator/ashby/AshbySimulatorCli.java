package io.kafkaconnect.greenhouse.simulator.ashby;

import io.kafkaconnect.greenhouse.simulator.SimulatorCli;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The command line behind {@link AshbySimulator#main}. */
final class AshbySimulatorCli {
    private AshbySimulatorCli() {
    }

    static void run(String[] args) throws InterruptedException {
        AshbySimulator.Builder b = AshbySimulator.builder().port(8090);
        double edits = 0;
        double inserts = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--retry-after")) {
                b.retryAfter(true);
                continue;
            }
            String value = i + 1 < args.length ? args[++i] : "";
            switch (flag) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--seed" -> b.seed(Long.parseLong(value));
                case "--records" -> {
                    if (value.matches("\\d+")) {
                        b.defaultRecords(Integer.parseInt(value));
                    } else {
                        for (String kv : value.split(",")) {
                            String[] p = kv.split("=");
                            b.records(p[0].trim(), Integer.parseInt(p[1].trim()));
                        }
                    }
                }
                case "--api-key" -> b.apiKey(value);
                case "--rate-limit" -> {
                    String[] p = value.split("/");
                    b.rateLimit(Integer.parseInt(p[0]), SimulatorCli.parseDuration(p[1]));
                }
                case "--latency" -> {
                    String[] p = value.split("\\+");
                    b.latency(SimulatorCli.parseDuration(p[0]),
                            p.length > 1 ? SimulatorCli.parseDuration(p[1]) : Duration.ZERO, 0.1);
                }
                case "--mutations" -> {
                    String[] p = value.split(",");
                    edits = Double.parseDouble(p[0].replace("/s", ""));
                    inserts = p.length > 1 ? Double.parseDouble(p[1].replace("/s", "")) : edits / 10;
                }
                case "--clock-offset" -> b.clockOffset(SimulatorCli.parseDuration(value));
                case "--cursor-ttl" -> b.cursorTtl(SimulatorCli.parseDuration(value));
                case "--sync-token-ttl" -> b.syncTokenTtl(parseDays(value));
                case "--max-delta" -> b.maxDeltaRecords(Integer.parseInt(value));
                default -> {
                    System.err.println("unknown flag " + flag);
                    System.exit(2);
                }
            }
        }
        AshbySimulator sim = b.build().start();
        if (edits > 0 || inserts > 0) {
            sim.mutations().startRandom(edits, inserts);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        System.out.println("Ashby simulator listening on " + sim.baseUrl());
        System.out.println("  POST " + sim.baseUrl() + "/<method> with a JSON body, Basic auth user '" + sim.apiKey()
                + "', empty password");
        StringBuilder counts = new StringBuilder();
        for (String r : sim.resources()) {
            if (!r.equals("application_history")) {
                counts.append(' ').append(sim.method(r)).append('=').append(sim.versions(r).size());
            }
        }
        System.out.println("  records:" + counts + " (application.listHistory: 1..6 per application)");
        System.out.println("Ctrl-C to stop.");
        stopped.await();
    }

    /** As {@link SimulatorCli#parseDuration}, plus days ("7d"). */
    private static Duration parseDays(String s) {
        String v = s.trim();
        return v.endsWith("d") ? Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)))
                : SimulatorCli.parseDuration(v);
    }
}
