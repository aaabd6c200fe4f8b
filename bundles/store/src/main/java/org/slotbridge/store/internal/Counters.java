package org.slotbridge.store.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.slotbridge.api.NotFoundException;
import org.slotbridge.store.Versions;

/**
 * The config_version and schedule_version counters on the practice row, for one transaction. Each is
 * bumped at most once per transaction; what the transaction writes becomes visible at commit together
 * with the new number. A bump is a single UPDATE that adds one in the database, so two transactions
 * never write the same number, and it locks the practice row until commit.
 * <p>
 * The configuration counter is bumped at the first configuration write, so that writes to one
 * practice's configuration follow one another and each checks the configuration as the one before
 * left it. The schedule counter is bumped just before commit: schedule writes come often, and the
 * practice row is then locked only for the moment it takes to commit.
 */
final class Counters {

    private static final String BUMP_CONFIG =
            "UPDATE practice SET config_version = config_version + 1 WHERE slug = ?";
    private static final String BUMP_SCHEDULE =
            "UPDATE practice SET schedule_version = schedule_version + 1 WHERE slug = ?";
    private static final String READ = "SELECT config_version, schedule_version FROM practice WHERE slug = ?";

    private final EntityManager em;
    private final Set<String> configBumped = new HashSet<>();
    /** Sorted, so that two transactions lock practice rows in the same order. */
    private final Set<String> scheduleChanged = new TreeSet<>();

    Counters(EntityManager em) {
        this.em = em;
    }

    /** Counts a change to the practice's configuration. */
    void configChanged(String slug) {
        bump(slug, BUMP_CONFIG, configBumped);
    }

    /** Counts a change to the practice's schedule copy when the transaction commits. */
    void scheduleChanged(String slug) {
        scheduleChanged.add(slug);
    }

    /** Bumps the schedule counters of the practices whose schedule changed; called just before commit. */
    void beforeCommit() {
        Set<String> bumped = new HashSet<>();
        scheduleChanged.forEach(slug -> bump(slug, BUMP_SCHEDULE, bumped));
        scheduleChanged.clear();
    }

    /**
     * Both counters, in one query.
     *
     * @throws NotFoundException when there is no such practice
     */
    Versions read(String slug) {
        List<?> rows = em.createNativeQuery(READ).setParameter(1, slug).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("practice", slug);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Versions(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private void bump(String slug, String sql, Set<String> bumped) {
        if (bumped.contains(slug)) {
            return;
        }
        // a practice created in this transaction must reach the database before its row can change
        em.flush();
        if (em.createNativeQuery(sql).setParameter(1, slug).executeUpdate() == 1) {
            bumped.add(slug);
        }
    }
}
