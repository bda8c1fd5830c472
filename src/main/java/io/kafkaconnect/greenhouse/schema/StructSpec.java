package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * A JSON object with declared fields, read into a Connect {@link Struct}. Nested structs are named after
 * their path ({@code <parent name>.<field>}), which keeps every name unique and Avro-valid. Every field is
 * optional: an API may send null for any property (e.g. Harvest does).
 */
public final class StructSpec implements TypeSpec {
    private final Map<String, TypeSpec> fields;
    private final String doc;
    private final String idField;

    private StructSpec(Map<String, TypeSpec> fields, String doc, String idField) {
        this.fields = fields;
        this.doc = doc;
        this.idField = idField;
    }

    public static StructSpec of(Field... fields) {
        return of(null, fields);
    }

    public static StructSpec of(String doc, Field... fields) {
        Map<String, TypeSpec> map = new LinkedHashMap<>();
        for (Field f : fields) {
            if (map.put(f.name(), f.type()) != null) {
                throw new IllegalArgumentException("duplicate field " + f.name());
            }
        }
        return new StructSpec(map, doc, "id");
    }

    /** The same struct with more fields. */
    public StructSpec with(Field... more) {
        List<Field> all = new ArrayList<>();
        fields.forEach((n, t) -> all.add(new Field(n, t)));
        all.addAll(List.of(more));
        return of(doc, all.toArray(Field[]::new)).identifiedBy(idField);
    }

    /**
     * The same struct, whose records are named by {@code field} instead of {@code id} in conversion errors (for
     * objects without an {@code id}, e.g. EEOC data keyed by {@code application_id}).
     */
    public StructSpec identifiedBy(String field) {
        return new StructSpec(fields, doc, field);
    }

    /** The field that names a record in conversion errors; {@code id} unless {@link #identifiedBy} says otherwise. */
    public String idField() {
        return idField;
    }

    public Map<String, TypeSpec> fields() {
        return fields;
    }

    /**
     * Compiles this struct as a record value: the top-level schema is required, its fields optional, and it ends
     * with the optional string field {@code extraField} (documented by {@code extraDoc}), which the reader leaves
     * unset: its caller fills it. A JSON property of that name is not read into it.
     */
    Compiled compileRoot(String name, String extraField, String extraDoc) {
        if (fields.containsKey(extraField)) {
            throw new IllegalArgumentException(name + ": the field " + extraField + " is reserved");
        }
        return compile(name, false, SchemaBuilder.string().optional().doc(extraDoc).build(), extraField, idField);
    }

    @Override
    public Compiled compile(String name) {
        return compile(name, true, null, null, null);
    }

    /** @param namingField the field whose value names the record in messages (the root's), or null */
    private Compiled compile(String name, boolean optional, Schema extraSchema, String extraField,
                             String namingField) {
        SchemaBuilder builder = SchemaBuilder.struct().name(name);
        if (doc != null) {
            builder.doc(doc);
        }
        List<String> names = new ArrayList<>(fields.keySet());
        Map<String, JsonReader> readers = new LinkedHashMap<>();
        for (String field : names) {
            Compiled c = fields.get(field).compile(name + "." + field);
            builder.field(field, c.schema());
            readers.put(field, c.reader());
        }
        if (extraField != null) {
            builder.field(extraField, extraSchema);
        }
        if (optional) {
            builder.optional();
        }
        Schema schema = builder.build();
        Map<String, Slot> slots = new HashMap<>();
        readers.forEach((field, reader) -> slots.put(field, new Slot(schema.field(field), reader,
                field.equals(namingField))));
        return new Compiled(schema, new Reader(schema, slots, namingField));
    }

    /** A field of a struct. */
    public record Field(String name, TypeSpec type) {
    }

    /** A declared field and its reader; {@code names} if its value names the record in messages. */
    private record Slot(org.apache.kafka.connect.data.Field field, JsonReader reader, boolean names) {
    }

    /**
     * Reads an object's properties in the order they come. A value that contradicts its field's schema is noted in
     * the context (the record fails once it is read to its end) and skipped, so that the page stays readable.
     */
    private record Reader(Schema schema, Map<String, Slot> slots, String namingField) implements JsonReader {
        @Override
        public Object read(JsonParser parser, ReadContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw context.mismatch("an object", parser);
            }
            JsonStreamContext owner = parser.getParsingContext();
            int level = context.depth();
            Struct struct = new Struct(schema);
            Object[] values = StructValues.of(struct);
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                Slot slot = slots.get(name);
                context.enter(name);
                if (slot == null) {
                    if (name.equals(namingField) && token.isScalarValue()) {
                        context.recordId(parser.getText());
                    }
                    context.unknownField(parser);
                } else if (token != JsonToken.VALUE_NULL) {
                    try {
                        Object value = slot.reader().read(parser, context);
                        StructValues.set(struct, values, slot.field(), value);
                        if (slot.names()) {
                            context.recordId(String.valueOf(value));
                        }
                    } catch (RecordConversionException e) {
                        context.failed(e, parser, owner);
                        context.leaveTo(level + 1);
                    }
                }
                context.leave();
            }
            return struct;
        }
    }
}
