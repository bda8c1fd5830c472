/**
 * What the Harvest and Ashby simulators share; each adds its API in its own package.
 *
 * <ul>
 *   <li>{@code HttpServerCore}: a small HTTP/1.1 server (keep-alive, thread per connection from a pool). Used
 *       instead of {@code com.sun.net.httpserver} because that server overwrites the {@code Date} header with the
 *       machine clock and cannot reset a connection or send a short body.</li>
 *   <li>{@code Responder}, {@code Call}, {@code Reply}: the sending half of both request pipelines: common headers
 *       ({@code Date} on the simulator clock, {@code Content-Type}), latency, a permanent status per path, the
 *       injected {@link io.kafkaconnect.greenhouse.simulator.core.Fault}s, and each request logged once as a
 *       {@link io.kafkaconnect.greenhouse.simulator.core.LoggedRequest} in the {@code RequestLog}.</li>
 *   <li>{@code FaultInjector}, {@code LatencyModel}, {@code RateLimiter}, {@code SimClock}, {@code BasicAuth}.</li>
 *   <li>{@link io.kafkaconnect.greenhouse.simulator.core.Simulator} and {@code SimulatorBuilder}: server lifecycle
 *       and the settings both have (seed, record counts, API keys, latency, clock offset, data epoch, port).</li>
 *   <li>{@link io.kafkaconnect.greenhouse.simulator.core.Mutations}: background edits and inserts at a rate, and the
 *       count of all edits and inserts.</li>
 *   <li>{@code SimulatorCli}: the shared command-line flags and running until Ctrl-C.</li>
 *   <li>For tests: {@code SimulatorFixture} (a simulator and a client per test) and {@code SimulatorClient} (an
 *       OkHttp client without silent retries).</li>
 * </ul>
 */
package io.kafkaconnect.greenhouse.simulator.core;
