package io.kafkaconnect.greenhouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import org.junit.jupiter.api.Test;

class DialectsTest {
    @Test
    void everyDialectIsHarvestsByVersionThenAshbys() {
        assertThat(Dialects.all()).extracting(Dialect::version).containsExactly("v1", "v3", "ashby");
    }
}
