/**
 * A Greenhouse Harvest API simulator (v1 and v3) for the connector's tests, demos and benchmarks.
 *
 * <p>Entry point: {@link io.kafkaconnect.greenhouse.simulator.HarvestSimulator}. One class per job:
 * <ul>
 *   <li>{@code HttpServerCore}: a small HTTP/1.1 server (keep-alive, thread per connection from a pool). Used
 *       instead of {@code com.sun.net.httpserver} because that server overwrites the {@code Date} header with the
 *       machine clock and cannot reset a connection or send a short body.</li>
 *   <li>{@code Resource}, {@code ResourceStore}, {@code RecordFilter}: per-resource state (id, version, created,
 *       updated) in id-sorted primitive arrays; page queries are one scan under a read lock.</li>
 *   <li>{@code RecordRenderer}, {@code Vocabulary}: deterministic v1/v3 JSON from (seed, id, version).</li>
 *   <li>{@code DataSet}: the stores, the renderer, mutations and the truth/versions views.</li>
 *   <li>{@code V1Handler}, {@code V3Handler}, {@code TokenStore}, {@code QueryString}: the two dialects.</li>
 *   <li>{@code RateLimiter}, {@code LatencyModel}, {@link io.kafkaconnect.greenhouse.simulator.FaultInjector},
 *       {@link io.kafkaconnect.greenhouse.simulator.MutationEngine}, {@code RequestLog}, {@code SimClock}.</li>
 * </ul>
 *
 * <p>Known simplifications: references to other records (a candidate's embedded applications, an application's
 * job, a job's department) always point at seeded records and show them as seeded, so editing a record changes
 * only that record's JSON; at most 10 applications are embedded per candidate (application_ids stays complete).
 */
package io.kafkaconnect.greenhouse.simulator;
