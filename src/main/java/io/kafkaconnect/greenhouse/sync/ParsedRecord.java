package io.kafkaconnect.greenhouse.sync;

import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import java.time.Instant;
import org.apache.kafka.connect.data.Struct;

/**
 * One record of a page, read once from the answer: its value, or why it does not fit its schema, and what the
 * engine needs besides, collected in the same pass.
 *
 * @param id        the record's key (a Long or a String, as the key field is declared); null if unknown
 * @param changedAt the record's change time (its cursor field); null if it has none or it could not be read
 * @param digest    a digest of the record's content, to tell whether it changed since it was last sent
 * @param value     the record's value; null if it does not fit its schema, or was not read (an id scan's records,
 *                  see {@link SourceRecordFactory#idParser()})
 * @param error     why the record does not fit its schema; null if it does
 */
public record ParsedRecord(Object id, Instant changedAt, long digest, Struct value, RecordConversionException error) {
}
