package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a reader needs to know about the record being read: where in it the parser stands (the path, kept as a stack
 * so that no path text is made unless a message needs it), the record's id for messages, its undeclared properties,
 * and the first value that contradicted the schema.
 */
public final class ReadContext {
    private static final ObjectMapper TREES = new ObjectMapper();
    private final String resource;
    private final UnknownFieldLog unknownFields;
    private String recordId = "?";
    /** The record's undeclared properties by path, if it has any and they are kept; made at the first. */
    private ObjectNode undeclared;
    private RecordConversionException firstError;
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    private int depth;

    public ReadContext(String resource, UnknownFieldLog unknownFields) {
        this.resource = resource;
        this.unknownFields = unknownFields;
    }

    void startRecord() {
        recordId = "?";
        undeclared = null;
        firstError = null;
        depth = 0;
    }

    /** The record's id as its messages name it. */
    void recordId(String id) {
        recordId = id;
    }

    /** Steps into the property {@code name} of the object being read. */
    public void enter(String name) {
        push(name, -1);
    }

    /** Steps into the element {@code index} of the list being read. */
    public void enter(int index) {
        push(null, index);
    }

    /** Steps out of the last property or element entered. */
    public void leave() {
        depth--;
    }

    int depth() {
        return depth;
    }

    /** Steps out to {@code level} (after a value that contradicted the schema was skipped). */
    void leaveTo(int level) {
        depth = level;
    }

    private void push(String name, int index) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
        names[depth] = name;
        indexes[depth++] = index;
    }

    /** The path of the value being read: {@code name}, {@code parent.name}, {@code list[0].name}; "" for the record. */
    public String path() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (names[i] == null) {
                sb.append('[').append(indexes[i]).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(names[i]);
            }
        }
        return sb.toString();
    }

    private String where() {
        String path = path();
        return path.isEmpty() ? "(record)" : path;
    }

    /** The value the parser stands on is not {@code expected}. */
    public RecordConversionException mismatch(String expected, JsonParser parser) {
        return invalid("should be " + expected + " but is a JSON " + kind(parser.currentToken()));
    }

    /** The value (read as a tree) is not {@code expected}. */
    public RecordConversionException mismatch(String expected, JsonNode actual) {
        return invalid("should be " + expected + " but is a JSON "
                + actual.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    public RecordConversionException invalid(String problem) {
        return new RecordConversionException(resource, recordId, where(), problem);
    }

    /**
     * The value the parser stands on, as a tree (for values of open shape, e.g. custom fields): the same nodes as
     * Jackson's {@code readTree}, made directly (readTree sets up a deserialization context per call).
     */
    public JsonNode tree(JsonParser parser) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (parser.currentToken()) {
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return nodes.booleanNode(parser.getBooleanValue());
            case VALUE_NULL:
                return nodes.nullNode();
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                // as Jackson's tree deserializer makes them (without USE_BIG_DECIMAL_FOR_FLOATS)
                return switch (parser.getNumberType()) {
                    case BIG_DECIMAL -> nodes.numberNode(parser.getDecimalValue());
                    case FLOAT -> nodes.numberNode(parser.getFloatValue());
                    default -> nodes.numberNode(parser.getDoubleValue());
                };
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser));
                }
                return array;
            }
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    object.set(name, tree(parser)); // a repeated name: the last value, at the first one's place
                }
                return object;
            }
            default:
                JsonNode node = TREES.readTree(parser);
                return node == null ? NullNode.getInstance() : node;
        }
    }

    /** A property the schema does not declare, the parser on its value (kept if the policy says so, else skipped). */
    void unknownField(JsonParser parser) throws IOException {
        String path = path();
        unknownFields.report(resource, path);
        if (unknownFields.keeps()) {
            if (undeclared == null) {
                undeclared = JsonNodeFactory.instance.objectNode();
            }
            undeclared.set(path, tree(parser));
        } else {
            parser.skipChildren();
        }
    }

    /** The kept undeclared properties of the record being read as a JSON object, or null if it has none. */
    String undeclaredJson() {
        return undeclared == null ? null : undeclared.toString();
    }

    /**
     * A value that contradicts the schema: the first one is kept (to fail or skip the record once it is read to its
     * end), and the parser is moved to the end of the property of {@code owner} (the object being read) that holds it.
     */
    void failed(RecordConversionException e, JsonParser parser, JsonStreamContext owner) throws IOException {
        if (firstError == null) {
            firstError = e;
        }
        skipTo(parser, owner);
    }

    /** The first value of the record that contradicted the schema, named with the record's id; null if none. */
    RecordConversionException error() {
        return firstError == null ? null : firstError.forRecord(recordId);
    }

    /** Moves the parser to the last token of the value that {@code owner} (an object or list context) holds. */
    static void skipTo(JsonParser parser, JsonStreamContext owner) throws IOException {
        if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
            parser.skipChildren();
        }
        while (parser.getParsingContext() != owner) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new IOException("the JSON ends inside a record");
            }
            if (t.isStructStart()) {
                parser.skipChildren();
            }
        }
    }

    /** The JSON type only: record values are personal data and must not reach logs or the task's status. */
    /** The JSON type a token begins, for messages ("object", "array", "string", ...; "missing value" for none). */
    public static String kind(JsonToken token) {
        if (token == null) {
            return "missing value";
        }
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }
}
