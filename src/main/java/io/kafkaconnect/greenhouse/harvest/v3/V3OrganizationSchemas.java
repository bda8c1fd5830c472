package io.kafkaconnect.greenhouse.harvest.v3;

import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.CREATED_AT;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.ID;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.ID_NAME;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.JSON_VALUE;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.UPDATED_AT;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Harvest v3 organization records: users and their e-mails, roles and permissions; departments and offices; the
 * configuration lists (sources, referrers, reasons, custom fields and options, tags, templates, prospect pools);
 * and the demographic questionnaire.
 */
final class V3OrganizationSchemas {
    private V3OrganizationSchemas() {
    }

    static final StructSpec USER = struct(
            ID,
            field("name", STRING),
            field("first_name", STRING),
            field("last_name", STRING),
            field("primary_email", STRING),
            field("emails", array(STRING)),
            field("employee_id", STRING),
            field("job_title", STRING),
            field("site_admin", BOOLEAN),
            field("deactivated", BOOLEAN),
            field("agency_id", INT64),
            field("department_ids", array(INT64)),
            field("office_ids", array(INT64)),
            field("linked_candidate_ids", array(INT64)),
            field("interviewer_tags", array(ID_NAME)),
            field("custom_fields", KEYED_CUSTOM_FIELDS),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec USER_EMAIL = struct(
            ID,
            field("user_id", INT64),
            field("email", STRING),
            field("verified", BOOLEAN),
            field("verification_token_sent_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec USER_ROLE = struct(
            ID, field("name", STRING), field("role_type", STRING), CREATED_AT, UPDATED_AT);

    static final StructSpec USER_JOB_PERMISSION = struct(
            ID,
            field("user_id", INT64),
            field("job_id", INT64),
            field("role_id", INT64),
            field("automated", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec FUTURE_JOB_PERMISSION = struct(
            ID,
            field("user_id", INT64),
            field("role_id", INT64),
            field("department_id", INT64),
            field("office_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec DEPARTMENT = struct(
            ID,
            field("name", STRING),
            field("parent_id", INT64),
            field("external_id", STRING),
            CREATED_AT,
            UPDATED_AT);

    /** {@code location} is a plain string in v3 (v1 had an object). */
    static final StructSpec OFFICE = struct(
            ID,
            field("name", STRING),
            field("location", STRING),
            field("parent_id", INT64),
            field("primary_in_house_contact_user_id", INT64),
            field("external_id", STRING),
            CREATED_AT,
            UPDATED_AT);

    /** {@code type} is the sourcing strategy. */
    static final StructSpec SOURCE = struct(
            ID, field("name", STRING), field("type", ID_NAME), CREATED_AT, UPDATED_AT);

    static final StructSpec REFERRER = struct(
            ID, field("name", STRING), field("user_id", INT64), CREATED_AT, UPDATED_AT);

    static final StructSpec REJECTION_REASON = struct(
            ID,
            field("name", STRING),
            field("type", struct(field("id", INT64), field("key", STRING), field("name", STRING))),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec CUSTOM_FIELD = struct(
            ID,
            field("name", STRING),
            field("name_key", STRING),
            field("description", STRING),
            field("field_type", STRING),
            field("value_type", STRING),
            field("internal_type", STRING),
            field("application_type", STRING),
            field("active", BOOLEAN),
            field("private", BOOLEAN),
            field("required", BOOLEAN),
            field("api_only", BOOLEAN),
            field("require_approval", BOOLEAN),
            field("trigger_new_version", BOOLEAN),
            field("expose_in_job_board_api", BOOLEAN),
            field("use_for_job_approvals", BOOLEAN),
            field("use_for_offer_approvals", BOOLEAN),
            field("sort_order", INT32),
            field("placeholder", STRING),
            field("template_token_string", STRING),
            field("default_value", JSON_VALUE),
            field("updated_by_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec CUSTOM_FIELD_OPTION = struct(
            ID,
            field("custom_field_id", INT64),
            field("name", STRING),
            field("external_id", STRING),
            field("sort_order", INT32),
            field("active", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec EMAIL_TEMPLATE = struct(
            ID,
            field("name", STRING),
            field("description", STRING),
            field("default", BOOLEAN),
            field("email_type", STRING),
            field("from_type", STRING),
            field("user_id", INT64),
            field("recipients", STRING),
            field("cc_recruiter", BOOLEAN),
            field("cc_coordinator", BOOLEAN),
            field("office_anywhere", BOOLEAN),
            field("subject", STRING),
            field("body", STRING),
            field("html_body", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec PROSPECT_POOL = struct(
            ID,
            field("name", STRING),
            field("description", STRING),
            field("active", BOOLEAN),
            field("department_ids", array(INT64)),
            field("office_ids", array(INT64)),
            field("job_ids", array(INT64)),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec PROSPECT_POOL_STAGE = struct(
            ID,
            field("prospect_pool_id", INT64),
            field("name", STRING),
            field("sort_order", INT32),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec DEMOGRAPHIC_QUESTION_SET = struct(
            ID,
            field("title", STRING),
            field("description", STRING),
            field("active", BOOLEAN),
            field("enabled", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    /** The timestamps may be absent (Greenhouse says this resource has none; third parties list them). */
    static final StructSpec DEMOGRAPHIC_QUESTION = struct(
            ID,
            field("demographic_question_set_id", INT64),
            field("name", STRING),
            field("answer_type", STRING),
            field("required", BOOLEAN),
            field("sort_order", INT32),
            field("active", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    /** The timestamps may be absent, as for {@link #DEMOGRAPHIC_QUESTION}. */
    static final StructSpec DEMOGRAPHIC_ANSWER_OPTION = struct(
            ID,
            field("demographic_question_id", INT64),
            field("name", STRING),
            field("free_form", BOOLEAN),
            field("decline_to_answer", BOOLEAN),
            field("sort_order", INT32),
            field("active", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec DEMOGRAPHIC_ANSWER = struct(
            ID,
            field("application_id", INT64),
            field("demographic_question_id", INT64),
            field("demographic_answer_option_id", INT64),
            field("free_form_text", STRING),
            CREATED_AT,
            UPDATED_AT);
}
