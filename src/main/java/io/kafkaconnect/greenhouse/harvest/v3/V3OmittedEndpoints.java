package io.kafkaconnect.greenhouse.harvest.v3;

import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import java.util.List;

/**
 * The v3 list endpoints that are not resources: the ones that hold no recruiting data for a reader. Every other list
 * endpoint of the reference (README §11) is a resource.
 */
final class V3OmittedEndpoints {
    private V3OmittedEndpoints() {
    }

    static final List<OmittedEndpoint> ALL = List.of(
            new OmittedEndpoint("GET /v3/blocked_spam_sources", "Spam-block rules (IP addresses, e-mail domains) of "
                    + "the account's inbox: configuration of a filter, not recruiting data."),
            new OmittedEndpoint("GET /v3/bulk_requests", "Status of asynchronous bulk write operations; needs a "
                    + "write scope (`harvest:openings:create`) and says nothing a reader of the data needs."));
}
