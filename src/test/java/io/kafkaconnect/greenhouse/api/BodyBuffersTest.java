package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyBuffersTest {

    @Test
    void anArrayGivenBackIsTakenAgainWhileItIsLargeEnough() {
        BodyBuffers buffers = new BodyBuffers(2, 1_000);
        byte[] first = buffers.take(100);
        assertThat(first).hasSizeGreaterThanOrEqualTo(100);
        buffers.give(first);

        assertThat(buffers.take(80)).isSameAs(first);
        buffers.give(first);
        byte[] larger = buffers.take(200);
        assertThat(larger).isNotSameAs(first).hasSizeGreaterThanOrEqualTo(200);
    }

    @Test
    void aSpareTooSmallForOneBodyStaysForTheNextAndAFullPoolKeepsItsLargestArrays() {
        BodyBuffers buffers = new BodyBuffers(2, 10_000);
        byte[] small = buffers.take(100);
        buffers.give(small);
        byte[] large = buffers.take(1_000);
        assertThat(large).isNotSameAs(small).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(buffers.take(100)).isSameAs(small);
        buffers.give(small);
        buffers.give(large);

        byte[] larger = new byte[2_000];
        buffers.give(larger); // full: the smallest makes room
        assertThat(buffers.take(50)).isIn(large, larger);
        assertThat(buffers.take(50)).isIn(large, larger);
    }

    @Test
    void twoReadersAtOnceGetTwoArrays() {
        BodyBuffers buffers = new BodyBuffers(2, 1_000);
        byte[] one = buffers.take(10);
        byte[] other = buffers.take(10);
        assertThat(other).isNotSameAs(one);
        buffers.give(one);
        buffers.give(other);
        byte[] again = buffers.take(10);
        byte[] againOther = buffers.take(10);
        assertThat(again == one ? againOther : again).isSameAs(other);
        assertThat(again == one || againOther == one).isTrue();
    }

    @Test
    void keepsAtMostItsCountAndNoArrayAboveItsSize() {
        BodyBuffers buffers = new BodyBuffers(1, 1_000);
        byte[] one = buffers.take(10);
        byte[] other = buffers.take(10);
        buffers.give(one);
        buffers.give(other); // beyond the count: left to the collector
        assertThat(buffers.take(10)).isSameAs(one);
        assertThat(buffers.take(10)).isNotSameAs(other);

        byte[] huge = buffers.take(2_000);
        buffers.give(huge);
        assertThat(buffers.take(10)).isNotSameAs(huge);
    }
}
