package org.slotbridge.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.slotbridge.api.Opening;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.service.RequestEvents;
import org.slotbridge.api.service.RequestEvents.Event;
import org.slotbridge.store.RequestEventRepository;
import org.slotbridge.store.RequestRepository;
import org.slotbridge.store.internal.entity.RequestEventEntity;

/**
 * Request events on {@code request_event}: written as entities, read and marked in plain SQL. An event keeps the parts of a request that a change
 * can alter; the others (client, patient, memo, creation) never change and are read from the request.
 */
final class JpaRequestEventRepository implements RequestEventRepository {

    private static final String UNDELIVERED = "SELECT id, request_id, status, reason_code, provider_code, room_code,"
            + " starts_at, ends_at, hold_id, staff_note, decided_at, answer_by, recorded_at FROM request_event"
            + " WHERE practice = ? AND delivered_at IS NULL ORDER BY id";
    private static final String DELIVERED = "UPDATE request_event SET delivered_at = ?"
            + " WHERE practice = ? AND id = ? AND delivered_at IS NULL";
    private static final String OLD = "SELECT id FROM request_event WHERE delivered_at <= ? OR recorded_at <= ?"
            + " ORDER BY id";
    private static final String DELETE = "DELETE FROM request_event WHERE id = ?";

    private final EntityManager em;
    private final RequestRepository requests;

    JpaRequestEventRepository(EntityManager em, RequestRepository requests) {
        this.em = em;
        this.requests = requests;
    }

    @Override
    public void record(Request request, Instant now) {
        em.persist(new RequestEventEntity(request, now));
    }

    @Override
    public List<Event> undelivered(String slug, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("atMost must be at least 1");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(UNDELIVERED, slug).setMaxResults(atMost).getResultList();
        Map<String, Optional<Request>> read = new HashMap<>();
        List<Event> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String requestId = (String) row[1];
            // the foreign key keeps the request while its events exist
            Request now = read.computeIfAbsent(requestId, id -> requests.find(slug, id)).orElseThrow();
            Opening opening = new Opening((String) row[3], (String) row[4], (String) row[5], instant(row[6]),
                    instant(row[7]));
            Request then = new Request(now.id(), now.practiceSlug(), opening, (String) row[8],
                    RequestStatus.valueOf((String) row[2]), now.client(), now.patient(), now.newClient(), now.memo(),
                    (String) row[9], now.createdAt(), instant(row[10]), instant(row[11]));
            events.add(new Event(((Number) row[0]).longValue(), then, instant(row[12])));
        }
        return events;
    }

    @Override
    public boolean delivered(String slug, long eventId, Instant now) {
        return query(DELIVERED, now.toEpochMilli(), slug, eventId).executeUpdate() == 1;
    }

    @Override
    public int sweep(Instant now, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("atMost must be at least 1");
        }
        long delivered = now.minus(KEPT_DELIVERED).toEpochMilli();
        long recorded = now.minus(RequestEvents.KEPT_UNDELIVERED).toEpochMilli();
        @SuppressWarnings("unchecked")
        List<Object> old = query(OLD, delivered, recorded).setMaxResults(atMost).getResultList();
        int deleted = 0;
        for (Object id : old) {
            deleted += query(DELETE, ((Number) id).longValue()).executeUpdate();
        }
        return deleted;
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }

    private Query query(String sql, Object... values) {
        return NativeSql.query(em, sql, values);
    }
}
