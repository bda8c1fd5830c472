package io.kafkaconnect.greenhouse.ashby;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * The record shapes of the Ashby resources, one per list endpoint's {@code results[]} item. Field names are
 * Ashby's (camelCase); ids are UUID strings; {@code *At} and other date-time fields are Connect timestamps;
 * every field is optional. Custom field values and feedback answers keep any shape losslessly (see
 * {@link io.kafkaconnect.greenhouse.ashby.AshbyCustomFieldSpecs}). Schema names are {@code NAMESPACE + "."} and
 * the record's name, e.g. {@code io.kafkaconnect.greenhouse.ashby.Candidate}.
 *
 * <p>Change time per resource: {@code updatedAt} (candidates, applications, jobs, users, departments,
 * interview_schedules, interview_events, interview_plans, job_templates), {@code submittedAt} (application_feedback,
 * survey_submissions), {@code enteredStageAt} (application_history), {@code createdAt} (candidate_notes); offers and
 * openings have none at the top level ({@code latestVersion.createdAt}); the other resources (definitions, reference
 * lists, projects, approvals) have none.
 */
public final class AshbySchemas {
    public static final String NAMESPACE = "io.kafkaconnect.greenhouse.ashby";

    public static final StructSpec CANDIDATE = AshbyCandidateSchemas.CANDIDATE;
    public static final StructSpec APPLICATION = AshbyCandidateSchemas.APPLICATION;
    public static final StructSpec JOB = AshbyOrganizationSchemas.JOB;
    public static final StructSpec USER = AshbyOrganizationSchemas.USER_RECORD;
    public static final StructSpec DEPARTMENT = AshbyOrganizationSchemas.DEPARTMENT;
    public static final StructSpec LOCATION = AshbyOrganizationSchemas.LOCATION_RECORD;
    public static final StructSpec SOURCE = AshbyOrganizationSchemas.SOURCE;
    public static final StructSpec ARCHIVE_REASON = AshbyOrganizationSchemas.ARCHIVE_REASON;
    public static final StructSpec INTERVIEW_SCHEDULE = AshbyCandidateSchemas.INTERVIEW_SCHEDULE;
    public static final StructSpec OFFER = AshbyCandidateSchemas.OFFER;
    public static final StructSpec APPLICATION_FEEDBACK = AshbyCandidateSchemas.APPLICATION_FEEDBACK;
    public static final StructSpec APPLICATION_HISTORY = AshbyCandidateSchemas.APPLICATION_HISTORY;
    public static final StructSpec OPENING = AshbyHiringProcessSchemas.OPENING;
    public static final StructSpec JOB_POSTING = AshbyHiringProcessSchemas.JOB_POSTING;
    public static final StructSpec JOB_TEMPLATE = AshbyHiringProcessSchemas.JOB_TEMPLATE;
    public static final StructSpec PROJECT = AshbyHiringProcessSchemas.PROJECT;
    public static final StructSpec APPROVAL = AshbyHiringProcessSchemas.APPROVAL;
    public static final StructSpec INTERVIEW = AshbyHiringProcessSchemas.INTERVIEW;
    public static final StructSpec INTERVIEW_PLAN = AshbyHiringProcessSchemas.INTERVIEW_PLAN;
    public static final StructSpec INTERVIEW_STAGE = AshbyHiringProcessSchemas.INTERVIEW_STAGE;
    public static final StructSpec INTERVIEW_EVENT = AshbyHiringProcessSchemas.INTERVIEW_EVENT;
    public static final StructSpec INTERVIEWER_POOL = AshbyHiringProcessSchemas.INTERVIEWER_POOL;
    public static final StructSpec CUSTOM_FIELD = AshbyHiringProcessSchemas.CUSTOM_FIELD_DEFINITION;
    public static final StructSpec CANDIDATE_TAG = AshbyHiringProcessSchemas.CANDIDATE_TAG;
    public static final StructSpec CLOSE_REASON = AshbyHiringProcessSchemas.CLOSE_REASON;
    public static final StructSpec HIRING_TEAM_ROLE = AshbyHiringProcessSchemas.HIRING_TEAM_ROLE;
    public static final StructSpec JOB_BOARD = AshbyHiringProcessSchemas.JOB_BOARD;
    public static final StructSpec SOURCE_TRACKING_LINK = AshbyHiringProcessSchemas.SOURCE_TRACKING_LINK;
    public static final StructSpec FEEDBACK_FORM_DEFINITION = AshbyHiringProcessSchemas.FEEDBACK_FORM_DEFINITION;
    public static final StructSpec SURVEY_FORM_DEFINITION = AshbyHiringProcessSchemas.SURVEY_FORM_DEFINITION;
    public static final StructSpec SURVEY_SUBMISSION = AshbyHiringProcessSchemas.SURVEY_SUBMISSION;
    public static final StructSpec CANDIDATE_NOTE = AshbyHiringProcessSchemas.CANDIDATE_NOTE;

    private AshbySchemas() {
    }
}
