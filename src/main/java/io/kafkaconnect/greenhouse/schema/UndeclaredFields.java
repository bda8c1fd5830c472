package io.kafkaconnect.greenhouse.schema;

/**
 * What becomes of the properties an API sends that a resource's schema does not declare (an API may add
 * properties at any time). Either way each is logged once per resource and field ({@link UnknownFieldLog}), and
 * every record value schema has the field {@link RecordConverter#UNDECLARED_FIELD}, so a change of this setting
 * never changes a schema.
 */
public enum UndeclaredFields {
    /** Kept as a JSON object in {@link RecordConverter#UNDECLARED_FIELD}, keyed by each property's path. */
    KEEP,
    /** Dropped; {@link RecordConverter#UNDECLARED_FIELD} is always null. */
    DROP
}
