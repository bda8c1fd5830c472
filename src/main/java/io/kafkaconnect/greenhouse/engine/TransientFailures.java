package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * When a resource whose steps failed transiently may be read again. A request is retried up to {@code max.retries}
 * times inside one poll; then the task reports a retriable error and Connect polls again at once, so without this
 * a persistent 5xx would be asked again at full speed (with {@code max.retries=0}, once per poll). The back-off
 * goes on where the request's own back-offs stopped, doubling with each step that fails in a row, and ends with
 * the first step that does not.
 */
final class TransientFailures {
    private record Streak(int steps, Instant until) {
    }

    private final RetryPolicy policy;
    private final Map<ResourceSync, Streak> streaks = new IdentityHashMap<>();

    TransientFailures(RetryPolicy policy) {
        this.policy = policy;
    }

    /** Whether {@code sync} may step at {@code now}: it is due and does not back off. */
    boolean mayStep(ResourceSync sync, Instant now) {
        Streak streak = streaks.get(sync);
        return sync.isDue(now) && (streak == null || !now.isBefore(streak.until()));
    }

    /** When {@code sync} may step next: when it is due, or later while it backs off. */
    Instant nextStep(ResourceSync sync) {
        Streak streak = streaks.get(sync);
        Instant due = sync.dueAt();
        return streak == null || streak.until().isBefore(due) ? due : streak.until();
    }

    /** A step of {@code sync} failed transiently at {@code now}: returns when it may step again. */
    Instant failed(ResourceSync sync, Instant now) {
        Streak before = streaks.get(sync);
        int steps = before == null ? 1 : before.steps() + 1;
        Instant until = now.plus(policy.backoff(policy.maxRetries() + steps));
        streaks.put(sync, new Streak(steps, until));
        return until;
    }

    /** A step of {@code sync} did not fail: no back-off until it fails again. */
    void succeeded(ResourceSync sync) {
        streaks.remove(sync);
    }

    /** How many steps of {@code sync} failed in a row (0 after one that did not). */
    int inARow(ResourceSync sync) {
        Streak streak = streaks.get(sync);
        return streak == null ? 0 : streak.steps();
    }
}
