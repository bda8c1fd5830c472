package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** What a reader needs to know about the record being converted, for messages and unknown-field reports. */
public final class ReadContext {
    private final String resource;
    private final UnknownFieldLog unknownFields;
    private String recordId = "?";

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
    }

    public RecordConversionException mismatch(String path, String expected, JsonNode actual) {
        return new RecordConversionException(resource, recordId, path,
                "should be " + expected + " but is " + describe(actual));
    }

    public RecordConversionException invalid(String path, String problem) {
        return new RecordConversionException(resource, recordId, path, problem);
    }

    void unknownField(String path) {
        unknownFields.report(resource, path);
    }

    /** The JSON type only: record values are personal data and must not reach logs or the task's status. */
    private static String describe(JsonNode node) {
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
