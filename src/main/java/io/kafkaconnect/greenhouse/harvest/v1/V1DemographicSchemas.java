package io.kafkaconnect.greenhouse.harvest.v1;

import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.schema.StructSpec;

/** Harvest v1 demographic data (Greenhouse Inclusion): question sets, questions, answer options, answers. */
final class V1DemographicSchemas {
    private V1DemographicSchemas() {
    }

    /** Deprecated by Greenhouse (only {@code en}, same text as {@code name}) but still sent. */
    private static final StructSpec TRANSLATION = struct(field("language", STRING), field("name", STRING));

    static final StructSpec QUESTION_SET = struct(
            field("id", INT64), field("title", STRING), field("description", STRING), field("active", BOOLEAN));

    static final StructSpec QUESTION = struct(
            field("id", INT64),
            field("active", BOOLEAN),
            field("demographic_question_set_id", INT64),
            field("name", STRING),
            field("translations", array(TRANSLATION)),
            field("required", BOOLEAN),
            field("answer_type", STRING));

    static final StructSpec ANSWER_OPTION = struct(
            field("id", INT64),
            field("free_form", BOOLEAN),
            field("active", BOOLEAN),
            field("name", STRING),
            field("demographic_question_id", INT64),
            field("translations", array(TRANSLATION)));

    static final StructSpec ANSWER = struct(
            field("id", INT64),
            field("free_form_text", STRING),
            field("application_id", INT64),
            field("demographic_question_id", INT64),
            field("demographic_answer_option_id", INT64),
            field("created_at", TIMESTAMP),
            field("updated_at", TIMESTAMP));
}
