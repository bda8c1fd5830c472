package io.kafkaconnect.greenhouse.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints every record a running Harvest simulator serves, as one JSON object {@code {"<resource>": [records...],
 * ...}} on stdout, following {@code Link: rel="next"} like a client: over v1 with an API key, or over v3 with an
 * OAuth client (one client-credentials token from the simulator's token endpoint).
 *
 * <p>Packaged into {@code target/simulator/harvest-simulator.jar} (see the {@code simulator-jar} execution in
 * pom.xml), so a test can run it inside the simulator's container:
 * {@code java -cp harvest-simulator.jar io.kafkaconnect.greenhouse.packaging.SimulatorDump
 * http://127.0.0.1:8089 --oauth-client ID SECRET candidates=/v3/candidates jobs=/v3/jobs} (or
 * {@code --api-key KEY candidates=/v1/candidates}). Only the JDK and Jackson.
 */
public final class SimulatorDump {
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");
    private static final String USAGE = "usage: SimulatorDump <base url> (--api-key KEY | --oauth-client ID SECRET) "
            + "<resource>=<path> ...";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SimulatorDump() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            usage();
        }
        String base = args[0].replaceAll("/+$", "");
        String auth;
        int first;
        switch (args[1]) {
            case "--api-key" -> {
                auth = basic(args[2], "");
                first = 3;
            }
            case "--oauth-client" -> {
                if (args.length < 5) {
                    usage();
                }
                auth = "Bearer " + token(base, args[2], args[3]);
                first = 4;
            }
            default -> throw new IllegalArgumentException(USAGE);
        }
        ObjectNode out = JSON.createObjectNode();
        for (int i = first; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            ArrayNode records = out.putArray(kv[0]);
            String url = base + kv[1] + (kv[1].contains("?") ? "&" : "?") + "per_page=500";
            while (url != null) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IOException("GET " + url + " -> " + r.statusCode() + ": " + r.body());
                }
                JsonNode page = JSON.readTree(r.body());
                page.forEach(records::add);
                url = r.headers().firstValue("Link").map(SimulatorDump::next).orElse(null);
            }
        }
        System.out.println(JSON.writeValueAsString(out));
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An access token from the simulator's client-credentials endpoint. */
    private static String token(String base, String clientId, String secret) throws IOException, InterruptedException {
        String url = base + HarvestSimulator.TOKEN_PATH;
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("POST " + url + " -> " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static String next(String link) {
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }
}
