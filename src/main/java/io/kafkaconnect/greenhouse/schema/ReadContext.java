package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** What a reader needs to know about the record being converted, for messages and unknown-field reports. */
public final class ReadContext {
    private final String resource;
    private final UnknownFieldLog unknownFields;
    private String recordId = "?";
    /** The record's undeclared properties by path, if it has any and they are kept; made at the first. */
    private ObjectNode undeclared;

    public ReadContext(String resource, UnknownFieldLog unknownFields) {
        this.resource = resource;
        this.unknownFields = unknownFields;
    }

    void startRecord(JsonNode record) {
        startRecord(record, "id");
    }

    /** @param idField the field that names the record in messages (its key field) */
    void startRecord(JsonNode record, String idField) {
        JsonNode id = record.get(idField);
        recordId = id == null || id.isNull() ? "?" : id.asText();
        undeclared = null;
    }

    public RecordConversionException mismatch(String path, String expected, JsonNode actual) {
        return new RecordConversionException(resource, recordId, path,
                "should be " + expected + " but is " + describe(actual));
    }

    public RecordConversionException invalid(String path, String problem) {
        return new RecordConversionException(resource, recordId, path, problem);
    }

    /** A property at {@code path} that the schema does not declare, with its value (kept if the policy says so). */
    void unknownField(String path, JsonNode value) {
        unknownFields.report(resource, path);
        if (unknownFields.keeps()) {
            if (undeclared == null) {
                undeclared = JsonNodeFactory.instance.objectNode();
            }
            undeclared.set(path, value);
        }
    }

    /** The kept undeclared properties of the record being converted as a JSON object, or null if it has none. */
    String undeclaredJson() {
        return undeclared == null ? null : undeclared.toString();
    }

    /** The JSON type only: record values are personal data and must not reach logs or the task's status. */
    private static String describe(JsonNode node) {
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
