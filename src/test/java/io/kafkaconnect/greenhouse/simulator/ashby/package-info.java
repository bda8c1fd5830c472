/**
 * An Ashby API simulator for the connector's tests, demos and benchmarks; entry point
 * {@link io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator}. The HTTP server, fault injector, latency model,
 * rate limiter, request log, clock, mutations, command line, test fixture and client are the ones both simulators
 * share, in {@code simulator.core}.
 *
 * <h2>Wire protocol</h2>
 * <ul>
 *   <li>{@code POST <base>/<method>} with a JSON object body. Methods: candidate.list, application.list, job.list,
 *       user.list, department.list, location.list, interviewSchedule.list, offer.list, applicationFeedback.list,
 *       opening.list, jobTemplate.list, project.list, approval.list, interview.list, interviewPlan.list,
 *       interviewerPool.list, customField.list, candidateTag.list, feedbackFormDefinition.list,
 *       surveyFormDefinition.list, surveySubmission.list ({@code surveyType} required) (paged, syncToken);
 *       source.list, archiveReason.list, closeReason.list, jobPosting.list, hiringTeamRole.list, jobBoard.list,
 *       sourceTrackingLink.list (unpaged); per parent, paged by the parent's id without syncToken:
 *       application.listHistory (applicationId), candidate.listNotes (candidateId), interviewStage.list
 *       (interviewPlanId), interviewEvent.list (interviewScheduleId).</li>
 *   <li>Auth: {@code Basic base64("<key>:")}. Missing or malformed: 401 {@code unauthenticated}; unknown key: 403
 *       {@code invalid_api_key}; a method outside the key's module permissions: 403
 *       {@code missing_endpoint_permission}. Over the per-key budget: 429 {@code rate_limit_exceeded}
 *       ({@code Retry-After} only if enabled).</li>
 *   <li>Paged request fields: {@code limit} (1..100, default 100), {@code cursor}, {@code syncToken}; flags
 *       {@code includeDeactivated} (user.list) and {@code includeArchived} (department, location, source,
 *       archiveReason, closeReason, interview, interviewerPool, customField, candidateTag and the form
 *       definitions). Null fields count as absent; unknown fields are ignored.</li>
 *   <li>Success: {@code {"success":true,"results":[...],"moreDataAvailable":b,"nextCursor":"..."}} (nextCursor on
 *       every page, also the last), plus {@code syncToken} on the last page of a token-capable method. Errors in
 *       HTTP 200: {@code {"success":false,"errorInfo":{"code","message","requestId"},"errors":[code]}} with
 *       invalid_input, invalid_next_cursor, next_cursor_expired, sync_token_invalid, sync_token_expired,
 *       incremental_sync_too_large, and for an unknown parent id application_not_found, candidate_not_found,
 *       interview_plan_not_found, interview_schedule_not_found. The 401/403/429 bodies have the same envelope.</li>
 * </ul>
 *
 * <h2>Sync semantics</h2>
 * A global change sequence; every seed, insert and edit gives the record the next number. A full pass lists
 * records by (createdAt, id) (creation order; inserts land at the end) showing their content when served; its first
 * page fixes S0, its last page returns a token for S0. A delta (token S) lists records whose current sequence is in
 * (S, S1], S1 fixed at its first page, by sequence; its last page returns S1. Later pages of a delta accept the
 * cursor alone or with the same token (another token: invalid_input). Anything changed after a pass's first page is
 * in the next delta: duplicates, never losses.
 *
 * <h2>Parts</h2>
 * {@code AshbyResource} (methods, permissions, flags), {@code AshbyStore} (compact per-record state and the change
 * log), {@code AshbyIds} (invertible deterministic UUIDs), {@code AshbyRenderer} (JSON from the templates in
 * {@code src/test/resources/ashby-examples/}), {@code AshbyTokens} (cursors and tokens), {@code AshbyHandler}
 * (paging and sync), {@code AshbyRouter} (HTTP pipeline up to the handler; answers go out through
 * {@code core.Responder}), {@code AshbyPermissions}, {@code AshbySimulatorCli} (the command line's Ashby flags).
 *
 * <h2>Known simplifications</h2>
 * References (application to candidate, job, source, users, interview plan and stage; job to department, location and
 * interview plan; offer, schedule and feedback to application; events and feedback to interviews and feedback forms)
 * point at seeded records and show them as seeded, so an edit changes only the edited
 * record's JSON; a candidate's {@code applicationIds} lists at most 10 seeded applications and never inserted ones.
 * Deactivated users (every 9th seeded) and archived departments, locations, sources and archive reasons (every 7th
 * seeded) never change state. Lists per parent are derived: an application's stage history and a candidate's notes
 * grow with about half of its edits, a plan's stages are renamed by its edits, a schedule's events are those it
 * nests. Survey submission i has survey type i mod 5. Deletes do not exist. Token and cursor expiry on later delta pages: only the cursor's
 * age counts; a repeated token is checked for identity, not age.
 */
package io.kafkaconnect.greenhouse.simulator.ashby;
