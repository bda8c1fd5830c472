package io.kafkaconnect.greenhouse.schema;

import org.apache.kafka.connect.errors.DataException;

/**
 * A value whose JSON type contradicts the declared schema. The message names resource, record id and field path, and
 * never the value: record values are personal data, and this message reaches the log and the task's status.
 */
public class RecordConversionException extends DataException {
    private static final long serialVersionUID = 1L;
    private final String resource;
    private final String recordId;
    private final String field;
    private final String problem;

    public RecordConversionException(String resource, String recordId, String field, String problem) {
        super("Cannot convert " + resource + " record id=" + recordId + ": field '" + field + "' " + problem
                + " (set record.conversion.errors=skip to skip such records instead of failing)");
        this.resource = resource;
        this.recordId = recordId;
        this.field = field;
        this.problem = problem;
    }

    /** The same problem, naming the record {@code id} (a reader may meet a bad value before the record's id). */
    RecordConversionException forRecord(String id) {
        return id.equals(recordId) ? this : new RecordConversionException(resource, id, field, problem);
    }

    public String resource() {
        return resource;
    }

    public String recordId() {
        return recordId;
    }

    public String field() {
        return field;
    }
}
