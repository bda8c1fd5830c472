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
 * interview_schedules), {@code submittedAt} (application_feedback), {@code enteredStageAt} (application_history);
 * offers have none at the top level ({@code latestVersion.createdAt}, {@code decidedAt}); locations, sources and
 * archive reasons have none.
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

    private AshbySchemas() {
    }
}
