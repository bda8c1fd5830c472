package io.kafkaconnect.greenhouse.harvest.v3;

import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.CREATED_AT;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.ID;
import static io.kafkaconnect.greenhouse.harvest.v3.V3Schemas.UPDATED_AT;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.FLOAT64;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Harvest v3 records outside the reference's suggested stream set: the scorecard plan's attributes and options, job
 * notes and default interviewers, where job posts are located and what they pay, tracking links, and which
 * departments and offices a custom field applies to. Their field lists come from the snapshot of Greenhouse's
 * reference pages only (no second source: UNCERTAIN), so every field is optional as everywhere else.
 */
final class V3DetailSchemas {
    private V3DetailSchemas() {
    }

    // ---- the scorecard plan: attribute types, a job's attributes, a kit's focus attributes, question options

    static final StructSpec CANDIDATE_ATTRIBUTE_TYPE = struct(
            ID,
            field("job_id", INT64),
            field("name", STRING),
            field("active", BOOLEAN),
            field("is_draft", BOOLEAN),
            field("sort_order", INT32),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_CANDIDATE_ATTRIBUTE = struct(
            ID,
            field("job_id", INT64),
            field("candidate_attribute_type_id", INT64),
            field("name", STRING),
            field("active", BOOLEAN),
            field("sort_order", INT32),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec FOCUS_CANDIDATE_ATTRIBUTE = struct(
            ID,
            field("interview_kit_id", INT64),
            field("job_candidate_attribute_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec SCORECARD_QUESTION_OPTION = struct(
            ID,
            field("scorecard_question_id", INT64),
            field("name", STRING),
            field("active", BOOLEAN),
            field("sort_order", INT32),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec SCORECARD_QUESTION_ANSWER_OPTION = struct(
            ID,
            field("scorecard_question_answer_id", INT64),
            field("scorecard_question_option_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec SCORECARD_QUESTION_CANDIDATE_ATTRIBUTE = struct(
            ID,
            field("scorecard_question_id", INT64),
            field("focus_candidate_attribute_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec DEFAULT_INTERVIEWER = struct(
            ID,
            field("interview_kit_id", INT64),
            field("user_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_NOTE = struct(
            ID,
            field("job_id", INT64),
            field("user_id", INT64),
            field("body", STRING),
            field("visibility", STRING),
            CREATED_AT,
            UPDATED_AT);

    // ---- job posts: locations, pay transparency, tracking links

    static final StructSpec JOB_POST_LOCATION = struct(
            ID,
            field("job_post_id", INT64),
            field("type", STRING),
            field("office_id", INT64),
            field("custom_location_id", INT64),
            field("plain_text_location", STRING),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_POST_SEARCHABLE_LOCATION = struct(
            ID,
            field("job_post_id", INT64),
            field("location", STRING),
            field("city", STRING),
            field("county", STRING),
            field("region_long_name", STRING),
            field("region_short_name", STRING),
            field("country_long_name", STRING),
            field("country_short_name", STRING),
            field("postal_code", STRING),
            field("latitude", FLOAT64),
            field("longitude", FLOAT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec JOB_BOARD_CUSTOM_LOCATION = struct(
            ID,
            field("greenhouse_job_board_id", INT64),
            field("value", STRING),
            field("active", BOOLEAN),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec PAY_INPUT = struct(
            ID,
            field("title", STRING),
            field("blurb", STRING),
            field("linked_custom_field_id", INT64),
            field("locked", BOOLEAN),
            field("priority", INT32),
            CREATED_AT,
            UPDATED_AT);

    /** Amounts in cents, int64 (2^31 cents are only about 21 million in the currency). */
    static final StructSpec PAY_INPUT_RANGE = struct(
            ID,
            field("pay_input_id", INT64),
            field("job_post_id", INT64),
            field("currency_type", STRING),
            field("min_cents", INT64),
            field("max_cents", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec TRACKING_LINK = struct(
            ID,
            field("token", STRING),
            field("job_id", INT64),
            field("job_post_id", INT64),
            field("job_board_id", INT64),
            field("source_id", INT64),
            field("referrer_id", INT64),
            field("related_post_id", INT64),
            field("related_post_type", STRING),
            CREATED_AT,
            UPDATED_AT);

    // ---- custom fields' scope

    static final StructSpec CUSTOM_FIELD_DEPARTMENT = struct(
            ID,
            field("custom_field_id", INT64),
            field("department_id", INT64),
            CREATED_AT,
            UPDATED_AT);

    static final StructSpec CUSTOM_FIELD_OFFICE = struct(
            ID,
            field("custom_field_id", INT64),
            field("office_id", INT64),
            CREATED_AT,
            UPDATED_AT);
}
