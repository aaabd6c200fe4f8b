package org.slotbridge.engine;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slotbridge.api.WorkingHours;

/**
 * What the engine needs to know of one practice's schedule: the zone, when each provider works, and
 * when each provider and room is busy (appointments, blockouts and live holds, already merged by the
 * caller; a practice-wide blockout appears under every provider).
 *
 * @param zone         the practice's zone
 * @param hours        working hours by provider id; a provider missing here never works
 * @param providerBusy busy time by provider id, in any order
 * @param roomBusy     busy time by room id, in any order
 */
public record ScheduleSnapshot(ZoneId zone, Map<String, WorkingHours> hours,
                               Map<String, List<Interval>> providerBusy, Map<String, List<Interval>> roomBusy) {

    public ScheduleSnapshot {
        Objects.requireNonNull(zone, "zone");
        hours = Map.copyOf(hours);
        providerBusy = Map.copyOf(providerBusy);
        roomBusy = Map.copyOf(roomBusy);
    }
}
