package io.kafkaconnect.greenhouse.ashby;

import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.CREATED_AT;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.EXTRA_DATA;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.HIRING_TEAM_MEMBER;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.ID;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.IS_ARCHIVED;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.LOCATION;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.OPENING;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.UPDATED_AT;
import static io.kafkaconnect.greenhouse.ashby.AshbyCommonSchemas.USER;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.FLOAT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/** Ashby organization and job records: jobs, users, departments, locations, sources, archive reasons. */
final class AshbyOrganizationSchemas {
    private AshbyOrganizationSchemas() {
    }

    /** {@code compensation.compensationTiers[]} of a job (included when the job is read with that expand). */
    private static final StructSpec COMPENSATION = struct(field("compensationTiers", array(struct(
            ID,
            field("title", STRING),
            field("additionalInformation", STRING),
            field("components", array(struct(
                    ID,
                    field("summary", STRING),
                    field("compensationType", STRING),
                    field("interval", STRING),
                    field("currencyCode", STRING),
                    field("label", STRING),
                    field("minValue", FLOAT64),
                    field("maxValue", FLOAT64)))),
            field("tierSummary", STRING)))));

    /** {@code job.list}; {@code location}, {@code openings} and {@code compensation} only when expanded. */
    static final StructSpec JOB = struct(
            ID,
            field("title", STRING),
            field("confidential", BOOLEAN),
            field("status", STRING),
            field("employmentType", STRING),
            field("locationId", STRING),
            field("departmentId", STRING),
            field("defaultInterviewPlanId", STRING),
            field("interviewPlanIds", array(STRING)),
            CUSTOM_FIELDS,
            field("jobPostingIds", array(STRING)),
            field("customRequisitionId", STRING),
            field("brandId", STRING),
            field("hiringTeam", array(HIRING_TEAM_MEMBER)),
            field("author", USER),
            CREATED_AT,
            UPDATED_AT,
            field("openedAt", TIMESTAMP),
            field("closedAt", TIMESTAMP),
            field("location", LOCATION),
            field("openings", array(OPENING)),
            field("compensation", COMPENSATION));

    /** {@code user.list}; {@code customFields} only where Ashby has enabled them for the organization. */
    static final StructSpec USER_RECORD = USER;

    /** {@code department.list}: departments and teams. */
    static final StructSpec DEPARTMENT = struct(
            ID,
            field("name", STRING),
            field("externalName", STRING),
            IS_ARCHIVED,
            field("parentId", STRING),
            CREATED_AT,
            UPDATED_AT,
            EXTRA_DATA);

    /** {@code location.list}; location hierarchies (regions) only with {@code includeLocationHierarchy}. */
    static final StructSpec LOCATION_RECORD = LOCATION;

    static final StructSpec SOURCE = AshbyCommonSchemas.SOURCE;

    static final StructSpec ARCHIVE_REASON = AshbyCommonSchemas.ARCHIVE_REASON;
}
