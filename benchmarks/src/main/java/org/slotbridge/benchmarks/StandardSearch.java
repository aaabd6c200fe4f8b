package org.slotbridge.benchmarks;

import java.time.Instant;
import java.util.List;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slotbridge.api.Preferences;
import org.slotbridge.engine.OpeningFinder;
import org.slotbridge.engine.ReferenceSearch;
import org.slotbridge.engine.Schedule;

/**
 * The standard practice and a client's search of {@code searchDays} dates from today, any provider.
 * Each call of {@link #nextReason()} moves on to the next of the 50 reasons, so that a run measures
 * all of them in turn. {@link #SAMPLE} is the set of reasons both the engine and the reference
 * search when they are compared: the first ten, which between them have every duration, every
 * kind of provider and room choice, and most of the reason rules.
 */
@State(Scope.Thread)
public class StandardSearch {

    public static final List<String> SAMPLE = List.of("r00", "r01", "r02", "r03", "r04", "r05", "r06", "r07",
            "r08", "r09");

    @Param({"14", "90"})
    public int searchDays;

    public ReferencePractice practice;
    public Schedule schedule;
    public ReferenceSearch reference;
    public Preferences preferences;
    public final Instant now = ReferencePractice.NOW;
    public final OpeningFinder finder = new OpeningFinder();

    private String[] reasonIds;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        practice = ReferencePractice.standard();
        schedule = practice.schedule(practice.buildIndex());
        reference = new ReferenceSearch(practice.config(), practice.appointments(), practice.blockouts(),
                practice.claims());
        preferences = ReferencePractice.searchOver(searchDays);
        reasonIds = practice.reasonIds().toArray(String[]::new);
    }

    public String nextReason() {
        String id = reasonIds[next];
        next = (next + 1) % reasonIds.length;
        return id;
    }
}
