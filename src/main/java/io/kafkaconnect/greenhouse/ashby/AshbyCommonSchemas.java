package io.kafkaconnect.greenhouse.ashby;

import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.map;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.CustomFieldSpecs;
import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Building blocks shared by the Ashby record shapes. Field lists follow Ashby's OpenAPI document (the reference
 * README names the copy); names stay camelCase as Ashby sends them, ids are UUID strings, {@code *At} fields (and
 * the other {@code date-time} fields) are timestamps, and every field is optional. Ashby embeds related objects
 * (users, sources, stages), so they are nested structs here.
 */
final class AshbyCommonSchemas {
    private AshbyCommonSchemas() {
    }

    static final StructSpec.Field ID = field("id", STRING);
    static final StructSpec.Field CREATED_AT = field("createdAt", TIMESTAMP);
    static final StructSpec.Field UPDATED_AT = field("updatedAt", TIMESTAMP);
    static final StructSpec.Field IS_ARCHIVED = field("isArchived", BOOLEAN);

    /** {@code extraData}: the caller's own string key → string value pairs (locations, departments, events). */
    static final StructSpec.Field EXTRA_DATA = field("extraData", map(STRING));

    /**
     * One custom field value {@code {id, title, isPrivate, value, valueLabel}}. {@code value} is polymorphic (see
     * {@link AshbyCustomFieldSpecs#VALUE}); {@code valueLabel} is a string or, for multi-selects, a string list.
     */
    static final StructSpec CUSTOM_FIELD = struct(
            ID,
            field("title", STRING),
            field("isPrivate", BOOLEAN),
            field("value", AshbyCustomFieldSpecs.VALUE),
            field("valueLabel", CustomFieldSpecs.ANY_VALUE));

    static final StructSpec.Field CUSTOM_FIELDS = field("customFields", array(CUSTOM_FIELD));

    /** An Ashby user, as {@code user.list} returns it and as embedded (creditedToUser, author, interviewers...). */
    static final StructSpec USER = struct(
            ID,
            field("firstName", STRING),
            field("lastName", STRING),
            field("email", STRING),
            field("globalRole", STRING),
            field("isEnabled", BOOLEAN),
            UPDATED_AT,
            field("managerId", STRING),
            CUSTOM_FIELDS);

    /** An e-mail address or phone number: {@code {value, type, isPrimary}}. */
    static final StructSpec CONTACT = struct(
            field("value", STRING),
            field("type", STRING),
            field("isPrimary", BOOLEAN));

    /** A file reference {@code {id, name, handle}}; {@code file.info} turns the handle into a URL. */
    static final StructSpec FILE_HANDLE = struct(ID, field("name", STRING), field("handle", STRING));

    /** A hiring team member {@code {email, firstName, lastName, role, userId}}. */
    static final StructSpec HIRING_TEAM_MEMBER = struct(
            field("email", STRING),
            field("firstName", STRING),
            field("lastName", STRING),
            field("role", STRING),
            field("userId", STRING));

    static final StructSpec SOURCE = struct(
            ID,
            field("title", STRING),
            IS_ARCHIVED,
            field("sourceType", struct(ID, field("title", STRING), IS_ARCHIVED)));

    static final StructSpec ARCHIVE_REASON = struct(
            ID,
            field("text", STRING),
            field("reasonType", STRING),
            IS_ARCHIVED);

    static final StructSpec LOCATION = struct(
            ID,
            field("name", STRING),
            field("externalName", STRING),
            IS_ARCHIVED,
            field("address", struct(field("postalAddress", struct(
                    field("addressCountry", STRING),
                    field("addressRegion", STRING),
                    field("addressLocality", STRING),
                    field("postalCode", STRING),
                    field("streetAddress", STRING))))),
            field("isRemote", BOOLEAN),
            field("workplaceType", STRING),
            field("parentLocationId", STRING),
            field("type", STRING),
            EXTRA_DATA);

    /** An interview stage ({@code interviewStage.info}), e.g. an application's {@code currentInterviewStage}. */
    static final StructSpec INTERVIEW_STAGE = struct(
            ID,
            field("title", STRING),
            field("type", STRING),
            field("orderInInterviewPlan", INT32),
            field("interviewStageGroupId", STRING),
            field("interviewPlanId", STRING));

    /**
     * An opening (embedded in jobs and applications when expanded). {@code targetHireDate} and
     * {@code targetStartDate} are {@code YYYY-MM-DD} strings without a declared format, so they stay strings.
     */
    static final StructSpec OPENING = struct(
            ID,
            field("openedAt", TIMESTAMP),
            field("closedAt", TIMESTAMP),
            IS_ARCHIVED,
            field("archivedAt", TIMESTAMP),
            field("closeReasonId", STRING),
            field("openingState", STRING),
            field("latestVersion", struct(
                    ID,
                    field("identifier", STRING),
                    field("description", STRING),
                    field("authorId", STRING),
                    CREATED_AT,
                    field("teamId", STRING),
                    field("jobIds", array(STRING)),
                    field("targetHireDate", STRING),
                    field("targetStartDate", STRING),
                    field("isBackfill", BOOLEAN),
                    field("employmentType", STRING),
                    field("locationIds", array(STRING)),
                    field("hiringTeam", array(HIRING_TEAM_MEMBER)),
                    CUSTOM_FIELDS)));

    /** One question of a form: its type, title and the {@code path} its answer is keyed by. */
    private static final StructSpec FORM_FIELD = struct(
            ID,
            field("type", STRING),
            field("path", STRING),
            field("humanReadablePath", STRING),
            field("title", STRING),
            field("isNullable", BOOLEAN),
            field("selectableValues", array(struct(field("label", STRING), field("value", STRING)))));

    private static final StructSpec FORM_SECTION = struct(
            field("title", STRING),
            field("descriptionHtml", STRING),
            field("descriptionPlain", STRING),
            field("fields", array(struct(
                    field("isRequired", BOOLEAN),
                    field("descriptionHtml", STRING),
                    field("descriptionPlain", STRING),
                    field("field", FORM_FIELD)))));

    /**
     * A form definition ({@code formDefinition} of feedback, offers, surveys): sections of fields, each field
     * naming the {@code path} its answer is keyed by in {@code submittedValues}.
     */
    static final StructSpec FORM_DEFINITION = struct(field("sections", array(FORM_SECTION)));
}
