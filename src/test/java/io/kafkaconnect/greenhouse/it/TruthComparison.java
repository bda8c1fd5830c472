package io.kafkaconnect.greenhouse.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.schema.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares what the API sent (the simulator's truth) with what a JsonConverter (schemas off) wrote to Kafka:
 * timestamps become epoch milliseconds, dates epoch days, custom field values keep their exact JSON in
 * {@code json}. Returns the differences, so a failing test says where.
 */
final class TruthComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthComparison() {
    }

    static List<String> differences(JsonNode truth, JsonNode written) {
        List<String> diffs = new ArrayList<>();
        compare("", truth, written, diffs);
        return diffs;
    }

    private static void compare(String path, JsonNode truth, JsonNode written, List<String> diffs) {
        if (truth == null || truth.isNull()) {
            boolean keptAsNull = written != null && isAnyValue(written) && written.get("json").asText().equals("null");
            if (written != null && !written.isNull() && !keptAsNull) {
                diffs.add(path + ": expected null, got " + written);
            }
            return;
        }
        if (written == null || written.isNull()) {
            diffs.add(path + ": missing (expected " + truth + ")");
            return;
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (field.equals("custom_fields")) {
            compareCustomFields(path, truth, written, false, diffs);
        } else if (field.equals("keyed_custom_fields")) {
            compareCustomFields(path, truth, written, true, diffs);
        } else if (isAnyValue(written) && !(truth.isObject() && truth.has("json"))) {
            // a value of any shape (Ashby custom field values, answers by path): kept exactly in 'json'
            try {
                JsonNode decoded = JSON.readTree(written.get("json").asText());
                if (!truth.equals(TruthComparison::sameValue, decoded)) {
                    diffs.add(path + ": expected " + truth + ", got " + written);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        } else if (truth.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), written.get(e.getKey()), diffs);
            }
        } else if (truth.isArray()) {
            if (!written.isArray() || written.size() != truth.size()) {
                diffs.add(path + ": expected " + truth.size() + " items, got " + written);
                return;
            }
            for (int i = 0; i < truth.size(); i++) {
                compare(path + "[" + i + "]", truth.get(i), written.get(i), diffs);
            }
        } else if (truth.isTextual() && written.isNumber()) {
            Long expected = temporalNumber(truth.asText(), written);
            if (expected == null || expected != written.asLong()) {
                diffs.add(path + ": expected " + truth + ", got " + written);
            }
        } else if (truth.isNumber() && written.isNumber()) {
            if (truth.decimalValue().compareTo(written.decimalValue()) != 0) {
                diffs.add(path + ": expected " + truth + ", got " + written);
            }
        } else if (!truth.asText().equals(written.asText()) || truth.isBoolean() != written.isBoolean()) {
            diffs.add(path + ": expected " + truth + ", got " + written);
        }
    }

    /** Node equality where 3 (int) and 3L (long) are the same number. */
    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return 0;
        }
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    }

    /** The struct that keeps a JSON value of any shape: its exact text in 'json', its kind in 'type'. */
    private static boolean isAnyValue(JsonNode written) {
        return written.isObject() && written.path("json").isTextual() && written.path("type").isTextual();
    }

    /** A timestamp as epoch ms, or a date as epoch days or as epoch ms (whichever the written number is). */
    private static Long temporalNumber(String text, JsonNode written) {
        if (text.length() == 10) {
            try {
                long days = LocalDate.parse(text).toEpochDay();
                return written.asLong() == days ? days : days * 86_400_000L;
            } catch (RuntimeException e) {
                return null;
            }
        }
        Instant instant = Types.parseInstant(text);
        return instant == null ? null : instant.toEpochMilli();
    }

    private static void compareCustomFields(String path, JsonNode truth, JsonNode written, boolean keyed, List<String> diffs) {
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode w = written.get(e.getKey());
            String p = path + "." + e.getKey();
            if (w == null) {
                diffs.add(p + ": missing");
                continue;
            }
            JsonNode expectedValue = keyed ? e.getValue().get("value") : e.getValue();
            JsonNode writtenValue = keyed ? w.get("value") : w;
            if (keyed && (!e.getValue().path("name").asText().equals(w.path("name").asText())
                    || !e.getValue().path("type").asText().equals(w.path("type").asText()))) {
                diffs.add(p + ": name/type differ: " + e.getValue() + " vs " + w);
            }
            try {
                JsonNode decoded = writtenValue == null || writtenValue.isNull() ? null : JSON.readTree(writtenValue.get("json").asText());
                JsonNode expected = expectedValue == null ? JSON.nullNode() : expectedValue;
                if (decoded == null ? !expected.isNull() : !expected.equals(TruthComparison::sameValue, decoded)) {
                    diffs.add(p + ": expected " + expected + ", got " + writtenValue);
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
