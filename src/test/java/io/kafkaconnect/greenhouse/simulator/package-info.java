/**
 * A Greenhouse Harvest API simulator (v1 and v3) for the connector's tests, demos and benchmarks.
 *
 * <p>Entry point: {@link io.kafkaconnect.greenhouse.simulator.HarvestSimulator}. What it shares with the Ashby
 * simulator (HTTP server, faults, latency, rate limiter, request log, clock, mutations, command line, test fixture
 * and client) is in {@code simulator.core}; this package holds what is Harvest's. One class per job:
 * <ul>
 *   <li>{@code Router}: the v1/v3/token pipeline (routes, Basic and Bearer auth, rate limits and their headers);
 *       the answers go out through {@code core.Responder}.</li>
 *   <li>{@code Resource}, {@code ResourceStore}, {@code RecordFilter}: per-resource state (id, version, created,
 *       updated) in id-sorted primitive arrays; page queries are one scan under a read lock. {@code Resource} also
 *       says how each dialect serves a resource: v1 path, paging style (page numbers, next link only, or none) and
 *       time filters; v3 name and whether it has time filters.</li>
 *   <li>{@code RecordRenderer}, {@code HiringRenderer}, {@code OrganizationRenderer}, {@code DetailRenderer},
 *       {@code Vocabulary}:
 *       deterministic v1/v3 JSON from (seed, id, version). v1 records have the fields of the v1 docs' example
 *       JSON; v3 records the field lists of the v3 reference (flat, with parent ids).</li>
 *   <li>{@code DataSet}: the stores, the renderer, mutations and the truth/versions views.</li>
 *   <li>{@code V1Handler}, {@code V3Handler}, {@code TokenStore}, {@code QueryString}, {@code HarvestErrors}: the
 *       two dialects.</li>
 *   <li>{@code RateHeaders}, {@code PagingAnomaly}, {@code NextOnlyLinks}: switches for what the docs leave
 *       open; {@code HarvestSimulatorCli}: the command line's Harvest flags.</li>
 * </ul>
 *
 * <p>Known simplifications: references to other records (a candidate's embedded applications, an application's
 * job, a job's department, a recruiter) always point at seeded records and show them as seeded, so editing a
 * record changes only that record's JSON; at most 10 applications are embedded per candidate (application_ids
 * stays complete). Children that v1 embeds and v3 lists separately are the same records where the simulator has
 * the v3 resource (openings, custom field options, prospect pool stages, job stages' interviews, kits and kit
 * questions, interviewers, scorecard attributes and answers); a candidate's educations, employments and
 * attachments and a job's hiring team are generated inside the v1 record and are not the records of
 * {@code candidate_educations}, {@code candidate_employments}, {@code attachments}, {@code job_owners} and
 * {@code job_hiring_managers}. EEOC records are keyed by their application's id (v3 {@code id} is the same
 * number). Degrees, disciplines and schools are v1 only (v3 lists them as custom field options). Flags that
 * filter lists ({@code active}, {@code include_inactive}, {@code include_defaults}, {@code show_service_accounts})
 * act on facts that never change.
 */
package io.kafkaconnect.greenhouse.simulator;
