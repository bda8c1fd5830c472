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
            String text = node.textValue();
            return needsEscapes(text) ? quoted(new StringBuilder(text.length() + 8), text).toString()
                    : '"' + text + '"';
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

    /** Whether the text holds a character that the encoder escapes: a control character, a quote or a backslash. */
    private static boolean needsEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        ESCAPES.quoteAsString(text, out);
        return out.append('"');
    }
}
