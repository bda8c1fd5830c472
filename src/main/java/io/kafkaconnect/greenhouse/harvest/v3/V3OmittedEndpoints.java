package io.kafkaconnect.greenhouse.harvest.v3;

import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import java.util.List;

/**
 * The v3 list endpoints outside the suggested stream set (reference README §11 vs §11.1). None needs a parent id
 * (v3 lists every record flat), so each could be added as one more {@code updated_at} resource; they are left out
 * because they describe configuration details rarely needed downstream, or need a write scope.
 */
final class V3OmittedEndpoints {
    private static final String DETAIL = "Not in the suggested stream set: a configuration detail rarely needed "
            + "downstream. Could be added as an `updated_at` resource (no parent id needed).";

    private V3OmittedEndpoints() {
    }

    static final List<OmittedEndpoint> ALL = List.of(
            new OmittedEndpoint("GET /v3/blocked_spam_sources", "Spam-block rules (IP addresses, e-mail domains); "
                    + "not recruiting data."),
            new OmittedEndpoint("GET /v3/bulk_requests", "Status of asynchronous bulk write operations; needs a "
                    + "write scope (`harvest:openings:create`) and is irrelevant to a read connector."),
            new OmittedEndpoint("GET /v3/candidate_attribute_types", DETAIL),
            new OmittedEndpoint("GET /v3/custom_field_departments", DETAIL + " Which departments a custom field "
                    + "applies to."),
            new OmittedEndpoint("GET /v3/custom_field_offices", DETAIL + " Which offices a custom field applies to."),
            new OmittedEndpoint("GET /v3/default_interviewers", DETAIL + " Default interviewers per interview kit."),
            new OmittedEndpoint("GET /v3/focus_candidate_attributes", DETAIL),
            new OmittedEndpoint("GET /v3/job_board_custom_locations", DETAIL),
            new OmittedEndpoint("GET /v3/job_candidate_attributes", DETAIL + " The scorecard attributes of a job; "
                    + "`scorecard_candidate_attributes` refers to them by id."),
            new OmittedEndpoint("GET /v3/job_notes", DETAIL + " Notes on jobs (not candidate notes, which are "
                    + "`notes`)."),
            new OmittedEndpoint("GET /v3/job_post_locations", DETAIL + " Location links of job posts."),
            new OmittedEndpoint("GET /v3/job_post_searchable_locations", DETAIL + " Geocoded job-post locations."),
            new OmittedEndpoint("GET /v3/pay_input_ranges", DETAIL + " Posted pay ranges (pay transparency)."),
            new OmittedEndpoint("GET /v3/pay_inputs", DETAIL + " Pay-transparency inputs."),
            new OmittedEndpoint("GET /v3/scorecard_question_answer_options", DETAIL),
            new OmittedEndpoint("GET /v3/scorecard_question_candidate_attributes", DETAIL),
            new OmittedEndpoint("GET /v3/scorecard_question_options", DETAIL),
            new OmittedEndpoint("GET /v3/tracking_links", DETAIL + " Tracking links of job posts."));
}
