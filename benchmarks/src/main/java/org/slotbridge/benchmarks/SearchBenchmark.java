package org.slotbridge.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slotbridge.api.Opening;

/** A client's search with the engine: one reason, any provider, over 14 or 90 days, every opening. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchBenchmark {

    /** One search per call, the reasons in turn. */
    @Benchmark
    public List<Opening> engine(StandardSearch search) {
        return search.finder.find(search.schedule, search.nextReason(), search.preferences, search.now);
    }

    /** The ten searches of {@link StandardSearch#SAMPLE} per call, to set against the reference. */
    @Benchmark
    public void engineSample(StandardSearch search, Blackhole sink) {
        for (String reasonId : StandardSearch.SAMPLE) {
            sink.consume(search.finder.find(search.schedule, reasonId, search.preferences, search.now));
        }
    }
}
