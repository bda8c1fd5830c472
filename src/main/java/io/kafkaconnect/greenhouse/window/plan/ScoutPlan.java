package io.kafkaconnect.greenhouse.window.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a backfill of a cursor endpoint looks before it plans. Such an endpoint tells neither how many records
 * a span holds nor how many pages (no {@code last} link, no total), and its first page is a poor sample of the
 * window (the highest ids, so the records created last). So the first pieces read are small "scouts" placed at
 * the bounds of spans by age ({@link ChangeCurve#boundsByAge}: dense in the recent past, where edits lean),
 * read like any piece (their records are delivered, nothing is read twice), whose exact counts give the
 * density of changes there. A {@link ChangeCurve} through them is exact over each scout and takes the density
 * between two scouts to change exponentially from one to the other; it sizes the pieces between them.
 *
 * <p>A scout is sized to hold about half a page at the density the first page shows near the window's end
 * (the records changed since the oldest change on it, a lower bound there). Older spans usually change more
 * slowly, so their scouts hold fewer records; a scout that holds more is simply read page by page.
 */
public final class ScoutPlan {
    /** How far back the scouts look when the window has an open start (older changes fall in the first scout). */
    static final Duration HORIZON = Duration.ofDays(16 * 365);
    /** Spans by age whose bounds are scouted (so one scout more than this). */
    static final int SPANS = 8;
    /** A scout's share of a page, at the density the first page shows. */
    private static final double FILL = 0.5;
    /** A scout is at most this share of the distance to the next bound, so that scouts stay apart. */
    private static final double MAX_SHARE_OF_SPAN = 0.25;

    /**
     * A scout: the piece read {@code [readFrom, to)} (readFrom null: the window's open start) and the span its count
     * is taken to measure, {@code [from, to)}.
     */
    record Scout(Instant readFrom, Instant from, Instant to) {
        double seconds() {
            return Duration.between(from, to).toMillis() / 1000.0;
        }
    }

    private ScoutPlan() {
    }

    /**
     * The scouts of {@code [from, to)} (from null: an open start), in order of time, given the change times of the
     * window's first page ({@code sample}, inside the window); none if the sample is empty.
     */
    static List<Scout> place(Instant from, Instant to, List<Instant> sample, int pageSize) {
        if (sample.isEmpty()) {
            return List.of();
        }
        Instant start = from != null ? from : to.minus(HORIZON).truncatedTo(ChronoUnit.SECONDS);
        double perSecond = sampleDensity(sample, to);
        long length = Math.max(1, (long) Math.ceil(FILL * pageSize / perSecond));
        List<Instant> bounds = ChangeCurve.boundsByAge(start, to, SPANS);
        List<Scout> out = new ArrayList<>();
        int last = bounds.size() - 1;
        for (int i = 0; i <= last; i++) {
            Instant at = bounds.get(i);
            long before = i == 0 ? Long.MAX_VALUE : Duration.between(bounds.get(i - 1), at).toSeconds();
            long after = i == last ? Long.MAX_VALUE : Duration.between(at, bounds.get(i + 1)).toSeconds();
            long seconds = Math.min(length, (long) (MAX_SHARE_OF_SPAN * Math.min(before, after)));
            if (seconds < 1) {
                continue;
            }
            Scout s;
            if (i == 0) {
                s = new Scout(from, at, at.plusSeconds(seconds));
            } else if (i == last) {
                s = new Scout(at.minusSeconds(seconds), at.minusSeconds(seconds), at);
            } else {
                Instant a = at.minusSeconds(seconds / 2);
                s = new Scout(a, a, a.plusSeconds(seconds));
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Records per second near {@code to} as a cursor window's first page shows them ({@code sample}: its change
     * times, not empty): a lower bound there, since records with lower ids changed in that span too.
     */
    public static double sampleDensity(List<Instant> sample, Instant to) {
        Instant oldest = sample.stream().min(Instant::compareTo).orElseThrow();
        return sample.size() / (double) Math.max(1, Duration.between(oldest, to).toSeconds());
    }

    /**
     * The curve through the first {@code counts.size()} scouts (their exact counts, in order) and the spans between
     * them: there the density goes exponentially from one scout's to the next (linearly where one is empty).
     */
    static ChangeCurve curve(List<Scout> scouts, List<Long> counts) {
        List<ChangeCurve.Span> spans = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            Scout s = scouts.get(i);
            if (i > 0) {
                Scout p = scouts.get(i - 1);
                if (s.from().isAfter(p.to())) {
                    double seconds = Duration.between(p.to(), s.from()).toMillis() / 1000.0;
                    double density = meanDensity(counts.get(i - 1) / p.seconds(), counts.get(i) / s.seconds());
                    spans.add(new ChangeCurve.Span(p.to(), s.from(), Math.round(seconds * density)));
                }
            }
            spans.add(new ChangeCurve.Span(s.from(), s.to(), counts.get(i)));
        }
        return new ChangeCurve(spans);
    }

    /** The mean of a density going exponentially from {@code a} to {@code b} (linearly if either is 0). */
    static double meanDensity(double a, double b) {
        if (a <= 0 || b <= 0 || Math.abs(a - b) < 1e-9 * Math.max(a, b)) {
            return (a + b) / 2;
        }
        return (b - a) / Math.log(b / a);
    }
}
