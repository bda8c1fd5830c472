package io.kafkaconnect.greenhouse.ashby;

import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.ARCHIVE_REASON;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.CONTACT;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.CREATED_AT;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.EXTRA_DATA;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.FILE_HANDLE;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.FORM_DEFINITION;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.HIRING_TEAM_MEMBER;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.ID;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.INTERVIEW_STAGE;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.IS_ARCHIVED;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.OPENING;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.SOURCE;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.UPDATED_AT;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.USER;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.FLOAT64;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Ashby candidate-side records: candidates, applications and their stage history, interview schedules (with
 * their events), offers and feedback.
 */
final class AshbyCandidateSchemas {
    private AshbyCandidateSchemas() {
    }

    /** {@code candidate.list} (the {@code candidate.info} shape). */
    static final StructSpec CANDIDATE = struct(
            ID,
            CREATED_AT,
            UPDATED_AT,
            field("name", STRING),
            field("primaryEmailAddress", CONTACT),
            field("emailAddresses", array(CONTACT)),
            field("primaryPhoneNumber", CONTACT),
            field("phoneNumbers", array(CONTACT)),
            field("socialLinks", array(struct(field("type", STRING), field("url", STRING)))),
            field("tags", array(struct(ID, field("title", STRING), IS_ARCHIVED))),
            field("position", STRING),
            field("company", STRING),
            field("school", STRING),
            field("applicationIds", array(STRING)),
            field("resumeFileHandle", FILE_HANDLE),
            field("fileHandles", array(FILE_HANDLE)),
            CUSTOM_FIELDS,
            field("profileUrl", STRING),
            field("source", SOURCE),
            field("creditedToUser", USER),
            field("timezone", STRING),
            field("location", struct(
                    ID,
                    field("locationSummary", STRING),
                    field("locationComponents", array(struct(field("type", STRING), field("name", STRING)))))),
            field("fraudStatus", STRING));

    /**
     * {@code application.list}: the application with its candidate, job, stage, source and archive reason
     * embedded; {@code openings} only with the {@code openings} expand. {@code archiveReason} carries the archive
     * detail custom fields.
     */
    static final StructSpec APPLICATION = struct(
            ID,
            CREATED_AT,
            UPDATED_AT,
            field("status", STRING),
            CUSTOM_FIELDS,
            field("candidate", struct(
                    ID,
                    field("name", STRING),
                    field("primaryEmailAddress", CONTACT),
                    field("primaryPhoneNumber", CONTACT))),
            field("currentInterviewStage", INTERVIEW_STAGE),
            field("source", SOURCE),
            field("archiveReason", ARCHIVE_REASON.with(CUSTOM_FIELDS)),
            field("archivedAt", TIMESTAMP),
            field("job", struct(
                    ID,
                    field("title", STRING),
                    field("locationId", STRING),
                    field("departmentId", STRING))),
            field("creditedToUser", USER),
            field("hiringTeam", array(HIRING_TEAM_MEMBER)),
            field("appliedViaJobPostingId", STRING),
            field("submitterClientIp", STRING),
            field("submitterUserAgent", STRING),
            field("openings", array(OPENING)));

    /**
     * {@code application.listHistory}: one stage an application was in. {@code applicationId} is not part of
     * Ashby's response; the connector adds it from the request so that each entry names its application.
     */
    static final StructSpec APPLICATION_HISTORY = struct(
            ID,
            field("applicationId", STRING),
            field("stageId", STRING),
            field("title", STRING),
            field("enteredStageAt", TIMESTAMP),
            field("leftStageAt", TIMESTAMP),
            field("stageNumber", INT32),
            field("allowedActions", array(STRING)),
            field("actorId", STRING));

