package io.kafkaconnect.greenhouse.harvest.v1;

import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.DEPARTMENT;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.ID_NAME;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.OFFICE;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.OPENING;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.TEAM_MEMBER;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.USER_REF;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/** Harvest v1 job-side records: jobs (with openings and hiring team), job posts, job stages. */
final class V1JobSchemas {
    private V1JobSchemas() {
    }

    static final StructSpec JOB = struct(
            field("id", INT64),
            field("name", STRING),
            field("requisition_id", STRING),
            field("notes", STRING),
            field("confidential", BOOLEAN),
            field("status", STRING),
            field("created_at", TIMESTAMP),
            field("opened_at", TIMESTAMP),
            field("closed_at", TIMESTAMP),
            field("updated_at", TIMESTAMP),
            field("is_template", BOOLEAN),
            field("copied_from_id", INT64),
            field("departments", array(DEPARTMENT)),
            field("offices", array(OFFICE)),
            field("custom_fields", CUSTOM_FIELDS),
            field("keyed_custom_fields", KEYED_CUSTOM_FIELDS),
            field("hiring_team", struct(
                    field("hiring_managers", array(USER_REF)), field("recruiters", array(TEAM_MEMBER)),
                    field("coordinators", array(TEAM_MEMBER)), field("sourcers", array(USER_REF)))),
            field("openings", array(OPENING)));

    /** {@code job_id} null means a prospect post; {@code active=false} a deleted post. */
    static final StructSpec JOB_POST = struct(
            field("id", INT64),
            field("title", STRING),
            field("location", struct(
                    field("id", INT64), field("name", STRING), field("office_id", INT64),
                    field("job_post_custom_location_id", INT64), field("job_post_location_type", ID_NAME))),
            field("internal", BOOLEAN),
            field("external", BOOLEAN),
            field("active", BOOLEAN),
            field("live", BOOLEAN),
            field("first_published_at", TIMESTAMP),
            field("job_id", INT64),
            field("content", STRING),
            field("internal_content", STRING),
            field("updated_at", TIMESTAMP),
            field("created_at", TIMESTAMP),
            field("demographic_question_set_id", INT64),
            field("questions", array(struct(
                    field("required", BOOLEAN), field("private", BOOLEAN), field("label", STRING),
                    field("name", STRING), field("type", STRING),
                    field("values", array(struct(field("value", INT64), field("label", STRING)))),
                    field("description", STRING)))));

    static final StructSpec JOB_STAGE = struct(
            field("id", INT64),
            field("name", STRING),
            field("created_at", TIMESTAMP),
            field("updated_at", TIMESTAMP),
            field("active", BOOLEAN),
            field("job_id", INT64),
            field("priority", INT32),
            field("interviews", array(struct(
                    field("id", INT64),
                    field("name", STRING),
                    field("schedulable", BOOLEAN),
                    field("estimated_minutes", INT32),
                    field("default_interviewer_users", array(USER_REF)),
                    field("interview_kit", struct(
                            field("id", INT64), field("content", STRING),
                            field("questions", array(struct(field("id", INT64), field("question", STRING)))))),
                    field("created_at", TIMESTAMP),
                    field("updated_at", TIMESTAMP),
                    field("job_id", INT64)))));
}
