package io.kafkaconnect.greenhouse.harvest.v3;

import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.CREATED_AT;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.ID;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.TYPED_VALUE;
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
 * Harvest v3 candidate-side records: candidates and their details, applications and their stages, offers,
 * interviews, scorecards, notes, rejection and prospect details. v3 {@code custom_fields} maps are keyed by the
 * custom field's {@code name_key} and hold {@code {name, type, value}} (v1's {@code keyed_custom_fields} shape).
 */
final class V3CandidateSchemas {
    private V3CandidateSchemas() {
    }

    static final StructSpec CANDIDATE = struct(
            ID,
            field("first_name", STRING),
            field("last_name", STRING),
            field("preferred_name", STRING),
            field("company", STRING),
            field("title", STRING),
            field("private", BOOLEAN),
            field("can_email", BOOLEAN),
            field("time_zone", STRING),
            field("phone_numbers", array(TYPED_VALUE)),
            field("addresses", array(TYPED_VALUE)),
            field("email_addresses", array(TYPED_VALUE)),
            field("website_addresses", array(TYPED_VALUE)),
            field("social_media_addresses", array(struct(field("value", STRING)))),
            field("tags", array(STRING)),
            field("linked_user_ids", array(INT64)),
            field("custom_fields", KEYED_CUSTOM_FIELDS),
            field("last_activity_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec APPLICATION = struct(
            ID,
            field("candidate_id", INT64),
            field("prospect", BOOLEAN),
            field("job_id", INT64),
            field("prospective_job_ids", array(INT64)),
            field("job_post_id", INT64),
            field("status", STRING),
            field("stage_id", INT64),
            field("stage_name", STRING),
            field("source_id", INT64),
            field("referrer_id", INT64),
            field("recruiter_id", INT64),
            field("coordinator_id", INT64),
            field("agency_note_id", INT64),
            field("location_address", STRING),
            field("needs_decision", BOOLEAN),
            field("answers", array(struct(field("question", STRING), field("answer", STRING)))),
            field("custom_fields", KEYED_CUSTOM_FIELDS),
            field("rejected_at", TIMESTAMP),
            field("last_activity_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec APPLICATION_STAGE = struct(
            ID,
            field("application_id", INT64),
            field("job_interview_stage_id", INT64),
            field("current", BOOLEAN),
            field("days_in_stage", INT32),
            field("entered_at", TIMESTAMP),
            field("exited_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec OFFER = struct(
            ID,
            field("application_id", INT64),
            field("candidate_id", INT64),
            field("job_id", INT64),
            field("opening_id", INT64),
            field("version", INT32),
            field("status", STRING),
            field("sent_on", DATE),
            field("starts_on", DATE),
            field("resolved_at", TIMESTAMP),
            field("custom_fields", KEYED_CUSTOM_FIELDS),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec INTERVIEW = struct(
            ID,
            field("application_id", INT64),
            field("job_id", INT64),
            field("job_interview_id", INT64),
            field("organizer_id", INT64),
            field("status", STRING),
            field("starts_at", TIMESTAMP),
            field("ends_at", TIMESTAMP),
            field("all_day_start_on", DATE),
            field("all_day_end_on", DATE),
            field("scheduled_at", TIMESTAMP),
            field("availability_received_at", TIMESTAMP),
            field("location", STRING),
            field("video_conferencing_url", STRING),
            field("external_event_id", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec INTERVIEWER = struct(
            ID,
            field("interview_id", INT64),
            field("user_id", INT64),
            field("email", STRING),
            field("response_status", STRING),
            field("scorecard_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec SCORECARD = struct(
            ID,
            field("application_id", INT64),
            field("interview_kit_id", INT64),
            field("interviewer_id", INT64),
            field("submitter_id", INT64),
            field("status", STRING),
            field("candidate_rating", STRING),
            field("interviewed_at", TIMESTAMP),
            field("submitted_at", TIMESTAMP),
            field("notes", STRING),
            field("notes_with_tags", STRING),
            field("private_notes", STRING),
            field("private_notes_with_tags", STRING),
            field("public_notes", STRING),
            field("public_notes_with_tags", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec SCORECARD_CANDIDATE_ATTRIBUTE = struct(
            ID,
            field("scorecard_id", INT64),
            field("job_candidate_attribute_id", INT64),
            field("candidate_attribute_rating", STRING),
            field("note", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec SCORECARD_QUESTION_ANSWER = struct(
            ID,
            field("scorecard_id", INT64),
            field("scorecard_question_id", INT64),
            field("answer", STRING),
            field("boolean_value", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec NOTE = struct(
            ID,
            field("candidate_id", INT64),
            field("application_id", INT64),
            field("user_id", INT64),
            field("type", STRING),
            field("visibility", STRING),
            field("subject", STRING),
            field("body", STRING),
            field("body_with_tags", STRING),
            field("email_from", STRING),
            field("email_to", STRING),
            field("email_cc", array(STRING)),
            field("email_attachment_file_names", STRING),
            field("import_hash", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec REJECTION_DETAIL = struct(
            ID,
            field("application_id", INT64),
            field("rejection_reason_id", INT64),
            field("rejected_by_id", INT64),
            field("rejection_note_id", INT64),
            field("rejected_at", TIMESTAMP),
            field("question_custom_fields", KEYED_CUSTOM_FIELDS),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec PROSPECT_DETAIL = struct(
            ID,
            field("application_id", INT64),
            field("pool_id", INT64),
            field("pool_stage_id", INT64),
            field("prospect_owner_id", INT64),
            field("department_id", INT64),
            field("office_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec ATTACHMENT = struct(
            ID,
            field("candidate_id", INT64),
            field("application_id", INT64),
            field("filename", STRING),
            field("type", STRING),
            field("url", STRING),
            CREATED_AT,
            UPDATED_AT);

    /** {@code start_at}/{@code end_at} are timestamps of which only month and year mean something. */
    static final StructSpec CANDIDATE_EDUCATION = struct(
            ID,
            field("candidate_id", INT64),
            field("school_name_custom_field_option_id", INT64),
            field("degree_custom_field_option_id", INT64),
            field("discipline_custom_field_option_id", INT64),
            field("start_at", TIMESTAMP),
            field("start_date_month", INT32),
            field("start_date_year", INT32),
            field("end_at", TIMESTAMP),
            field("end_date_month", INT32),
            field("end_date_year", INT32),
            field("latest", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    /** {@code start_date}/{@code end_date} are dates despite lacking the {@code _on} suffix. */
    static final StructSpec CANDIDATE_EMPLOYMENT = struct(
            ID,
            field("candidate_id", INT64),
            field("company_name", STRING),
            field("title", STRING),
            field("start_date", DATE),
            field("end_date", DATE),
            field("latest", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec APPLIED_CANDIDATE_TAG = struct(
            ID,
            field("candidate_id", INT64),
            field("candidate_tag_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    /** Each answer is {@code {id, description}}; both null when the candidate skipped the question. */
    private static final StructSpec EEOC_ANSWER = struct(field("id", INT64), field("description", STRING));

    static final StructSpec EEOC = struct(
            ID,
            field("application_id", INT64),
            field("candidate_id", INT64),
            field("race", EEOC_ANSWER),
            field("gender", EEOC_ANSWER),
            field("veteran_status", EEOC_ANSWER),
            field("disability_status", EEOC_ANSWER),
            field("submitted_at", TIMESTAMP),
            CREATED_AT,
            UPDATED_AT);
}