    /** An interviewer pool with its training path, as embedded in an event's interviewers. */
    static final StructSpec INTERVIEWER_POOL = struct(
            ID,
            field("title", STRING),
            IS_ARCHIVED,
            field("trainingPath", struct(
                    ID,
                    field("enabled", BOOLEAN),
                    field("trainingStages", array(struct(
                            ID,
                            field("interviewerRole", STRING),
                            field("interviewsRequired", INT32),
                            IS_ARCHIVED,
                            field("approvalRequired", BOOLEAN),
                            field("approvers", array(USER))))))));

    /** An interview definition ({@code interview.info}), embedded in events read with the {@code interview} expand. */
    static final StructSpec INTERVIEW = struct(
            ID,
            field("title", STRING),
            field("externalTitle", STRING),
            IS_ARCHIVED,
            field("isDebrief", BOOLEAN),
            field("isFeedbackRequired", BOOLEAN),
            field("isFeedbackRequested", BOOLEAN),
            field("instructionsHtml", STRING),
            field("instructionsPlain", STRING),
            field("jobId", STRING),
            field("feedbackFormDefinitionId", STRING));

    /** One event of a schedule ({@code interviewEvent.list} shape). */
    static final StructSpec INTERVIEW_EVENT = struct(
            ID,
            field("interviewId", STRING),
            field("interviewScheduleId", STRING),
            field("interviewerUserIds", array(STRING)),
            field("interviewers", array(USER.with(
                    field("trainingRole", STRING),
                    field("interviewerPool", INTERVIEWER_POOL),
                    field("isFeedbackRequired", BOOLEAN)))),
            CREATED_AT,
            UPDATED_AT,
            field("startTime", TIMESTAMP),
            field("endTime", TIMESTAMP),
            field("feedbackLink", STRING),
            field("location", STRING),
            field("meetingLink", STRING),
            field("interviewerCalendarEventId", STRING),
            field("hasSubmittedFeedback", BOOLEAN),
            field("interview", INTERVIEW),
            field("notetakerTranscriptId", STRING),
            EXTRA_DATA);

    /**
     * {@code interviewSchedule.list}, with its {@code interviewEvents[]}. {@code candidateId} is documented only on
     * the update webhook's copy of this object; it is declared so that it is kept if the list sends it too.
     */
    static final StructSpec INTERVIEW_SCHEDULE = struct(
            ID,
            field("status", STRING),
            field("applicationId", STRING),
            field("interviewStageId", STRING),
            field("scheduledBy", USER),
            CREATED_AT,
            UPDATED_AT,
            field("candidateId", STRING),
            field("interviewEvents", array(INTERVIEW_EVENT)));

    /**
     * {@code offer.list}: the offer with its latest version. No top-level {@code updatedAt}: a new version has a new
     * {@code latestVersion.createdAt}; {@code decidedAt} is set when the candidate decides.
     */
    static final StructSpec OFFER = struct(
            ID,
            field("decidedAt", TIMESTAMP),
            field("applicationId", STRING),
            field("acceptanceStatus", STRING),
            field("offerStatus", STRING),
            field("latestVersion", struct(
                    ID,
                    field("startDate", TIMESTAMP),
                    field("salary", struct(field("currencyCode", STRING), field("value", FLOAT64))),
                    CREATED_AT,
                    field("openingId", STRING),
                    CUSTOM_FIELDS,
                    field("fileHandles", array(FILE_HANDLE)),
                    field("author", USER),
                    field("approvalStatus", STRING))));

    /**
     * {@code applicationFeedback.list}: a submitted scorecard or feedback form. {@code submittedValues} is keyed by
     * the form field {@code path}; its values take any shape (string, number, score object, list, ranges...).
     */
    static final StructSpec APPLICATION_FEEDBACK = struct(
            ID,
            field("applicationId", STRING),
            field("feedbackFormDefinitionId", STRING),
            field("interviewId", STRING),
            field("interviewEventId", STRING),
            field("applicationHistoryId", STRING),
            field("submittedAt", TIMESTAMP),
            field("submittedByUser", USER),
            field("formDefinition", FORM_DEFINITION),
            field("submittedValues", AshbyCustomFieldSpecs.VALUES_BY_KEY));
}
