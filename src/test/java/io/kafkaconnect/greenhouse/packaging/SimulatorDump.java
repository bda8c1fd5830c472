package io.kafkaconnect.greenhouse.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Prints every record a running Harvest simulator serves over v1, as one JSON object
 * {@code {"<resource>": [records...], ...}} on stdout, following {@code Link: rel="next"} like a client.
 *
 * <p>Packaged into {@code target/simulator/harvest-simulator.jar} (see the {@code simulator-jar} execution in
 * pom.xml), so a test can run it inside the simulator's container:
 * {@code java -cp harvest-simulator.jar io.kafkaconnect.greenhouse.packaging.SimulatorDump
 * http://127.0.0.1:8089 API_KEY candidates=/v1/candidates jobs=/v1/jobs}. Only the JDK and Jackson.
 */
public final class SimulatorDump {
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorDump() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: SimulatorDump <base url> <v1 api key> <resource>=<path> ...");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":").getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ObjectNode out = JSON.createObjectNode();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            ArrayNode records = out.putArray(kv[0]);
            String url = base + kv[1] + (kv[1].contains("?") ? "&" : "?") + "per_page=500";
            while (url != null) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
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

    private static String next(String link) {
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }
}
