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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Preferences;
import org.slotbridge.engine.OpeningFinder;
import org.slotbridge.engine.Schedule;

/**
 * How search time grows with the practice: a practice of {@code providers} providers over
 * {@code days} dates, as busy per provider-day as the standard one, searched over all its dates.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
public class GrowthBenchmark {

    @Param({"5", "20", "80"})
    public int providers;

    @Param({"14", "90", "365"})
    public int days;

    private final OpeningFinder finder = new OpeningFinder();
    private Schedule schedule;
    private Preferences preferences;
    private String[] reasonIds;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ReferencePractice practice = ReferencePractice.generate(providers, days, ReferencePractice.SEED);
        schedule = practice.schedule(practice.buildIndex());
        preferences = ReferencePractice.searchOver(days);
        reasonIds = practice.reasonIds().toArray(String[]::new);
    }

    @Benchmark
    public List<Opening> search() {
        String reasonId = reasonIds[next];
        next = (next + 1) % reasonIds.length;
        return finder.find(schedule, reasonId, preferences, ReferencePractice.NOW);
    }
}
