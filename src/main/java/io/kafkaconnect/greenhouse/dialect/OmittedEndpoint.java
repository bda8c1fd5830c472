package io.kafkaconnect.greenhouse.dialect;

/**
 * A list endpoint of the API that is deliberately not offered as a resource, and why; for the docs.
 *
 * @param endpoint the method and path, e.g. {@code GET /v1/jobs/{id}/openings}
 * @param reason   why it is left out and where its data can be found instead
 */
public record OmittedEndpoint(String endpoint, String reason) {
}
