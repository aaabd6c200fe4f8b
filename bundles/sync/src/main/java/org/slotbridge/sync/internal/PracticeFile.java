package org.slotbridge.sync.internal;

import java.util.List;

import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.store.StaffRecord;

/** Everything one practice file says, checked and ready to store. */
record PracticeFile(Practice practice, List<Provider> providers, List<Room> rooms, List<Reason> reasons,
                    List<WorkingHours> hours, List<StaffRecord> staff, List<String> ignoredFields) {
}
