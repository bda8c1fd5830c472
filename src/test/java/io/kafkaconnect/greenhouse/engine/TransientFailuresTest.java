package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A sync that is always due. */
    private static ResourceSync due() {
        return new ResourceSync() {
            @Override
            public Resource resource() {
                return null;
            }

            @Override
            public Instant dueAt() {
                return Instant.MIN;
            }

            @Override
            public List<SourceRecord> step() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }

    private static Duration waitAfterFailure(TransientFailures failures, ResourceSync sync) {
        Instant until = failures.failed(sync, T0);
        assertThat(failures.mayStep(sync, until.minusMillis(1))).isFalse();
        assertThat(failures.mayStep(sync, until)).isTrue();
        assertThat(failures.nextStep(sync)).isEqualTo(until);
        return Duration.between(T0, until);
    }

    @Test
    void theBackOffDoublesWhileStepsFailAndStartsOverAfterOneThatDoesNot() {
        TransientFailures failures = new TransientFailures(new RetryPolicy(0, Duration.ofSeconds(1),
                Duration.ofSeconds(60)));
        ResourceSync sync = due();
        ResourceSync other = due();
        assertThat(failures.mayStep(sync, T0)).isTrue();
        assertThat(waitAfterFailure(failures, sync)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(waitAfterFailure(failures, sync)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(waitAfterFailure(failures, sync)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(failures.mayStep(other, T0)).as("each resource backs off on its own").isTrue();

        failures.succeeded(sync);
        assertThat(failures.mayStep(sync, T0)).isTrue();
        assertThat(failures.nextStep(sync)).isEqualTo(Instant.MIN);
        assertThat(waitAfterFailure(failures, sync)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void itGoesOnWhereTheRequestsOwnBackOffsStopped() {
        TransientFailures failures = new TransientFailures(new RetryPolicy(3, Duration.ofSeconds(1),
                Duration.ofSeconds(60)));
        // the request waited about 1, 2 and 4 s between its 4 attempts: the next wait is about 8 s
        assertThat(waitAfterFailure(failures, due())).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
}
