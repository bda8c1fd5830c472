package io.kafkaconnect.greenhouse.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * CPU and heap of this JVM while one scenario runs.
 *
 * <ul>
 * <li>CPU: the process CPU time (all threads, including GC and JIT) from
 * {@code com.sun.management.OperatingSystemMXBean}, and the CPU time of every Java thread (sampled every
 * {@value #CPU_SAMPLE_MS} ms, so a thread that ends between two samples loses at most that much), grouped by
 * thread name without its trailing number. The simulator's threads ({@value #SIMULATOR_THREADS}*) and this
 * meter's own thread are subtracted from the process CPU to give the connector's CPU; what is left includes all
 * GC and JIT work of the JVM, so it is an upper bound of what the connector costs.</li>
 * <li>Heap: the heap in use sampled every {@value #HEAP_SAMPLE_MS} ms (live data plus garbage not collected
 * yet), the sum of the heap pools' peak usage since the start (reset at the start), and the largest heap in use
 * right after a collection (from GC notifications: the retained set plus old garbage a young collection does not
 * reclaim). {@link #start} first runs {@code System.gc()} and records the heap still in use as the baseline:
 * the simulator's data set and the benchmark's bookkeeping.</li>
 * </ul>
 */
final class ResourceMeter {
    static final String SIMULATOR_THREADS = "harvest-sim-";
    private static final long HEAP_SAMPLE_MS = 20;
    private static final long CPU_SAMPLE_MS = 100;
    private static final String METER_THREAD = "benchmark-meter";

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());

    /** thread id → {name, cpu at first sight (0 if born after the start), cpu at last sight}. */
    private final Map<Long, ThreadCpu> cpuByThread = new HashMap<>();
    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener = this::onGc;
    private volatile boolean running;
    private Thread sampler;
    private long baselineHeap;
    private long startCpu;
    private long startWall;
    private long startGcCount;
    private long startGcMillis;
    private final VmThreads vmThreads = new VmThreads();

    private static final class ThreadCpu {
        final String group;
        final long first;
        long last;
        final long firstAllocated;
        long lastAllocated;

        ThreadCpu(String name, long first, long firstAllocated) {
            this.group = group(name);
            this.first = first;
            this.last = first;
            this.firstAllocated = firstAllocated;
            this.lastAllocated = firstAllocated;
        }
    }

    /** What one scenario cost. Times in nanoseconds, sizes in bytes. */
    record Usage(long wallNanos, long processCpuNanos, long simulatorCpuNanos, long meterCpuNanos,
                 long javaThreadsCpuNanos, Map<String, Long> cpuByGroup, Map<String, Long> allocatedByGroup,
                 long simulatorAllocated, long meterAllocated, long baselineHeap, long heapPeakSampled,
                 long heapPoolPeakSum, long heapAfterGcPeak, long maxHeap, long gcCount, long gcMillis,
                 VmThreads.Cpu vmThreads) {

        /** Process CPU minus the simulator's threads and the meter: the connector, the converter, GC and JIT. */
        long connectorCpuNanos() {
            return Math.max(0, processCpuNanos - simulatorCpuNanos - meterCpuNanos);
        }

        /** Bytes allocated by every thread but the simulator's and the meter's. */
        long connectorAllocated() {
            return allocatedByGroup.values().stream().mapToLong(Long::longValue).sum() - simulatorAllocated
                    - meterAllocated;
        }

        /** CPU the JVM spent outside Java threads (GC, JIT compiler, VM): part of {@link #connectorCpuNanos}. */
        long unattributedCpuNanos() {
            return Math.max(0, processCpuNanos - javaThreadsCpuNanos);
        }
    }

    ResourceMeter() {
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        if (threads.isThreadAllocatedMemorySupported() && !threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
    }

    void start() {
        System.gc();
        System.gc();
        baselineHeap = memory.getHeapMemoryUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        heapPeak.set(baselineHeap);
        afterGcPeak.set(baselineHeap);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            startGcCount += Math.max(0, gc.getCollectionCount());
            startGcMillis += Math.max(0, gc.getCollectionTime());
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
                emitters.add(emitter);
            }
        }
        cpuByThread.clear();
        sampleThreads(true);
        vmThreads.start();
        startWall = System.nanoTime();
        startCpu = os.getProcessCpuTime();
        running = true;
        sampler = new Thread(this::sampleLoop, METER_THREAD);
        sampler.setDaemon(true);
        sampler.start();
    }

    Usage stop() {
        long wall = System.nanoTime() - startWall;
        long cpu = os.getProcessCpuTime() - startCpu;
        running = false;
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleHeap();
        synchronized (cpuByThread) {
            sampleThreads(false);
            vmThreads.sample();
        }
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(gcListener);
            } catch (Exception ignored) {
                // already gone
            }
        }
        emitters.clear();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> allocatedByGroup = new TreeMap<>();
        long sim = 0;
        long meter = 0;
        long java = 0;
        long simAllocated = 0;
        long meterAllocated = 0;
        synchronized (cpuByThread) {
            for (ThreadCpu t : cpuByThread.values()) {
                long used = Math.max(0, t.last - t.first);
                long allocated = Math.max(0, t.lastAllocated - t.firstAllocated);
                byGroup.merge(t.group, used, Long::sum);
                allocatedByGroup.merge(t.group, allocated, Long::sum);
                java += used;
                if (t.group.startsWith(SIMULATOR_THREADS)) {
                    sim += used;
                    simAllocated += allocated;
                } else if (t.group.equals(METER_THREAD)) {
                    meter += used;
                    meterAllocated += allocated;
                }
            }
        }
        return new Usage(wall, cpu, sim, meter, java, sortedByValue(byGroup), sortedByValue(allocatedByGroup),
                simAllocated, meterAllocated, baselineHeap, heapPeak.get(), poolPeaks,
                afterGcPeak.get(), Runtime.getRuntime().maxMemory(), gcCount - startGcCount,
                gcMillis - startGcMillis, vmThreads.used());
    }

    private static Map<String, Long> sortedByValue(Map<String, Long> map) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        map.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private void sampleLoop() {
        long nextCpu = 0;
        while (running) {
            sampleHeap();
            long now = System.nanoTime();
            if (now >= nextCpu) {
                synchronized (cpuByThread) {
                    sampleThreads(false);
                    vmThreads.sample();
                }
                nextCpu = now + CPU_SAMPLE_MS * 1_000_000;
            }
            try {
                Thread.sleep(HEAP_SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleHeap() {
        long used = memory.getHeapMemoryUsage().getUsed();
        heapPeak.accumulateAndGet(used, Math::max);
    }

    private void sampleThreads(boolean atStart) {
        if (!threads.isThreadCpuTimeSupported()) {
            return;
        }
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        long[] allocated = threads.isThreadAllocatedMemoryEnabled() ? threads.getThreadAllocatedBytes(ids) : null;
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (cpu < 0) {
                continue;
            }
            long bytes = allocated == null ? 0 : Math.max(0, allocated[i]);
            ThreadCpu known = cpuByThread.get(ids[i]);
            if (known == null) {
                cpuByThread.put(ids[i], known = new ThreadCpu(infos[i].getThreadName(), atStart ? cpu : 0,
                        atStart ? bytes : 0));
            }
            known.last = Math.max(known.last, cpu);
            known.lastAllocated = Math.max(known.lastAllocated, bytes);
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = 0;
        long before = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                after += e.getValue().getUsed();
            }
        }
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                before += e.getValue().getUsed();
            }
        }
        afterGcPeak.accumulateAndGet(after, Math::max);
        heapPeak.accumulateAndGet(before, Math::max);
    }

    /** "harvest-sim-http-17" → "harvest-sim-http-", "OkHttp TaskRunner" → itself. */
    static String group(String threadName) {
        int end = threadName.length();
        while (end > 0 && Character.isDigit(threadName.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? threadName : threadName.substring(0, end);
    }
}
