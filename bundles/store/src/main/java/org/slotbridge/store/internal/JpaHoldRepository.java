package org.slotbridge.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.Query;

import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;
import org.slotbridge.store.HoldRepository;
import org.slotbridge.store.HoldUnits;
import org.slotbridge.store.internal.entity.HoldEntity;

/**
 * Holds made exclusive by the primary key of {@code hold_unit}. No lock in memory takes part: two
 * nodes, or two threads, that insert the same unit are told apart by the database alone.
 * <p>
 * Ending a hold is three statements that each reach rows by key, so that only those rows are locked:
 * lock the hold row with a conditional update, delete its units by primary key, delete the hold.
 * (Derby ran a cascading delete of the units under a table lock, and concurrent holds deadlocked on
 * it.) Holds are always locked in id order, and units inserted in key order, so two transactions
 * never wait for each other in a cycle. These statements are plain SQL because OpenJPA writes bulk
 * JPQL updates and deletes as sub-selects on the same table.
 */
final class JpaHoldRepository implements HoldRepository {

    private static final String LOCK_IF_LAPSED =
            "UPDATE hold SET expires_at = expires_at WHERE id = ? AND expires_at <= ?";
    private static final String LOCK_IF_PAST_OR_LAPSED =
            "UPDATE hold SET expires_at = expires_at WHERE id = ? AND (expires_at <= ? OR ends_at <= ?)";
    private static final String LOCK =
            "UPDATE hold SET expires_at = expires_at WHERE id = ?";
    /** A kept hold has no expiry, so this locks only a live hold no request keeps. */
    private static final String LOCK_IF_UNKEPT =
            "UPDATE hold SET expires_at = expires_at WHERE id = ? AND expires_at > ?";
    private static final String DELETE_UNITS = "DELETE FROM hold_unit WHERE practice = ? AND resource_key = ?"
            + " AND unit_start >= ? AND unit_start < ? AND hold_id = ?";
    private static final String DELETE_HOLD = "DELETE FROM hold WHERE id = ?";
    private static final String INSERT_UNITS = "INSERT INTO hold_unit (practice, resource_key, unit_start, hold_id)"
            + " VALUES";
    private static final String KEEP = "UPDATE hold SET expires_at = NULL, request_id = ?"
            + " WHERE id = ? AND practice = ? AND expires_at > ?";

    /** The resource keys of {@code hold_unit}: a provider's, a room's. */
    private static final String PROVIDER = "p:";
    private static final String ROOM = "r:";
    /** Ids per query when holds are read by id, well within what an IN list may hold on every database. */
    private static final int IDS_AT_ONCE = 500;

    private final EntityManager em;

    JpaHoldRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Hold take(String slug, Opening opening, Instant expiresAt, Instant now) {
        return insert(slug, opening, expiresAt, null, now);
    }

    @Override
    public Hold takeFor(String slug, String requestId, Opening opening, Instant now) {
        return insert(slug, opening, null, requestId, now);
    }

    @Override
    public Optional<Hold> find(String slug, String holdId) {
        return em.createQuery("SELECT h FROM HoldEntity h WHERE h.id = :id AND h.practice = :practice",
                        HoldEntity.class)
                .setParameter("id", holdId).setParameter("practice", slug)
                .getResultList().stream().findFirst().map(this::detached);
    }

    @Override
    public boolean keep(String slug, String holdId, String requestId, Instant now) {
        return em.createNativeQuery(KEEP).setParameter(1, requestId).setParameter(2, holdId)
                .setParameter(3, slug).setParameter(4, now.toEpochMilli()).executeUpdate() == 1;
    }

    @Override
    public boolean release(String slug, String holdId) {
        return delete(ids("h.id = :key", slug, holdId), LOCK) > 0;
    }

    @Override
    public boolean releaseUnkept(String slug, String holdId, Instant now) {
        return delete(ids("h.id = :key", slug, holdId), LOCK_IF_UNKEPT, now.toEpochMilli()) > 0;
    }

    @Override
    public int releaseFor(String slug, String requestId) {
        return delete(ids("h.requestId = :key", slug, requestId), LOCK);
    }

    @Override
    public List<Hold> live(String slug, Instant from, Instant to, Instant now) {
        return em.createQuery("SELECT h FROM HoldEntity h WHERE h.practice = :practice"
                        + " AND (h.expiresAt IS NULL OR h.expiresAt > :now)"
                        + " AND h.opening.startsAt < :to AND h.opening.endsAt > :from", HoldEntity.class)
                .setParameter("practice", slug).setParameter("now", now.toEpochMilli())
                .setParameter("from", from.toEpochMilli()).setParameter("to", to.toEpochMilli())
                .getResultList().stream().map(this::detached).toList();
    }

