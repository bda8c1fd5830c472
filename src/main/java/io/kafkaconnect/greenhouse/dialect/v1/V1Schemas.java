package io.kafkaconnect.greenhouse.dialect.v1;

import static io.kafkaconnect.greenhouse.schema.CustomFieldSpecs.CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.schema.CustomFieldSpecs.KEYED_CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/** Record shapes of Harvest v1, from the object descriptions and example JSON of the v1 docs. */
final class V1Schemas {
    static final String NAMESPACE = "io.kafkaconnect.greenhouse.v1";

    private V1Schemas() {
    }

    static final StructSpec USER_REF = struct(
            field("id", INT64), field("first_name", STRING), field("last_name", STRING), field("name", STRING),
            field("employee_id", STRING));

    static final StructSpec TEAM_MEMBER = USER_REF.with(field("responsible", BOOLEAN));

    static final StructSpec ID_NAME = struct(field("id", INT64), field("name", STRING));

    static final StructSpec TYPED_VALUE = struct(field("value", STRING), field("type", STRING));

    static final StructSpec ATTACHMENT = struct(
            field("filename", STRING), field("url", STRING), field("type", STRING), field("created_at", TIMESTAMP));

    static final StructSpec DEPARTMENT = struct(
            field("id", INT64), field("name", STRING), field("parent_id", INT64),
            field("parent_department_external_id", STRING), field("child_ids", array(INT64)),
            field("child_department_external_ids", array(STRING)), field("external_id", STRING));

    static final StructSpec OFFICE = struct(
            field("id", INT64), field("name", STRING), field("location", struct(field("name", STRING))),
            field("primary_contact_user_id", INT64), field("parent_id", INT64),
            field("parent_office_external_id", STRING), field("child_ids", array(INT64)),
            field("child_office_external_ids", array(STRING)), field("external_id", STRING));

    static final StructSpec APPLICATION = struct(
            field("id", INT64),
            field("candidate_id", INT64),
            field("prospect", BOOLEAN),
            field("applied_at", TIMESTAMP),
            field("rejected_at", TIMESTAMP),
            field("last_activity_at", TIMESTAMP),
            field("location", struct(field("address", STRING))),
            field("source", struct(field("id", INT64), field("public_name", STRING))),
            field("credited_to", USER_REF),
            field("recruiter", USER_REF),
            field("coordinator", USER_REF),
            field("rejection_reason", struct(field("id", INT64), field("name", STRING), field("type", ID_NAME))),
            field("rejection_details", struct(
                    field("custom_fields", CUSTOM_FIELDS), field("keyed_custom_fields", KEYED_CUSTOM_FIELDS))),
            field("jobs", array(ID_NAME)),
            field("job_post_id", INT64),
            field("status", STRING),
            field("current_stage", ID_NAME),
            field("answers", array(struct(field("question", STRING), field("answer", STRING)))),
            field("prospective_office", OFFICE),
            field("prospective_department", DEPARTMENT),
            field("prospect_detail", struct(
                    field("prospect_pool", ID_NAME), field("prospect_stage", ID_NAME),
                    field("prospect_owner", ID_NAME))),
            field("custom_fields", CUSTOM_FIELDS),
            field("keyed_custom_fields", KEYED_CUSTOM_FIELDS),
            field("attachments", array(ATTACHMENT)));

    static final StructSpec CANDIDATE = struct(
            field("id", INT64),
            field("first_name", STRING),
            field("last_name", STRING),
            field("company", STRING),
            field("title", STRING),
            field("created_at", TIMESTAMP),
            field("updated_at", TIMESTAMP),
            field("last_activity", TIMESTAMP),
            field("is_private", BOOLEAN),
            field("photo_url", STRING),
            field("attachments", array(ATTACHMENT)),
            field("application_ids", array(INT64)),
            field("phone_numbers", array(TYPED_VALUE)),
            field("addresses", array(TYPED_VALUE)),
            field("email_addresses", array(TYPED_VALUE)),
            field("website_addresses", array(TYPED_VALUE)),
            field("social_media_addresses", array(struct(field("value", STRING)))),
            field("recruiter", USER_REF),
            field("coordinator", USER_REF),
            field("can_email", BOOLEAN),
            field("tags", array(STRING)),
            field("applications", array(APPLICATION)),
            field("educations", array(struct(
                    field("id", INT64), field("school_name", STRING), field("degree", STRING),
                    field("discipline", STRING), field("start_date", TIMESTAMP), field("end_date", TIMESTAMP)))),
            field("employments", array(struct(
                    field("id", INT64), field("company_name", STRING), field("title", STRING),
                    field("start_date", TIMESTAMP), field("end_date", TIMESTAMP)))),
            field("linked_user_ids", array(INT64)),
            field("custom_fields", CUSTOM_FIELDS),
            field("keyed_custom_fields", KEYED_CUSTOM_FIELDS));

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
            field("openings", array(struct(
                    field("id", INT64), field("opening_id", STRING), field("status", STRING),
                    field("opened_at", TIMESTAMP), field("closed_at", TIMESTAMP), field("application_id", INT64),
                    field("close_reason", ID_NAME)))));
}
