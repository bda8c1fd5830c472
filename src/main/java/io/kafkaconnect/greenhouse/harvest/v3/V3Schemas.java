package io.kafkaconnect.greenhouse.harvest.v3;

import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.CustomFieldSpecs;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import io.kafkaconnect.greenhouse.schema.TypeSpec;

/**
 * Building blocks shared by the Harvest v3 record shapes. The field lists follow the reference's
 * {@code resources.md} (third-party: Airbyte 1.4.0 schemas and a snapshot of Greenhouse's reference pages); every
 * field is optional and nullable, ids are int64, {@code *_at} fields are timestamps and {@code *_on} fields dates
 * (plus the documented exceptions). v3 objects are flat: related records are separate resources joined by id.
 */
final class V3Schemas {
    static final String NAMESPACE = "io.kafkaconnect.greenhouse.v3";

    private V3Schemas() {
    }

    static final StructSpec.Field ID = field("id", INT64);
    static final StructSpec.Field CREATED_AT = field("created_at", TIMESTAMP);
    static final StructSpec.Field UPDATED_AT = field("updated_at", TIMESTAMP);

    /** {@code {id, name}}, e.g. an interviewer tag on a user or a source's sourcing strategy. */
    static final StructSpec ID_NAME = struct(field("id", INT64), field("name", STRING));

    /** {@code {type, value}}: a candidate's phone number, e-mail address, address or website. */
    static final StructSpec TYPED_VALUE = struct(field("type", STRING), field("value", STRING));

    /** A record with only an id, a name and the two base timestamps (tags, close reasons, ...). */
    static final StructSpec NAMED = struct(ID, field("name", STRING), CREATED_AT, UPDATED_AT);

    /**
     * A JSON value of any shape (string, number, boolean, list or object), e.g. a custom field's
     * {@code default_value}: kept exactly in {@code json}, with a typed copy where one fits. The same struct shape as
     * the values inside {@code custom_fields} maps.
     */
    static final TypeSpec JSON_VALUE = CustomFieldSpecs.ANY_VALUE;
}
