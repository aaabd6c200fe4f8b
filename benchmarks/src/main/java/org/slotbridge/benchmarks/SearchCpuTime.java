package org.slotbridge.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

import org.slotbridge.api.Preferences;
import org.slotbridge.engine.OpeningFinder;
import org.slotbridge.engine.Schedule;

/**
 * The searches of {@link SearchBenchmark#engine}, timed twice: by the wall clock, as JMH does, and
 * by the CPU time of the searching thread, which leaves out the time the thread waited for a
 * processor. On a machine shared with other work the two differ in the tail, and the difference is
 * the machine's, not the search's.
 */
public final class SearchCpuTime {

    private static final int WARM_UP_ROUNDS = 200;
    private static final int ROUNDS = 200;

    private SearchCpuTime() {
    }

    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            out.println("(this JVM does not measure thread CPU time)");
            return;
        }
        ReferencePractice practice = ReferencePractice.standard();
        Schedule schedule = practice.schedule(practice.buildIndex());
        OpeningFinder finder = new OpeningFinder();
        List<String> reasons = practice.reasonIds();
        out.println("## Search: wall-clock and CPU time of the same searches (microseconds)");
        out.println();
        out.println("| days searched | searches | wall p50 | wall p99 | wall p99.9 | CPU p50 | CPU p99 | CPU p99.9 |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int days : new int[] {14, 90}) {
            Preferences preferences = ReferencePractice.searchOver(days);
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (String reason : reasons) {
                    finder.find(schedule, reason, preferences, ReferencePractice.NOW);
                }
            }
            int count = ROUNDS * reasons.size();
            long[] wall = new long[count];
            long[] cpu = new long[count];
            int i = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (String reason : reasons) {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long wallStart = System.nanoTime();
                    finder.find(schedule, reason, preferences, ReferencePractice.NOW);
                    wall[i] = System.nanoTime() - wallStart;
                    cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                    i++;
                }
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            out.printf("| %d | %d | %s | %s | %s | %s | %s | %s |%n", days, count, us(wall, 50), us(wall, 99),
                    us(wall, 99.9), us(cpu, 50), us(cpu, 99), us(cpu, 99.9));
        }
        out.println();
    }

    private static String us(long[] sortedNanos, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sortedNanos.length) - 1;
        return String.format("%.0f", sortedNanos[Math.max(0, index)] / 1_000.0);
    }
}
