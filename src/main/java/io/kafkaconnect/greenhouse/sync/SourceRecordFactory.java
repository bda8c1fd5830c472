package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns API objects of a resource into SourceRecords: key {@code {<key field>}} (an int64 or a string, as the value
 * schema declares it), typed value, change-time timestamp.
 */
public final class SourceRecordFactory {
    private static final Logger log = LoggerFactory.getLogger(SourceRecordFactory.class);

    private final Resource resource;
    private final String topic;
    private final Map<String, Object> partition;
    private final RecordConverter converter;
    private final Schema keySchema;
    private final Class<?> keyType;

    public SourceRecordFactory(Resource resource, String topic, SourcePartition partition, UnknownFieldLog unknownFields) {
        this.resource = resource;
        this.topic = topic;
        this.partition = partition.toMap();
        this.converter = new RecordConverter(resource.name(), resource.schemaName(), resource.schema(), unknownFields);
        Field keyField = converter.schema().field(resource.keyField());
        if (keyField == null || (keyField.schema().type() != Schema.Type.INT64
                && keyField.schema().type() != Schema.Type.STRING)) {
            throw new IllegalArgumentException(resource.name() + ": key field " + resource.keyField()
                    + " must be an int64 or string field of the schema");
        }
        boolean numeric = keyField.schema().type() == Schema.Type.INT64;
        this.keyType = numeric ? Long.class : String.class;
        this.keySchema = SchemaBuilder.struct().name(resource.schemaName() + "Key")
                .field(resource.keyField(), numeric ? Schema.INT64_SCHEMA : Schema.STRING_SCHEMA).build();
    }

    /** The resource whose records this makes. */
    public Resource resource() {
        return resource;
    }

    /** What this resource's ids are (its key field's type). */
    public IdSet.Kind idKind() {
        return keyType == Long.class ? IdSet.Kind.NUMBER : IdSet.Kind.STRING;
    }

    /** The id a record of this resource carries in its key; null for a record of another topic. */
    public Object idOf(SourceRecord record) {
        return topic.equals(record.topic()) && record.key() instanceof Struct key ? key.get(resource.keyField()) : null;
    }

    /**
     * The tombstone of record {@code id}: its key, a null value without a schema (converters refuse a null for the
     * value schema, whose struct is required), carrying {@code partition} and {@code offset}.
     */
    public SourceRecord tombstone(Object id, Map<String, ?> sourcePartition, Map<String, ?> offset) {
        return new SourceRecord(sourcePartition, offset, topic, null, keySchema,
                new Struct(keySchema).put(resource.keyField(), id), null, null, null);
    }

    /** A converted record, before its offset is known. */
    public record Converted(Struct key, Struct value, Long timestamp, JsonNode json) {
    }

    /** @throws RecordConversionException if the object does not fit the schema or has no usable key */
    public Converted convert(JsonNode json) {
        Struct value = converter.convert(json);
        Object id = value.get(resource.keyField());
        if (!keyType.isInstance(id) || (id instanceof String s && s.isEmpty())) {
            throw new RecordConversionException(resource.name(), "?", resource.keyField(), "is missing; records need it as their key");
        }
        Struct key = new Struct(keySchema).put(resource.keyField(), id);
        return new Converted(key, value, changeTime(value), json);
    }

    public SourceRecord toSourceRecord(Converted c, Map<String, ?> offset) {
        return new SourceRecord(partition, offset, topic, null, keySchema, c.key(),
                converter.schema(), c.value(), c.timestamp());
    }

    /**
     * The records of one page (or batch) to send: every record but the last carries {@code resumeHere} (read the page
     * again), the last one {@code after}. A record that does not fit its schema fails the batch or is skipped, as
     * {@code errors} says; with {@code sent} given, records whose content was sent before are left out.
     */
    public List<SourceRecord> toSourceRecords(List<JsonNode> page, Map<String, ?> resumeHere, Map<String, ?> after,
                                              ConversionErrors errors, SentDigests sent) {
        return withOffsets(convertAll(page, errors, sent), resumeHere, after);
    }

    /**
     * The records of a page, their offsets not set yet (null): for callers that learn where they stand only
     * when the records are handed over. Errors and {@code sent} as for {@link #toSourceRecords}.
     */
    public List<SourceRecord> convertAll(List<JsonNode> page, ConversionErrors errors, SentDigests sent) {
        List<SourceRecord> out = new ArrayList<>(page.size());
        for (JsonNode json : page) {
            Converted c;
            try {
                c = convert(json);
            } catch (RecordConversionException e) {
                if (errors == ConversionErrors.FAIL) {
                    throw e;
                }
                log.warn("Skipping a record: {}", e.getMessage());
                continue;
            }
            if (sent == null || sent.changed(c.key().get(resource.keyField()), ContentHash.of(json))) {
                out.add(toSourceRecord(c, null));
            }
        }
        return out;
    }

    /** The same records, every one but the last carrying {@code resumeHere} as its offset, the last {@code after}. */
    public static List<SourceRecord> withOffsets(List<SourceRecord> records, Map<String, ?> resumeHere,
                                                 Map<String, ?> after) {
        List<SourceRecord> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            out.add(new SourceRecord(r.sourcePartition(), i == records.size() - 1 ? after : resumeHere, r.topic(),
                    r.kafkaPartition(), r.keySchema(), r.key(), r.valueSchema(), r.value(), r.timestamp()));
        }
        return out;
    }

    /** The record's change time in epoch ms (the cursor field), or null if it has none. */
    private Long changeTime(Struct value) {
        if (resource.cursorField() == null || value.schema().field(resource.cursorField()) == null) {
            return null;
        }
        // the converter has parsed it already: the cursor field is a Connect Timestamp
        return value.get(resource.cursorField()) instanceof java.util.Date date ? date.getTime() : null;
    }

    public Schema valueSchema() {
        return converter.schema();
    }

    public Schema keySchema() {
        return keySchema;
    }
}
