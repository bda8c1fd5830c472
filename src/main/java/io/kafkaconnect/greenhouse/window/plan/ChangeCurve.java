package io.kafkaconnect.greenhouse.window.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a window's records are spread over change time, from exact counts of consecutive spans that cover it: the
 * expected number of records between two instants, and where a piece holding a given number of records ends.
 * Inside a span the density is taken to grow (or fall) exponentially at the rate its neighbours show, and to
 * integrate to the span's exact count, so the curve is exact at every span boundary and smooth between them.
 * Before the first span nothing is expected; its count stands for everything before its end.
 */
final class ChangeCurve {
    /** Bounds of the density's exponent across one span: beyond this the neighbours say little about its inside. */
    private static final double MAX_EXPONENT = 6;

    /** A span of change time and the records it holds. */
    record Span(Instant from, Instant to, long records) {
        Span {
            if (!to.isAfter(from) || records < 0) {
                throw new IllegalArgumentException("span [" + from + ", " + to + ") with " + records + " records");
            }
        }
    }

    private final double[] bounds;
    private final double[] counts;
    /** The density's growth across each span, as an exponent (0: flat). */
    private final double[] exponents;
    private final double[] before;

    /** @param spans consecutive spans (each starting where the previous one ends), at least one */
    ChangeCurve(List<Span> spans) {
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("no spans");
        }
        int n = spans.size();
        bounds = new double[n + 1];
        counts = new double[n];
        before = new double[n + 1];
        for (int i = 0; i < n; i++) {
            Span s = spans.get(i);
            if (i > 0 && !s.from().equals(spans.get(i - 1).to())) {
                throw new IllegalArgumentException("spans are not consecutive at " + s.from());
            }
            bounds[i] = seconds(s.from());
            counts[i] = s.records();
            before[i + 1] = before[i] + s.records();
        }
        bounds[n] = seconds(spans.get(n - 1).to());
        exponents = new double[n];
        for (int i = 0; i < n; i++) {
            exponents[i] = exponent(i);
        }
    }

    /** Records expected in {@code [from, to)}; {@code from} null: everything before {@code to}. */
    double between(Instant from, Instant to) {
        double a = from == null ? Double.NEGATIVE_INFINITY : seconds(from);
        return Math.max(0, cumulative(seconds(to)) - cumulative(a));
    }

    /**
     * Where a piece starting at {@code from} (null: the open start) ends to hold about {@code records} records; at
     * most {@code limit}.
     */
    Instant end(Instant from, double records, Instant limit) {
        double start = from == null ? Double.NEGATIVE_INFINITY : seconds(from);
        double wanted = cumulative(start) + records;
        double at = wanted >= before[counts.length] ? Double.POSITIVE_INFINITY : inverse(wanted);
        double max = seconds(limit);
        if (at >= max) {
            return limit;
        }
        return Instant.ofEpochMilli((long) Math.ceil(at * 1000));
    }

    /** The spans of the window to count: the last one short, each earlier one twice as long as the next. */
    static List<Instant> boundsByAge(Instant start, Instant end, int spans) {
        List<Instant> out = new ArrayList<>();
        out.add(start);
        long seconds = Duration.between(start, end).toSeconds();
        for (int i = 1; i < spans; i++) {
            Instant at = end.minusSeconds(seconds >> i);
            if (Duration.between(out.get(out.size() - 1), at).toSeconds() >= 1 && at.isBefore(end)) {
                out.add(at);
            }
        }
        out.add(end);
        return out;
    }

    private double cumulative(double t) {
        int n = counts.length;
        if (t <= bounds[0]) {
            return 0;
        }
        if (t >= bounds[n]) {
            return before[n];
        }
        int i = span(t);
        return before[i] + counts[i] * fraction(i, (t - bounds[i]) / (bounds[i + 1] - bounds[i]));
    }

    private double inverse(double wanted) {
        if (wanted <= 0) {
            return bounds[0];
        }
        int i = 0;
        while (i < counts.length - 1 && before[i + 1] <= wanted) {
            i++;
        }
        if (counts[i] == 0) {
            return bounds[i + 1];
        }
        double share = Math.min(1, (wanted - before[i]) / counts[i]);
        return bounds[i] + inverseFraction(i, share) * (bounds[i + 1] - bounds[i]);
    }

    /** The share of span i's records before the point {@code x} (0..1) of its length. */
    private double fraction(int i, double x) {
        double k = exponents[i];
        if (Math.abs(k) < 1e-6) {
            return x;
        }
        return Math.expm1(k * x) / Math.expm1(k);
    }

    private double inverseFraction(int i, double share) {
        double k = exponents[i];
        if (Math.abs(k) < 1e-6) {
            return share;
        }
        return Math.log1p(share * Math.expm1(k)) / k;
    }

    private int span(double t) {
        int lo = 0;
        int hi = counts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bounds[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The growth of span i's density across it: the slope of the log density between its neighbours' centres (one
     * side at the ends), times its length. Flat where a neighbour is empty.
     */
    private double exponent(int i) {
        int n = counts.length;
        if (n < 2) {
            return 0;
        }
        int lo = Math.max(0, i - 1);
        int hi = Math.min(n - 1, i + 1);
        if (counts[lo] == 0 || counts[hi] == 0) {
            return 0;
        }
        double slope = (Math.log(density(hi)) - Math.log(density(lo))) / (centre(hi) - centre(lo));
        double k = slope * (bounds[i + 1] - bounds[i]);
        return Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, k));
    }

    private double density(int i) {
        return counts[i] / (bounds[i + 1] - bounds[i]);
    }

    private double centre(int i) {
        return (bounds[i] + bounds[i + 1]) / 2;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
