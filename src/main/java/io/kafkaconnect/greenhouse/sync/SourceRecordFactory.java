package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.api.JsonBody;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.FieldsReader;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
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
    /** The schema's change-time field (a Timestamp), or null if the resource has none. */
    private final Field cursorField;
    /** Reads the key field and (if the resource has one) the change-time field only. */
    private final FieldsReader idFields;

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
        this.cursorField = resource.cursorField() == null ? null : converter.schema().field(resource.cursorField());
        if (resource.cursorField() != null && (cursorField == null
                || !Timestamp.LOGICAL_NAME.equals(cursorField.schema().name()))) {
            // the walks filter and plan by the change time that reading the record collects
            throw new IllegalArgumentException(resource.name() + ": change-time field " + resource.cursorField()
                    + " must be a timestamp field of the schema");
        }
        this.idFields = new FieldsReader(resource.name(), resource.schema(), cursorField == null
                ? List.of(resource.keyField()) : List.of(resource.keyField(), resource.cursorField()));
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
    public record Converted(Struct key, Struct value, Long timestamp) {
    }

    /** Reads the records of this resource's pages as they are parsed, each with its digest (thread-safe). */
    public RecordParser<ParsedRecord> parser() {
        return parser(true);
    }

    /**
     * The same, with or without each record's digest ({@link ParsedRecord#digest()} 0 without): only callers that
     * leave out records sent before ({@link SentDigests}) need them, and a digest reads every byte of the record.
     */
    public RecordParser<ParsedRecord> parser(boolean digests) {
        return digests ? this::parse : this::parseUndigested;
    }

    /**
     * Reads only the id and change time of each record of this resource's pages, skipping the rest (thread-safe): for
     * id scans. Its records have no value, error or digest, and are never to be sent; an id or change time that
     * contradicts its schema is null.
     */
    public RecordParser<ParsedRecord> idParser() {
        return (parser, body) -> {
            Object[] values = idFields.read(parser);
            Instant changed = values.length > 1 && values[1] instanceof Date date ? date.toInstant() : null;
            return new ParsedRecord(values[0], changed, 0, null, null);
        };
    }

    /** Reads the record the parser stands on, to its last token, with a digest of its bytes in {@code body}. */
    private ParsedRecord parse(JsonParser parser, JsonBody body) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        Struct value = null;
        RecordConversionException error = null;
        try {
            value = converter.read(parser);
        } catch (RecordConversionException e) {
            error = e;
        }
        int end = (int) parser.currentLocation().getByteOffset();
        return parsed(value, error, ContentHash.of(body.bytes(), start, end));
    }

    private ParsedRecord parseUndigested(JsonParser parser, JsonBody body) throws IOException {
        try {
            return parsed(converter.read(parser), null, 0);
        } catch (RecordConversionException e) {
            return parsed(null, e, 0);
        }
    }

    /** Reads a record already parsed into a tree (tests, examples). */
    public ParsedRecord parse(JsonNode json) {
        Struct value = null;
        RecordConversionException error = null;
        try {
            value = converter.convert(json);
        } catch (RecordConversionException e) {
            error = e;
        }
        return parsed(value, error, ContentHash.of(json));
    }

    private ParsedRecord parsed(Struct value, RecordConversionException error, long digest) {
        if (error != null) {
            String named = error.recordId();
            Object id = named.equals("?") ? null : keyType == String.class ? named : parseLong(named);
            return new ParsedRecord(id, null, digest, null, error);
        }
        Long changed = changeTime(value);
        return new ParsedRecord(value.get(resource.keyField()), changed == null ? null : Instant.ofEpochMilli(changed),
                digest, value, null);
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @throws RecordConversionException if the object does not fit the schema or has no usable key */
    public Converted convert(JsonNode json) {
        return convert(parse(json));
    }

    /** @throws RecordConversionException if the record does not fit the schema or has no usable key */
    public Converted convert(ParsedRecord record) {
        if (record.error() != null) {
            throw record.error();
        }
        Struct value = record.value();
        Object id = record.id();
        if (!keyType.isInstance(id) || (id instanceof String s && s.isEmpty())) {
            throw new RecordConversionException(resource.name(), "?", resource.keyField(), "is missing; records need it as their key");
        }
        Struct key = new Struct(keySchema).put(resource.keyField(), id);
        return new Converted(key, value, record.changedAt() == null ? null : record.changedAt().toEpochMilli());
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
    public List<SourceRecord> toSourceRecords(List<ParsedRecord> page, Map<String, ?> resumeHere, Map<String, ?> after,
                                              ConversionErrors errors, SentDigests sent) {
        return withOffsets(convertAll(page, errors, sent), resumeHere, after);
    }

    /**
     * The records of a page, their offsets not set yet (null): for callers that learn where they stand only
     * when the records are handed over. Errors and {@code sent} as for {@link #toSourceRecords}.
     */
    public List<SourceRecord> convertAll(List<ParsedRecord> page, ConversionErrors errors, SentDigests sent) {
        List<SourceRecord> out = new ArrayList<>(page.size());
        for (ParsedRecord record : page) {
            Converted c;
            try {
                c = convert(record);
            } catch (RecordConversionException e) {
                if (errors == ConversionErrors.FAIL) {
                    throw e;
                }
                log.warn("Skipping a record: {}", e.getMessage());
                continue;
            }
            if (sent == null || sent.changed(c.key().get(resource.keyField()), record.digest())) {
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
        if (cursorField == null) {
            return null;
        }
        // the converter has parsed it already: the cursor field is a Connect Timestamp
        return value.get(cursorField) instanceof java.util.Date date ? date.getTime() : null;
    }

    public Schema valueSchema() {
        return converter.schema();
    }

    public Schema keySchema() {
        return keySchema;
    }
}
