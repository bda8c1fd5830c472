package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A tree's compact JSON text, the same characters as {@link JsonNode#toString()} (Jackson's default generator:
 * standard escapes, non-ASCII as it is, doubles as {@link Double#toString(double)}), written into one
 * {@link StringBuilder}: {@code toString} sets up an object writer, a generator and its buffers for every value,
 * which for custom fields means for every record.
 */
final class JsonText {
    private static final JsonStringEncoder ESCAPES = JsonStringEncoder.getInstance();

    private JsonText() {
    }

    static String of(JsonNode node) {
        if (node.isTextual()) {
            return quoted(new StringBuilder(node.textValue().length() + 2), node.textValue()).toString();
        }
        StringBuilder out = new StringBuilder(32);
        write(out, node);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quoted(out, e.getKey()).append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, node.get(i));
                }
                out.append(']');
            }
            case STRING -> quoted(out, node.textValue());
            case NUMBER -> {
                if (node.isDouble()) {
                    out.append(Double.toString(node.doubleValue()));
                } else if (node.isIntegralNumber()) {
                    out.append(node.asText());
                } else {
                    out.append(node.toString()); // a float or decimal node: not made from JSON text by this connector
                }
            }
            case BOOLEAN, NULL -> out.append(node.asText());
            default -> out.append(node.toString()); // binary, POJO, missing: not made from JSON text
        }
    }

    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        ESCAPES.quoteAsString(text, out);
        return out.append('"');
    }
}
