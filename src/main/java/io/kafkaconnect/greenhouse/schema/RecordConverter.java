package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Reads the JSON objects of one resource into Structs of its schema, straight from a streaming parser: no tree of
 * the record is built (only of its undeclared properties and of values of open shape, such as custom fields).
 * Thread-safe: each thread reads with its own {@link ReadContext}.
 */
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
    private final ThreadLocal<ReadContext> contexts;

    public RecordConverter(String resource, String schemaName, StructSpec spec, UnknownFieldLog unknownFields) {
        TypeSpec.Compiled compiled = spec.compileRoot(schemaName, UNDECLARED_FIELD, UNDECLARED_DOC);
        this.schema = compiled.schema();
        this.reader = compiled.reader();
        this.contexts = ThreadLocal.withInitial(() -> new ReadContext(resource, unknownFields));
    }

    public Schema schema() {
        return schema;
    }

    /**
     * Reads the record the parser stands on (its first token), leaving the parser on its last token, also when a
     * value contradicts the schema: the exception comes once the record has been read to its end, so the records
     * after it can still be read.
     *
     * @throws RecordConversionException if a value contradicts the schema (the first such value, and the record's id)
     * @throws IOException               if the JSON itself is broken
     */
    public Struct read(JsonParser parser) throws IOException {
        ReadContext context = contexts.get();
        context.startRecord();
        Struct struct;
        try {
            struct = (Struct) reader.read(parser, context);
        } catch (RecordConversionException e) { // the record is not an object
            parser.skipChildren();
            throw e;
        }
        RecordConversionException error = context.error();
        if (error != null) {
            throw error;
        }
        String undeclared = context.undeclaredJson();
        if (undeclared != null) {
            struct.put(UNDECLARED_FIELD, undeclared);
        }
        return struct;
    }

    /** Reads a record already parsed into a tree (tests, examples). @see #read(JsonParser) */
    public Struct convert(JsonNode record) {
        try (JsonParser parser = record.traverse()) {
            parser.nextToken();
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
