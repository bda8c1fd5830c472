package io.kafkaconnect.greenhouse.harvest.v1;

import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Building blocks shared by the Harvest v1 record shapes (NOTES §6.1). The resource shapes live in
 * {@link V1CandidateSchemas}, {@link V1JobSchemas}, {@link V1OrganizationSchemas} and {@link V1DemographicSchemas};
 * all follow the object descriptions and example JSON of the v1 docs, and every field is optional.
 */
final class V1Schemas {
    static final String NAMESPACE = "io.kafkaconnect.greenhouse.v1";

    private V1Schemas() {
    }

    /** A user as embedded in other objects ({@code recruiter}, {@code interviewer}, ...). */
    static final StructSpec USER_REF = struct(
            field("id", INT64), field("first_name", STRING), field("last_name", STRING), field("name", STRING),
            field("employee_id", STRING));

    /** A hiring team member: a user reference with the {@code responsible} flag. */
    static final StructSpec TEAM_MEMBER = USER_REF.with(field("responsible", BOOLEAN));

    static final StructSpec ID_NAME = struct(field("id", INT64), field("name", STRING));

    static final StructSpec TYPED_VALUE = struct(field("value", STRING), field("type", STRING));

    static final StructSpec ATTACHMENT = struct(
            field("filename", STRING), field("url", STRING), field("type", STRING), field("created_at", TIMESTAMP));

    /** A department ({@code render_as=list}), as listed and as embedded. */
    static final StructSpec DEPARTMENT = struct(
            field("id", INT64), field("name", STRING), field("parent_id", INT64),
            field("parent_department_external_id", STRING), field("child_ids", array(INT64)),
            field("child_department_external_ids", array(STRING)), field("external_id", STRING));

    /** An office ({@code render_as=list}), as listed and as embedded. */
    static final StructSpec OFFICE = struct(
            field("id", INT64), field("name", STRING), field("location", struct(field("name", STRING))),
            field("primary_contact_user_id", INT64), field("parent_id", INT64),
            field("parent_office_external_id", STRING), field("child_ids", array(INT64)),
            field("child_office_external_ids", array(STRING)), field("external_id", STRING));

    /** A job opening as embedded in jobs and offers (without custom fields). */
    static final StructSpec OPENING = struct(
            field("id", INT64), field("opening_id", STRING), field("status", STRING),
            field("opened_at", TIMESTAMP), field("closed_at", TIMESTAMP), field("application_id", INT64),
            field("close_reason", ID_NAME));
}
