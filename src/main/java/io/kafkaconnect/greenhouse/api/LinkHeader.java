package io.kafkaconnect.greenhouse.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an RFC 8288 {@code Link} header into its relations: absolute URLs with a quoted {@code rel} (e.g.
 * Harvest's), and it also tolerates unquoted values, extra parameters, several rels in one entry and an
 * empty header.
 */
public final class LinkHeader {
    private static final Pattern ENTRY = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(\"([^\"]*)\"|[^;,\\s]+)");

    private LinkHeader() {
    }

    /** Returns relation name (lower case) → URL text, in header order; first occurrence of a relation wins. */
    public static Map<String, String> parse(String header) {
        Map<String, String> links = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return links;
        }
        Matcher entry = ENTRY.matcher(header);
        while (entry.find()) {
            String url = entry.group(1).trim();
            Matcher rel = REL.matcher(entry.group(2));
            if (url.isEmpty() || !rel.find()) {
                continue;
            }
            String value = rel.group(2) != null ? rel.group(2) : rel.group(1);
            for (String name : value.trim().split("\\s+")) {
                links.putIfAbsent(name.toLowerCase(Locale.ROOT), url);
            }
        }
        return links;
    }
}
