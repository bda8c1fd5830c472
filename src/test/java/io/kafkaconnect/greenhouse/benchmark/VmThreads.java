package io.kafkaconnect.greenhouse.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU of the JVM's own threads, which {@code ThreadMXBean} does not list: the garbage collector's
 * ({@code GC Thread#n}, {@code G1 ...}) and the JIT compilers' ({@code C1/C2 CompilerThreadn}), read from Linux's
 * {@code /proc/self/task/<tid>/stat} (10 ms ticks) each time the meter samples, so a thread that ends between two
 * samples (compiler threads come and go) loses at most one interval. Elsewhere than on Linux both stay -1.
 */
final class VmThreads {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    /** CPU in nanoseconds, -1 if unknown. */
    record Cpu(long gcNanos, long jitNanos) {
    }

    private record Seen(boolean gc, long first, long last) {
    }

    private final Map<Integer, Seen> byTid = new HashMap<>();
    private boolean available = Files.isDirectory(TASKS);

    void start() {
        byTid.clear();
        read(true);
    }

    void sample() {
        read(false);
    }

    Cpu used() {
        if (!available) {
            return new Cpu(-1, -1);
        }
        long gc = 0;
        long jit = 0;
        for (Seen s : byTid.values()) {
            long used = (s.last() - s.first()) * NANOS_PER_TICK;
            if (s.gc()) {
                gc += used;
            } else {
                jit += used;
            }
        }
        return new Cpu(gc, jit);
    }

    private void read(boolean atStart) {
        if (!available) {
            return;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                // "tid (comm) state ..." where comm may hold spaces: fields after the last ')'
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String comm = stat.substring(open + 1, close);
                boolean gc = comm.startsWith("GC Thread") || comm.startsWith("G1 ");
                boolean jit = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler");
                if (!gc && !jit) {
                    continue;
                }
                String[] f = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
                int tid = Integer.parseInt(stat.substring(0, open).trim());
                Seen known = byTid.get(tid);
                byTid.put(tid, known == null ? new Seen(gc, atStart ? ticks : 0, ticks)
                        : new Seen(gc, known.first(), Math.max(known.last(), ticks)));
            }
        } catch (IOException | RuntimeException e) {
            available = false;
        }
    }
}
