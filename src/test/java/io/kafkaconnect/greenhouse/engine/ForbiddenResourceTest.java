package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.ApiException;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

class ForbiddenResourceTest {

    @Test
    void aForbiddenAnswerIsFoundAlsoWhenAFetchThreadWrappedIt() {
        ApiException forbidden = new ApiException(403, "may not read jobs");
        assertThat(ForbiddenResource.in(forbidden)).isSameAs(forbidden);
        assertThat(ForbiddenResource.in(new ConnectException("Reading a backfill piece failed", forbidden)))
                .isSameAs(forbidden);
    }

    @Test
    void otherFailuresAreNotForbiddenResources() {
        assertThat(ForbiddenResource.in(new ApiException(401, "rejected"))).isNull();
        assertThat(ForbiddenResource.in(new ApiException(404, "no endpoint"))).isNull();
        assertThat(ForbiddenResource.in(new ConnectException("stopped"))).isNull();
    }
}
