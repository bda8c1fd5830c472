package io.kafkaconnect.greenhouse.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The command line behind {@link HarvestSimulator#main}. */
public final class SimulatorCli {
    private SimulatorCli() {
    }

    /**
     * Standalone: {@code --port 8089 --seed 42 --records candidates=5000,applications=8000 --api-key KEY
     * --client-id ID --client-secret S --rate-limit 50/10s --latency 600ms+1ms --mutations 2/s[,1/s]
     * --clock-offset -5m}. Prints the base URL and credentials and runs until Ctrl-C.
     */
    static void run(String[] args) throws InterruptedException {
        HarvestSimulator.Builder b = HarvestSimulator.builder().port(8089);
        String clientId = "client-id";
        String clientSecret = "client-secret";
        double edits = 0;
        double inserts = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = i + 1 < args.length ? args[++i] : "";
            switch (flag) {
                case "--port": b.port(Integer.parseInt(value)); break;
                case "--seed": b.seed(Long.parseLong(value)); break;
                case "--records":
                    for (String kv : value.split(",")) {
                        String[] p = kv.split("=");
                        b.records(p[0].trim(), Integer.parseInt(p[1].trim()));
                    }
                    break;
                case "--api-key": b.apiKey(value); break;
                case "--client-id": clientId = value; break;
                case "--client-secret": clientSecret = value; break;
                case "--rate-limit": {
                    String[] p = value.split("/");
                    b.rateLimit(Integer.parseInt(p[0]), parseDuration(p[1]));
                    break;
                }
                case "--latency": {
                    String[] p = value.split("\\+");
                    b.latency(parseDuration(p[0]), p.length > 1 ? parseDuration(p[1]) : Duration.ZERO, 0.1);
                    break;
                }
                case "--mutations": {
                    String[] p = value.split(",");
                    edits = Double.parseDouble(p[0].replace("/s", ""));
                    inserts = p.length > 1 ? Double.parseDouble(p[1].replace("/s", "")) : edits / 10;
                    break;
                }
                case "--clock-offset": b.clockOffset(parseDuration(value)); break;
                default:
                    System.err.println("unknown flag " + flag);
                    System.exit(2);
            }
        }
        b.oauthClient(clientId, clientSecret);
        HarvestSimulator sim = b.build().start();
        if (edits > 0 || inserts > 0) {
            sim.mutations().startRandom(edits, inserts);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        System.out.println("Harvest simulator listening on " + sim.baseUrl());
        System.out.println("  v1: " + sim.baseUrl() + "/v1/<resource>   Basic auth user '" + sim.apiKey() + "', empty password");
        System.out.println("  v3: " + sim.baseUrl() + "/v3/<resource>   token: POST " + sim.tokenUrl()
                + " (Basic " + clientId + ":" + clientSecret + ", grant_type=client_credentials)");
        StringBuilder counts = new StringBuilder();
        for (String r : sim.resources()) {
            counts.append(' ').append(r).append('=').append(sim.versions(r).size());
        }
        System.out.println("  records:" + counts);
        System.out.println("Ctrl-C to stop.");
        stopped.await();
    }

    /** "600ms", "10s", "2m", "1h", optionally negative ("-5m"), or an ISO-8601 duration. */
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
        } else {
            d = Duration.ofMillis(Long.parseLong(v));
        }
        return negative ? d.negated() : d;
    }
}
