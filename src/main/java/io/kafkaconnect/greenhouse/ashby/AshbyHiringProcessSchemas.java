package io.kafkaconnect.greenhouse.ashby;

import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.CREATED_AT;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.FORM_DEFINITION;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.ID;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.IS_ARCHIVED;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.UPDATED_AT;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Ashby's definitions and the records around jobs that are not candidates' own: openings, job postings and
 * templates, projects, approvals, interview definitions, plans and stages, interviewer pools, custom field
 * definitions, tags, close reasons, hiring team roles, job boards, source tracking links, form definitions, survey
 * submissions and candidate notes. Where the reference gives no field list, the shape follows Ashby's OpenAPI
 * document as far as it is known; fields it does not declare are kept in the record's undeclared-fields JSON.
 */
final class AshbyHiringProcessSchemas {
    private AshbyHiringProcessSchemas() {
    }

    /** {@code opening.list}: the shape embedded in jobs and applications. */
    static final StructSpec OPENING = AshbyCommonSchemas.OPENING;

    /**
     * {@code jobPosting.list}: the brief posting. {@code publishedDate} is a {@code YYYY-MM-DD} string and kept as one;
     * {@code locationIds} names the primary and secondary locations.
     */
    static final StructSpec JOB_POSTING = struct(
            ID,
            field("title", STRING),
            field("jobId", STRING),
            field("departmentName", STRING),
            field("teamName", STRING),
            field("locationName", STRING),
            field("locationIds", struct(
                    field("primaryLocationId", STRING),
                    field("secondaryLocationIds", array(STRING)))),
            field("workplaceType", STRING),
            field("employmentType", STRING),
            field("isListed", BOOLEAN),
            field("publishedDate", STRING),
            field("applicationDeadline", TIMESTAMP),
            field("externalLink", STRING),
            field("applyLink", STRING),
            field("compensationTierSummary", STRING),
            field("shouldDisplayCompensationOnJobBoard", BOOLEAN),
            UPDATED_AT);

    /** {@code jobTemplate.list}. */
    static final StructSpec JOB_TEMPLATE = struct(
            ID,
            field("title", STRING),
            IS_ARCHIVED,
            field("employmentType", STRING),
            field("departmentId", STRING),
            field("locationId", STRING),
            field("defaultInterviewPlanId", STRING),
            CUSTOM_FIELDS,
            CREATED_AT,
            UPDATED_AT);

    /** {@code project.list}: no change time is documented. */
    static final StructSpec PROJECT = struct(
            ID,
            field("title", STRING),
            field("description", STRING),
            IS_ARCHIVED,
            field("confidential", BOOLEAN),
            field("authorId", STRING),
            CREATED_AT,
            CUSTOM_FIELDS);

    /** {@code approval.list}: an approval of an entity (an offer, a job, an opening) and its steps. */
    static final StructSpec APPROVAL = struct(
            ID,
            field("entityType", STRING),
            field("entityId", STRING),
            field("status", STRING),
            CREATED_AT,
            field("completedAt", TIMESTAMP),
            field("approvalStepDefinitions", array(struct(
                    field("approvalsRequired", INT32),
                    field("approvers", array(struct(
                            field("type", STRING),
                            field("userId", STRING),
                            field("firstName", STRING),
                            field("lastName", STRING),
                            field("email", STRING))))))));

    /** {@code interview.list}: an interview definition. */
    static final StructSpec INTERVIEW = AshbyCandidateSchemas.INTERVIEW;

    /** {@code interviewPlan.list}. */
    static final StructSpec INTERVIEW_PLAN = struct(
            ID,
            field("title", STRING),
            IS_ARCHIVED,
            CREATED_AT,
            UPDATED_AT);

    /** {@code interviewStage.list} of one plan ({@code interviewPlanId} is in Ashby's answer, and added if not). */
    static final StructSpec INTERVIEW_STAGE = AshbyCommonSchemas.INTERVIEW_STAGE;

    /** {@code interviewEvent.list} of one schedule: the events {@code interview_schedules} also nests. */
    static final StructSpec INTERVIEW_EVENT = AshbyCandidateSchemas.INTERVIEW_EVENT;

    /** {@code interviewerPool.list}: a pool with its training path. */
    static final StructSpec INTERVIEWER_POOL = AshbyCandidateSchemas.INTERVIEWER_POOL;

    /** {@code customField.list}: a custom field definition, the options of select fields included. */
    static final StructSpec CUSTOM_FIELD_DEFINITION = struct(
            ID,
            field("title", STRING),
            field("objectType", STRING),
            field("fieldType", STRING),
            field("isPrivate", BOOLEAN),
            field("isExposableToCandidate", BOOLEAN),
            IS_ARCHIVED,
            field("selectableValues", array(struct(
                    field("label", STRING),
                    field("value", STRING),
                    IS_ARCHIVED))));

    /** {@code candidateTag.list}. */
    static final StructSpec CANDIDATE_TAG = struct(ID, field("title", STRING), IS_ARCHIVED);

    /** {@code closeReason.list}: why an opening or a job was closed (the shape of archive reasons). */
    static final StructSpec CLOSE_REASON = AshbyCommonSchemas.ARCHIVE_REASON;

    /** {@code hiringTeamRole.list}. */
    static final StructSpec HIRING_TEAM_ROLE = struct(ID, field("title", STRING));

    /** {@code jobBoard.list}. */
    static final StructSpec JOB_BOARD = struct(ID, field("title", STRING), field("isInternal", BOOLEAN));

    /** {@code sourceTrackingLink.list}: a link that credits applications to a source. */
    static final StructSpec SOURCE_TRACKING_LINK = struct(
            ID,
            field("code", STRING),
            field("sourceId", STRING),
            field("link", STRING),
            field("isEnabled", BOOLEAN));

    /** {@code feedbackFormDefinition.list}. */
    static final StructSpec FEEDBACK_FORM_DEFINITION = struct(
            ID,
            field("title", STRING),
            IS_ARCHIVED,
            field("isDefaultForm", BOOLEAN),
            field("formDefinition", FORM_DEFINITION));

    /** {@code surveyFormDefinition.list}. */
    static final StructSpec SURVEY_FORM_DEFINITION = struct(
            ID,
            field("title", STRING),
            IS_ARCHIVED,
            field("surveyType", STRING),
            field("formDefinition", FORM_DEFINITION));

    /** {@code surveySubmission.list} of one survey type; {@code submittedValues} keyed like feedback's. */
    static final StructSpec SURVEY_SUBMISSION = struct(
            ID,
            field("candidateId", STRING),
            field("applicationId", STRING),
            field("surveyType", STRING),
            field("submittedAt", TIMESTAMP),
            field("formDefinition", FORM_DEFINITION),
            field("submittedValues", AshbyCustomFieldSpecs.VALUES_BY_KEY));

    /** {@code candidate.listNotes} of one candidate; {@code candidateId} is added from the request. */
    static final StructSpec CANDIDATE_NOTE = struct(
            ID,
            field("candidateId", STRING),
            CREATED_AT,
            field("content", STRING),
            field("isPrivate", BOOLEAN),
            field("author", struct(
                    ID,
                    field("firstName", STRING),
                    field("lastName", STRING),
                    field("email", STRING))));
}
