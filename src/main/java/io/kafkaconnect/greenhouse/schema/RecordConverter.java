package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** Converts the JSON objects of one resource into Structs of its schema. */
public final class RecordConverter {
    private final Schema schema;
    private final JsonReader reader;
    private final ReadContext context;
    private final String idField;

    public RecordConverter(String resource, String schemaName, StructSpec spec, UnknownFieldLog unknownFields) {
        TypeSpec.Compiled compiled = spec.compileRoot(schemaName);
        this.schema = compiled.schema();
        this.reader = compiled.reader();
        this.context = new ReadContext(resource, unknownFields);
        this.idField = spec.idField();
    }

    public Schema schema() {
        return schema;
    }

    /** @throws RecordConversionException if a value contradicts the schema */
    public Struct convert(JsonNode record) {
        context.startRecord(record, idField);
        return (Struct) reader.read(record, context, "");
    }
}
