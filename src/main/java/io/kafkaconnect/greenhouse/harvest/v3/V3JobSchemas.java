package io.kafkaconnect.greenhouse.harvest.v3;

import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.CREATED_AT;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.ID;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.UPDATED_AT;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.DATE;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Harvest v3 job-side records: jobs, openings, posts and boards, the interview plan (stages, interviews, kits,
 * scorecard questions), the hiring team, and approvals.
 */
final class V3JobSchemas {
    private V3JobSchemas() {
    }

    static final StructSpec JOB = struct(
            ID,
            field("name", STRING),
            field("requisition_id", STRING),
            field("status", STRING),
            field("confidential", BOOLEAN),
            field("is_template", BOOLEAN),
            field("copied_from_id", INT64),
            field("department_id", INT64),
            field("office_ids", array(INT64)),
            field("notes", STRING),
            field("custom_fields", KEYED_CUSTOM_FIELDS),
            field("opened_at", TIMESTAMP),
            field("closed_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    /** {@code opening_id} is the free-text external id, distinct from {@code id}. */
    static final StructSpec OPENING = struct(
            ID,
            field("opening_id", STRING),
            field("job_id", INT64),
            field("open", BOOLEAN),
            field("application_id", INT64),
            field("close_reason_id", INT64),
            field("sort_order", INT32),
            field("target_start_on", DATE),
            field("custom_fields", KEYED_CUSTOM_FIELDS),
            field("opened_at", TIMESTAMP),
            field("closed_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    private static final StructSpec JOB_POST_QUESTION = struct(
            field("id", INT64),
            field("name", STRING),
            field("label", STRING),
            field("description", STRING),
            field("answer_type", STRING),
            field("required", BOOLEAN),
            field("private", BOOLEAN),
            field("options", array(struct(field("id", INT64), field("label", STRING)))));

    static final StructSpec JOB_POST = struct(
            ID,
            field("job_id", INT64),
            field("job_board_id", INT64),
            field("title", STRING),
            field("language", STRING),
            field("active", BOOLEAN),
            field("live", BOOLEAN),
            field("internal", BOOLEAN),
            field("featured", BOOLEAN),
            field("content", STRING),
            field("internal_content", STRING),
            field("public_url", STRING),
            field("demographic_question_set_id", INT64),
            field("questions", array(JOB_POST_QUESTION)),
            field("first_published_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_BOARD = struct(
            ID,
            field("company_name", STRING),
            field("url_token", STRING),
            field("status", STRING),
            field("internal", BOOLEAN),
            field("introduction", STRING),
            field("about", STRING),
            field("conclusion", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_INTERVIEW_STAGE = struct(
            ID,
            field("job_id", INT64),
            field("name", STRING),
            field("sort_order", INT32),
            field("active", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_INTERVIEW = struct(
            ID,
            field("job_id", INT64),
            field("job_interview_stage_id", INT64),
            field("name", STRING),
            field("duration", INT32),
            field("scheduling_type", STRING),
            field("require_scorecard", BOOLEAN),
            field("sort_order", INT32),
            field("active", BOOLEAN),
            field("summary", STRING),
            field("instructions", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec INTERVIEW_KIT = struct(
            ID,
            field("job_id", INT64),
            field("job_interview_id", INT64),
            field("exercises", STRING),
            field("anonymize_candidate", BOOLEAN),
            field("anonymize_resumes", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec SCORECARD_QUESTION = struct(
            ID,
            field("interview_kit_id", INT64),
            field("question", STRING),
            field("answer_type", STRING),
            field("required", BOOLEAN),
            field("sort_order", INT32),
            field("active", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_OWNER = struct(
            ID,
            field("job_id", INT64),
            field("user_id", INT64),
            field("type", STRING),
            field("responsible", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_HIRING_MANAGER = struct(
            ID,
            field("job_id", INT64),
            field("user_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec APPROVAL_FLOW = struct(
            ID,
            field("job_id", INT64),
            field("offer_id", INT64),
            field("approval_type", STRING),
            field("approval_status", STRING),
            field("requested_by_id", INT64),
            field("sequential", BOOLEAN),
            field("version", INT32),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec APPROVER_GROUP = struct(
            ID,
            field("approval_flow_id", INT64),
            field("approvals_required", INT32),
            field("required_for_exception", BOOLEAN),
            field("sort_order", INT32),
            field("resolved_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    /** {@code send_auto_reminder_at} is a date despite its {@code _at} suffix. */
    static final StructSpec APPROVER = struct(
            ID,
            field("approver_group_id", INT64),
            field("user_id", INT64),
            field("status", STRING),
            field("sort_order", INT32),
            field("added_by_custom_field_id", INT64),
            field("version_sent", INT32),
            field("request_sent_at", TIMESTAMP),
            field("reminder_sent_at", TIMESTAMP),
            field("reminder_sent_by_id", INT64),
            field("reminders_sent", INT32),
            field("auto_reminders_sent", INT32),
            field("send_auto_reminder_at", DATE),
            field("resolved_at", TIMESTAMP),
            field("resolved_by_id", INT64),
            CREATED_AT,
            UPDATED_AT);
}
