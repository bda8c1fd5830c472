package io.kafkaconnect.greenhouse.harvest.v1;

import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.DEPARTMENT;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.ID_NAME;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.OFFICE;
import static io.kafkaconnect.greenhouse.harvest.v1.V1Schemas.USER_REF;
import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT32;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/**
 * Harvest v1 organization records: users and roles, and the configuration lists (sources, reasons, education,
 * templates, prospect pools, tags, custom fields). Departments and offices are {@link V1Schemas#DEPARTMENT} and
 * {@link V1Schemas#OFFICE}.
 */
final class V1OrganizationSchemas {
    private V1OrganizationSchemas() {
    }

    /** {@code custom_fields}/{@code keyed_custom_fields} are only sent with {@code user_attributes=true}. */
    static final StructSpec USER = struct(
            field("id", INT64),
            field("name", STRING),
            field("first_name", STRING),
            field("last_name", STRING),
            field("primary_email_address", STRING),
            field("updated_at", TIMESTAMP),
            field("created_at", TIMESTAMP),
            field("disabled", BOOLEAN),
            field("site_admin", BOOLEAN),
            field("emails", array(STRING)),
            field("employee_id", STRING),
            field("linked_candidate_ids", array(INT64)),
            field("offices", array(OFFICE)),
            field("departments", array(DEPARTMENT)),
            field("custom_fields", CUSTOM_FIELDS),
            field("keyed_custom_fields", KEYED_CUSTOM_FIELDS));

    static final StructSpec USER_ROLE = struct(field("id", INT64), field("type", STRING), field("name", STRING));

    /** Sources and rejection reasons: a name and a typed category. */
    static final StructSpec NAMED_WITH_TYPE = struct(field("id", INT64), field("name", STRING), field("type", ID_NAME));

    /** Degrees, disciplines and schools. */
    static final StructSpec EDUCATION_OPTION = struct(field("id", INT64), field("name", STRING), field("priority", INT32));

    static final StructSpec EMAIL_TEMPLATE = struct(
            field("id", INT64),
            field("name", STRING),
            field("description", STRING),
            field("default", BOOLEAN),
            field("updated_at", TIMESTAMP),
            field("created_at", TIMESTAMP),
            field("type", STRING),
            field("from", STRING),
            field("cc", array(STRING)),
            field("body", STRING),
            field("html_body", STRING),
            field("user", USER_REF));

    static final StructSpec PROSPECT_POOL = struct(
            field("id", INT64), field("name", STRING), field("active", BOOLEAN),
            field("prospect_stages", array(ID_NAME)));

    /** A custom field definition with its options; {@code active=false} means deleted. */
    static final StructSpec CUSTOM_FIELD = struct(
            field("id", INT64),
            field("name", STRING),
            field("active", BOOLEAN),
            field("field_type", STRING),
            field("priority", INT32),
            field("value_type", STRING),
            field("private", BOOLEAN),
            field("required", BOOLEAN),
            field("require_approval", BOOLEAN),
            field("trigger_new_version", BOOLEAN),
            field("name_key", STRING),
            field("description", STRING),
            field("expose_in_job_board_api", BOOLEAN),
            field("api_only", BOOLEAN),
            field("offices", array(OFFICE)),
            field("departments", array(DEPARTMENT)),
            field("template_token_string", STRING),
            field("custom_field_options", array(struct(
                    field("id", INT64), field("name", STRING), field("priority", INT32),
                    field("external_id", STRING)))));
}
