package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RateHeadersTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration SERVER_AHEAD = Duration.ofSeconds(3);

    @Test
    void readsTheHeadersInAnyLetterCase() {
        RateHeaders said = RateHeaders.of(Headers.of("x-ratelimit-limit", "50", "X-RATELIMIT-REMAINING", "7",
                "x-RateLimit-reset", "1700000000", "retry-after", "5"));
        assertThat(said).isEqualTo(new RateHeaders(50, 7, "1700000000", "5"));
    }

    @Test
    void eachHeaderIsOptional() {
        assertThat(RateHeaders.of(Headers.of())).isEqualTo(new RateHeaders(null, null, null, null));
    }

    @Test
    void aLimitOfZeroOrLessANegativeRemainingAndWhatIsNoNumberAreLeftOut() {
        assertThat(RateHeaders.of(Headers.of("X-RateLimit-Limit", "0", "X-RateLimit-Remaining", "-1")))
                .isEqualTo(new RateHeaders(null, null, null, null));
        assertThat(RateHeaders.of(Headers.of("X-RateLimit-Limit", "-50", "X-RateLimit-Remaining", "many")))
                .isEqualTo(new RateHeaders(null, null, null, null));
        assertThat(RateHeaders.of(Headers.of("X-RateLimit-Limit", "1", "X-RateLimit-Remaining", "0")))
                .as("the smallest believed").isEqualTo(new RateHeaders(1, 0, null, null));
    }

    @Test
    void epochSecondsAreTheServersTime() {
        Instant reset = NOW.plusSeconds(6);
        assertThat(RateHeaders.timeSaid(String.valueOf(reset.getEpochSecond()), NOW, SERVER_AHEAD))
                .isEqualTo(reset.minus(SERVER_AHEAD));
    }

    @Test
    void epochMillisecondsAreTheServersTime() {
        Instant reset = NOW.plusMillis(6_500);
        assertThat(RateHeaders.timeSaid(String.valueOf(reset.toEpochMilli()), NOW, SERVER_AHEAD))
                .isEqualTo(reset.minus(SERVER_AHEAD));
    }

    @Test
    void anHttpDateIsTheServersTime() {
        Instant reset = NOW.plusSeconds(8);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(reset.atZone(ZoneOffset.UTC));
        assertThat(RateHeaders.timeSaid(date, NOW, SERVER_AHEAD)).isEqualTo(reset.minus(SERVER_AHEAD));
        assertThat(RateHeaders.timeSaid(" " + date + " ", NOW, null)).as("server clock unknown: taken as ours")
                .isEqualTo(reset);
    }

    @Test
    void aSmallNumberIsSecondsFromNowWhateverTheServersClock() {
        assertThat(RateHeaders.timeSaid("6", NOW, SERVER_AHEAD)).isEqualTo(NOW.plusSeconds(6));
        assertThat(RateHeaders.timeSaid(" 0 ", NOW, SERVER_AHEAD)).isEqualTo(NOW);
        assertThat(RateHeaders.timeSaid("-5", NOW, SERVER_AHEAD)).as("in the past: the caller ignores it")
                .isEqualTo(NOW.minusSeconds(5));
    }

    @Test
    void tenToTheEighthIsWhereDelaysEndAndEpochSecondsBegin() {
        assertThat(RateHeaders.timeSaid("99999999", NOW, null)).isEqualTo(NOW.plusSeconds(99_999_999));
        assertThat(RateHeaders.timeSaid("100000000", NOW, null)).isEqualTo(Instant.ofEpochSecond(100_000_000));
        assertThat(RateHeaders.timeSaid("100000000000", NOW, null)).isEqualTo(Instant.ofEpochSecond(100_000_000_000L));
        assertThat(RateHeaders.timeSaid("100000000001", NOW, null)).isEqualTo(Instant.ofEpochMilli(100_000_000_001L));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "soon", "1.5", "99999999999999999999", "Fri, 31 Feb 2030 00:00:00 GMT"})
    void anythingElseIsNoTime(String value) {
        assertThat(RateHeaders.timeSaid(value, NOW, SERVER_AHEAD)).isNull();
    }
}
