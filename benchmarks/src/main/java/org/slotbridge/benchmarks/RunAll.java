package org.slotbridge.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs every benchmark of this module in one run with the settings written on each class, then
 * prints the results as Markdown tables: latencies, the engine's speed-up over the reference,
 * the targets met or missed and the growth table; then, in this JVM, the searches' wall-clock and
 * CPU time ({@link SearchCpuTime}) and the memory ({@link IndexMemory}); the system property
 * {@code slotbridge.benchmarks.noExtras} leaves these two out. Accepts the usual JMH options, which
 * override the classes' settings (a benchmark name pattern runs fewer).
 */
public final class RunAll {

    /** Targets of one search, p99 in microseconds, by the number of days searched. */
    private static final Map<String, Double> SEARCH_P99_US = Map.of("14", 1_000.0, "90", 5_000.0);
    private static final double CHANGE_P99_US = 50;
    private static final double SPEED_UP = 100;

    private RunAll() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions given = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        if (given.getIncludes().isEmpty()) {
            builder.include("org\\.slotbridge\\.benchmarks\\..*");
        }
        Options options = builder.parent(given).build();
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        PrintStream out = System.out;
        out.println();
        out.printf("Java %s (%s), %d processors; load average before %s, after %s%n%n",
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
        latencies(out, results);
        speedUp(out, results);
        growth(out, results);
        if (!Boolean.getBoolean("slotbridge.benchmarks.noExtras")) {
            SearchCpuTime.print(out);
            IndexMemory.print(out);
        }
    }

    private static void latencies(PrintStream out, Collection<RunResult> results) {
        out.println("## Latency (microseconds)");
        out.println();
        out.println("| benchmark | params | samples | mean | p50 | p99 | p99.9 | max | target |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (RunResult result : results) {
            String name = name(result);
            if (name.startsWith("GrowthBenchmark")) {
                continue;
            }
            Statistics s = result.getPrimaryResult().getStatistics();
            out.printf("| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", name, params(result), s.getN(),
                    us(s.getMean()), us(s.getPercentile(50)), us(s.getPercentile(99)), us(s.getPercentile(99.9)),
                    us(s.getMax()), target(name, result, s));
        }
        out.println();
    }

    private static String target(String name, RunResult result, Statistics s) {
        double p99 = s.getPercentile(99);
        if (name.equals("SearchBenchmark.engine")) {
            double limit = SEARCH_P99_US.get(result.getParams().getParam("searchDays"));
            return verdict("p99 <= " + us(limit), p99 <= limit, p99 / limit);
        }
        if (name.equals("IndexChangeBenchmark.oneChange")) {
            return verdict("p99 <= " + us(CHANGE_P99_US), p99 <= CHANGE_P99_US, p99 / CHANGE_P99_US);
        }
        return "";
    }

    private static void speedUp(PrintStream out, Collection<RunResult> results) {
        Map<String, Statistics> engine = new HashMap<>();
        Map<String, Statistics> reference = new HashMap<>();
        for (RunResult result : results) {
            String name = name(result);
            if (name.equals("SearchBenchmark.engineSample")) {
                engine.put(result.getParams().getParam("searchDays"), result.getPrimaryResult().getStatistics());
            } else if (name.equals("ReferenceSearchBenchmark.referenceSample")) {
                reference.put(result.getParams().getParam("searchDays"), result.getPrimaryResult().getStatistics());
            }
        }
        if (engine.isEmpty() || reference.isEmpty()) {
            return;
        }
        out.println("## Engine against the reference, same run: ten reasons searched, microseconds");
        out.println();
        out.println("| days searched | reference mean | engine mean | speed-up (mean) | speed-up (p50) | target |");
        out.println("| ---: | ---: | ---: | ---: | ---: | --- |");
        for (String days : List.of("14", "90")) {
            Statistics e = engine.get(days);
            Statistics r = reference.get(days);
            if (e == null || r == null) {
                continue;
            }
            double ratio = r.getMean() / e.getMean();
            out.printf("| %s | %s | %s | %.0fx | %.0fx | %s |%n", days, us(r.getMean()), us(e.getMean()), ratio,
                    r.getPercentile(50) / e.getPercentile(50), verdict(">= 100x", ratio >= SPEED_UP, SPEED_UP / ratio));
        }
        out.println();
    }

    private static void growth(PrintStream out, Collection<RunResult> results) {
        Map<String, Statistics> cells = new HashMap<>();
        List<String> providers = new ArrayList<>();
        List<String> days = new ArrayList<>();
        for (RunResult result : results) {
            if (!name(result).equals("GrowthBenchmark.search")) {
                continue;
            }
            String p = result.getParams().getParam("providers");
            String d = result.getParams().getParam("days");
            cells.put(p + "x" + d, result.getPrimaryResult().getStatistics());
            if (!providers.contains(p)) {
                providers.add(p);
            }
            if (!days.contains(d)) {
                days.add(d);
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        out.println("## Growth: one search over all the practice's days, p50 / p99 (microseconds)");
        out.println();
        StringBuilder head = new StringBuilder("| providers \\ days |");
        StringBuilder rule = new StringBuilder("| ---: |");
        for (String d : days) {
            head.append(' ').append(d).append(" |");
            rule.append(" ---: |");
        }
        out.println(head);
        out.println(rule);
        for (String p : providers) {
            StringBuilder line = new StringBuilder("| " + p + " |");
            for (String d : days) {
                Statistics s = cells.get(p + "x" + d);
                line.append(' ').append(s == null ? "" : us(s.getPercentile(50)) + " / " + us(s.getPercentile(99)))
                        .append(" |");
            }
            out.println(line);
        }
        out.println();
    }

    /** The first three fields of /proc/loadavg where there is one: how busy the machine was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String verdict(String target, boolean met, double factor) {
        return target + (met ? ": met" : String.format(": missed, %.1fx over", factor));
    }

    private static String name(RunResult result) {
        String label = result.getParams().getBenchmark();
        String[] parts = label.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static String params(RunResult result) {
        List<String> pairs = new ArrayList<>();
        for (String key : result.getParams().getParamsKeys()) {
            pairs.add(key + "=" + result.getParams().getParam(key));
        }
        return String.join(", ", pairs);
    }

    private static String us(double value) {
        return value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
    }
}
