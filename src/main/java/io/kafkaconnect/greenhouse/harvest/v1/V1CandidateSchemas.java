package io.kafkaconnect.greenhouse.harvest.v1;

import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.ATTACHMENT;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.DEPARTMENT;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.ID_NAME;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.OFFICE;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.OPENING;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.TYPED_VALUE;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.USER_REF;
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

/** Harvest v1 candidate-side records: candidates, applications, offers, interviews, scorecards, EEOC. */
final class V1CandidateSchemas {
    private V1CandidateSchemas() {
    }

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

    /** {@code sent_at} and {@code starts_at} are dates ({@code YYYY-MM-DD}), {@code resolved_at} a timestamp. */
    static final StructSpec OFFER = struct(
            field("id", INT64),
            field("version", INT32),
            field("application_id", INT64),
            field("job_id", INT64),
            field("candidate_id", INT64),
            field("opening", OPENING),
            field("created_at", TIMESTAMP),
            field("updated_at", TIMESTAMP),
            field("sent_at", DATE),
            field("resolved_at", TIMESTAMP),
            field("starts_at", DATE),
            field("status", STRING),
            field("custom_fields", CUSTOM_FIELDS),
            field("keyed_custom_fields", KEYED_CUSTOM_FIELDS));

    /** An interview's start or end: {@code date_time} for timed interviews, {@code date} for all-day ones. */
    private static final StructSpec INTERVIEW_TIME = struct(field("date_time", TIMESTAMP), field("date", DATE));

    static final StructSpec SCHEDULED_INTERVIEW = struct(
            field("id", INT64),
            field("application_id", INT64),
            field("external_event_id", STRING),
            field("start", INTERVIEW_TIME),
            field("end", INTERVIEW_TIME),
            field("location", STRING),
            field("video_conferencing_url", STRING),
            field("status", STRING),
            field("created_at", TIMESTAMP),
            field("updated_at", TIMESTAMP),
            field("interview", ID_NAME),
            field("organizer", USER_REF),
            field("interviewers", array(struct(
                    field("id", INT64), field("employee_id", STRING), field("name", STRING), field("email", STRING),
                    field("response_status", STRING), field("scorecard_id", INT64)))));

    static final StructSpec SCORECARD = struct(
            field("id", INT64),
            field("updated_at", TIMESTAMP),
            field("created_at", TIMESTAMP),
            field("interview", STRING),
            field("interview_step", ID_NAME),
            field("candidate_id", INT64),
            field("application_id", INT64),
            field("interviewed_at", TIMESTAMP),
            field("submitted_by", USER_REF),
            field("interviewer", USER_REF),
            field("submitted_at", TIMESTAMP),
            field("overall_recommendation", STRING),
            field("attributes", array(struct(
                    field("name", STRING), field("type", STRING), field("note", STRING), field("rating", STRING)))),
            field("ratings", struct(
                    field("definitely_not", array(STRING)), field("no", array(STRING)), field("mixed", array(STRING)),
                    field("yes", array(STRING)), field("strong_yes", array(STRING)))),
            field("questions", array(struct(
                    field("id", INT64), field("question", STRING), field("answer", STRING)))));

    private static final StructSpec EEOC_ANSWER = struct(field("id", INT64), field("description", STRING));

    /** EEOC data has no {@code id}: one object per application, named by {@code application_id}. */
    static final StructSpec EEOC = struct(
            field("application_id", INT64),
            field("candidate_id", INT64),
            field("race", EEOC_ANSWER),
            field("gender", EEOC_ANSWER),
            field("veteran_status", struct(field("id", INT64), field("message", STRING))),
            field("disability_status", EEOC_ANSWER),
            field("submitted_at", TIMESTAMP))
            .identifiedBy("application_id");
}
