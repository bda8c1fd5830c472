package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns one API object of a resource into a SourceRecord: key {id}, typed value, change-time timestamp. */
public final class RecordMaker {
    private final Resource resource;
    private final String topic;
    private final Map<String, Object> partition;
    private final RecordConverter converter;
    private final Schema keySchema;

    public RecordMaker(Resource resource, String topic, SourcePartition partition, UnknownFieldLog unknownFields) {
        this.resource = resource;
        this.topic = topic;
        this.partition = partition.toMap();
        this.converter = new RecordConverter(resource.name(), resource.schemaName(), resource.schema(), unknownFields);
        this.keySchema = SchemaBuilder.struct().name(resource.schemaName() + "Key")
                .field(resource.keyField(), Schema.INT64_SCHEMA).build();
    }

    /** A converted record, before its offset is known. */
    public record Converted(Struct key, Struct value, Long timestamp, JsonNode json) {
    }

    /** @throws RecordConversionException if the object does not fit the schema or has no usable key */
    public Converted convert(JsonNode json) {
        Struct value = converter.convert(json);
        Object id = value.schema().field(resource.keyField()) == null ? null : value.get(resource.keyField());
        if (!(id instanceof Long)) {
            throw new RecordConversionException(resource.name(), "?", resource.keyField(), "is missing; records need it as their key");
        }
        Struct key = new Struct(keySchema).put(resource.keyField(), id);
        return new Converted(key, value, changeTime(value), json);
    }

    public SourceRecord toSourceRecord(Converted c, ResourceOffset offset) {
        return new SourceRecord(partition, offset.toMap(), topic, null, keySchema, c.key(),
                converter.schema(), c.value(), c.timestamp());
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
