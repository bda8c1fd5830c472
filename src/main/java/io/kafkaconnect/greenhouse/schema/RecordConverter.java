package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** Converts the JSON objects of one resource into Structs of its schema. */
public final class RecordConverter {
    /**
     * The field of every record value that holds the properties its schema does not declare. The leading
     * underscore keeps it apart from the APIs' properties (Harvest's are snake_case, Ashby's camelCase, none begins
     * with one); a property of that very name would be undeclared and land inside it, not replace it.
     */
    public static final String UNDECLARED_FIELD = "_undeclared";
    static final String UNDECLARED_DOC = "The properties of the API's object that this schema does not declare, as "
            + "one JSON object keyed by each property's path in the record (a top-level property by its name, a "
            + "nested one as parent.name or list[index].name), with its JSON value; null when there are none or "
            + "when undeclared.fields=drop";

    private final Schema schema;
    private final JsonReader reader;
    private final ReadContext context;
    private final String idField;

    public RecordConverter(String resource, String schemaName, StructSpec spec, UnknownFieldLog unknownFields) {
        TypeSpec.Compiled compiled = spec.compileRoot(schemaName, UNDECLARED_FIELD, UNDECLARED_DOC);
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
        Struct struct = (Struct) reader.read(record, context, "");
        String undeclared = context.undeclaredJson();
        if (undeclared != null) {
            struct.put(UNDECLARED_FIELD, undeclared);
        }
        return struct;
    }
}
