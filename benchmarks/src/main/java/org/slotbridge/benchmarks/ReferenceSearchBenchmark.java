package org.slotbridge.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The searches of {@link SearchBenchmark#engineSample}, made by the slow, literal reading of the
 * rule book that the engine's tests check it against. One call takes seconds, so each iteration
 * is a single call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class ReferenceSearchBenchmark {

    @Benchmark
    public void referenceSample(StandardSearch search, Blackhole sink) {
        for (String reasonId : StandardSearch.SAMPLE) {
            sink.consume(search.reference.find(reasonId, search.preferences, search.now));
        }
    }
}