    @Override
    public List<Hold> liveOn(String slug, String providerId, Collection<String> roomIds, Instant from, Instant to,
                             Instant now) {
        List<String> resources = new ArrayList<>();
        resources.add(PROVIDER + providerId);
        roomIds.forEach(room -> resources.add(ROOM + room));
        // a hold that overlaps [from, to) has a unit starting in [floor(from), to) on each of its resources
        List<String> ids = holdIdsOn(slug, resources, HoldUnits.floor(from).toEpochMilli(), to.toEpochMilli());
        List<Hold> live = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IDS_AT_ONCE) {
            // by id alone, so that the database reads the rows by primary key; the rest is checked here
            List<HoldEntity> found = em.createQuery("SELECT h FROM HoldEntity h WHERE h.id IN :ids", HoldEntity.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IDS_AT_ONCE)))
                    .getResultList();
            for (HoldEntity entity : found) {
                Hold hold = detached(entity);
                if (hold.practiceSlug().equals(slug) && (hold.expiresAt() == null || hold.expiresAt().isAfter(now))
                        && hold.opening().start().isBefore(to) && hold.opening().end().isAfter(from)) {
                    live.add(hold);
                }
            }
        }
        return live;
    }

    @Override
    public int sweep(Instant now) {
        List<String> ids = em.createQuery("SELECT h.id FROM HoldEntity h WHERE h.expiresAt <= :now"
                        + " OR h.opening.endsAt <= :now", String.class)
                .setParameter("now", now.toEpochMilli()).getResultList();
        return delete(ids, LOCK_IF_PAST_OR_LAPSED, now.toEpochMilli(), now.toEpochMilli());
    }

    private Hold insert(String slug, Opening opening, Instant expiresAt, String requestId, Instant now) {
        Claim claim = Claim.of(opening);
        clearLapsed(slug, claim, now);

        HoldEntity hold = new HoldEntity(Ids.next(), slug, opening, expiresAt, requestId, now);
        em.persist(hold);
        // the units refer to the hold by a foreign key OpenJPA does not know of: insert the hold first
        em.flush();
        // every unit in one statement, in key order, rather than an entity and a statement for each
        StringBuilder sql = new StringBuilder(INSERT_UNITS);
        List<Object> values = new ArrayList<>();
        long step = HoldUnits.UNIT.toMillis();
        for (String resource : claim.resources()) {
            for (long unit = claim.first(); unit < claim.end(); unit += step) {
                sql.append(values.isEmpty() ? " (?, ?, ?, ?)" : ", (?, ?, ?, ?)");
                values.addAll(List.of(slug, resource, unit, hold.id()));
            }
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        try {
            insert.executeUpdate();
        } catch (PersistenceException e) {
            if (Failures.isDuplicateKey(e)) {
                throw new ConflictException(ConflictException.OPENING_TAKEN, "someone else holds this opening now");
            }
            throw e;
        }
        return detached(hold);
    }

    /** Ends the lapsed holds that have units in the way of a new hold. */
    private void clearLapsed(String slug, Claim claim, Instant now) {
        delete(holdIdsOn(slug, claim.resources(), claim.first(), claim.end()), LOCK_IF_LAPSED, now.toEpochMilli());
    }

    /** The holds with a unit on one of the resources starting in {@code [first, end)}, read by primary key. */
    private List<String> holdIdsOn(String slug, List<String> resources, long first, long end) {
        return em.createQuery("SELECT DISTINCT u.holdId FROM HoldUnitEntity u"
                        + " WHERE u.practice = :practice AND u.resourceKey IN :resources"
                        + " AND u.unitStart >= :first AND u.unitStart < :end", String.class)
                .setParameter("practice", slug).setParameter("resources", resources)
                .setParameter("first", first).setParameter("end", end)
                .getResultList();
    }

    /**
     * Deletes each hold that {@code lockSql} (id first, then {@code lockArgs}) still locks, with its
     * units; holds are visited in id order.
     */
    private int delete(List<String> holdIds, String lockSql, Object... lockArgs) {
        int deleted = 0;
        for (String id : new TreeSet<>(holdIds)) {
            Query lock = em.createNativeQuery(lockSql).setParameter(1, id);
            for (int i = 0; i < lockArgs.length; i++) {
                lock.setParameter(i + 2, lockArgs[i]);
            }
            if (lock.executeUpdate() == 0) {
                continue;
            }
            Hold hold = find(id);
            Claim claim = Claim.of(hold.opening());
            for (String resource : claim.resources()) {
                em.createNativeQuery(DELETE_UNITS).setParameter(1, hold.practiceSlug()).setParameter(2, resource)
                        .setParameter(3, claim.first()).setParameter(4, claim.end()).setParameter(5, id)
                        .executeUpdate();
            }
            em.createNativeQuery(DELETE_HOLD).setParameter(1, id).executeUpdate();
            deleted++;
        }
        return deleted;
    }

    private Hold find(String id) {
        return detached(em.createQuery("SELECT h FROM HoldEntity h WHERE h.id = :id", HoldEntity.class)
                .setParameter("id", id).getSingleResult());
    }

    private List<String> ids(String condition, String slug, String key) {
        return em.createQuery("SELECT h.id FROM HoldEntity h WHERE h.practice = :practice AND " + condition,
                        String.class)
                .setParameter("practice", slug).setParameter("key", key).getResultList();
    }

    /**
     * The units a hold claims: its provider and room, sorted, from the unit of its start to the unit
     * boundary at or after its end.
     */
    private record Claim(List<String> resources, long first, long end) {

        static Claim of(Opening opening) {
            TreeSet<String> resources = new TreeSet<>();
            resources.add(PROVIDER + opening.providerId());
            if (opening.roomId() != null) {
                resources.add(ROOM + opening.roomId());
            }
            return new Claim(List.copyOf(resources), HoldUnits.floor(opening.start()).toEpochMilli(),
                    HoldUnits.ceil(opening.end()).toEpochMilli());
        }
    }

    /** Holds change by plain SQL here, so none stays managed with values that could go stale. */
    private Hold detached(HoldEntity entity) {
        Hold hold = entity.toHold();
        em.detach(entity);
        return hold;
    }
}
