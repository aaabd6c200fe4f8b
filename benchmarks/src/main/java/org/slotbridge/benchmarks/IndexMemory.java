package org.slotbridge.benchmarks;

import java.io.PrintStream;
import java.util.List;

import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes held by a practice's index and by what sits next to it, counted by walking the object graph
 * from each root (JOL): everything reachable is counted, shared objects once.
 */
public final class IndexMemory {

    private static final int[] PROVIDERS = {5, 20, 80};
    private static final int[] DAYS = {14, 90, 365};

    private IndexMemory() {
    }

    public static void main(String[] args) {
        print(System.out);
    }

    static void print(PrintStream out) {
        ReferencePractice practice = ReferencePractice.standard();
        long index = bytes(practice.buildIndex());
        long config = bytes(practice.config());
        long claims = bytes(practice.claims());
        long records = bytes(List.of(practice.appointments(), practice.blockouts()));
        long[][] sized = new long[PROVIDERS.length][DAYS.length];
        for (int p = 0; p < PROVIDERS.length; p++) {
            for (int d = 0; d < DAYS.length; d++) {
                sized[p][d] = bytes(ReferencePractice.generate(PROVIDERS[p], DAYS[d], ReferencePractice.SEED)
                        .buildIndex());
            }
        }
        out.println("## Memory, standard practice (20 providers, 90 days)");
        out.println();
        out.println("| what | bytes | KiB |");
        out.println("| --- | ---: | ---: |");
        row(out, "ScheduleIndex (15,000 appointments, 2,000 blockouts)", index);
        row(out, "PracticeConfig", config);
        row(out, "Claims (200 holds)", claims);
        row(out, "for comparison: the appointment and blockout records", records);
        out.println();
        out.println("## Memory of the index by size (KiB)");
        out.println();
        out.println("| providers \\ days | 14 | 90 | 365 |");
        out.println("| ---: | ---: | ---: | ---: |");
        for (int p = 0; p < PROVIDERS.length; p++) {
            StringBuilder line = new StringBuilder("| " + PROVIDERS[p] + " |");
            for (int d = 0; d < DAYS.length; d++) {
                line.append(' ').append(kib(sized[p][d])).append(" |");
            }
            out.println(line);
        }
        out.println();
    }

    /**
     * JOL reads record fields only through an agent ({@code -Djdk.attach.allowAttachSelf=true}) or
     * by working out field offsets itself; the second needs no flag and counts the same bytes.
     */
    static long bytes(Object root) {
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
        return GraphLayout.parseInstance(root).totalSize();
    }

    private static void row(PrintStream out, String what, long bytes) {
        out.println("| " + what + " | " + bytes + " | " + kib(bytes) + " |");
    }

    private static String kib(long bytes) {
        return String.format("%.0f", bytes / 1024.0);
    }
}
