package org.slotbridge.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slotbridge.api.Appointment;
import org.slotbridge.engine.ScheduleIndex;

/**
 * Sync applying schedule changes to the standard practice's index. A new appointment is one add, a
 * cancelled one one remove, a moved one a remove and an add.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class IndexChangeBenchmark {

    private static final int POOL = 1 << 12;

    private ScheduleIndex index;
    /** Appointments of another practice of the same shape: new to this index. */
    private Appointment[] fresh;
    /** Appointments already in the index that take time. */
    private Appointment[] existing;
    private int next;
    private Appointment pending;

    @Setup(Level.Trial)
    public void setUp() {
        ReferencePractice practice = ReferencePractice.standard();
        index = practice.buildIndex();
        fresh = takingTime(ReferencePractice.generate(ReferencePractice.PROVIDERS, ReferencePractice.DAYS,
                ReferencePractice.SEED + 1).appointments());
        existing = takingTime(practice.appointments());
    }

    /**
     * One change per call: a new appointment is added, and the next call removes it again, so the
     * index stays the same size; the samples mix adds and removes half and half.
     */
    @Benchmark
    public void oneChange() {
        if (pending == null) {
            pending = fresh[next++ & (POOL - 1)];
            index.add(pending);
        } else {
            index.remove(pending);
            pending = null;
        }
    }

    /** A move: an appointment of the index is removed, then added back, two changes per call. */
    @Benchmark
    public void move() {
        Appointment appointment = existing[next++ & (POOL - 1)];
        index.remove(appointment);
        index.add(appointment);
    }

    private static Appointment[] takingTime(List<Appointment> appointments) {
        List<Appointment> busy = appointments.stream().filter(a -> a.status().takesTime()).toList();
        Appointment[] pool = new Appointment[POOL];
        int stride = busy.size() / POOL;
        for (int i = 0; i < POOL; i++) {
            pool[i] = busy.get(i * stride);
        }
        return pool;
    }
}
