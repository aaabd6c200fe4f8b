package org.slotbridge.sync.internal;

import java.util.List;

import org.slotbridge.api.PracticeConfig;
import org.slotbridge.store.StaffRecord;

/**
 * Everything one practice file says, checked and ready to store.
 *
 * @param config the practice's whole configuration, checked as a whole
 * @param staff  the staff accounts of the practice
 */
record PracticeFile(PracticeConfig config, List<StaffRecord> staff) {

    PracticeFile {
        staff = List.copyOf(staff);
    }

    String slug() {
        return config.practice().slug();
    }
}
