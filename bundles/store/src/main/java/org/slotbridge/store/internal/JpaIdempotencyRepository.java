package org.slotbridge.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.Query;

import org.slotbridge.api.ConflictException;
import org.slotbridge.api.service.IdempotencyKeys.Answer;
import org.slotbridge.api.service.IdempotencyKeys.Claim;
import org.slotbridge.api.service.IdempotencyKeys.Outcome;
import org.slotbridge.store.IdempotencyRepository;

/**
 * Idempotency keys in plain SQL on {@code idempotency_key}. A first claim inserts the row; the primary
 * key refuses a second insert of the same key, on any node. Claiming a row again (it is older than a
 * day, or its claim was abandoned) is a conditional update on the claim time read, so that of two
 * transactions doing it at once only one changes the row. The claim time is also the token that names
 * a claim, so a claim taken over can no longer answer or release the key.
 */
final class JpaIdempotencyRepository implements IdempotencyRepository {

    static final String IN_PROGRESS = "request_in_progress";

    private static final String FIND = "SELECT fingerprint, status, location, body, created_at FROM idempotency_key"
            + " WHERE practice = ? AND idem_key = ?";
    private static final String INSERT = "INSERT INTO idempotency_key (practice, idem_key, fingerprint, created_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String CLAIM_AGAIN = "UPDATE idempotency_key SET fingerprint = ?, status = NULL,"
            + " location = NULL, body = NULL, created_at = ? WHERE practice = ? AND idem_key = ? AND created_at = ?";
    private static final String RELEASE = "DELETE FROM idempotency_key"
            + " WHERE practice = ? AND idem_key = ? AND created_at = ? AND status IS NULL";
    private static final String OLDEST = "SELECT practice, idem_key, created_at FROM idempotency_key"
            + " WHERE created_at <= ? ORDER BY created_at";
    private static final String SWEEP = "DELETE FROM idempotency_key"
            + " WHERE practice = ? AND idem_key = ? AND created_at = ?";

    private final EntityManager em;

    JpaIdempotencyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Claim claim(String slug, String key, String fingerprint, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(FIND, slug, key).getResultList();
        long claimedAt = now.toEpochMilli();
        if (rows.isEmpty()) {
            try {
                query(INSERT, slug, key, fingerprint, claimedAt).executeUpdate();
            } catch (PersistenceException e) {
                if (Failures.isDuplicateKey(e)) {
                    throw inProgress();
                }
                throw e;
            }
            return new Claim(Outcome.NEW, claimedAt, null);
        }
        Object[] row = rows.get(0);
        long previous = ((Number) row[4]).longValue();
        if (previous <= claimedAt - KEPT.toMillis()) {
            return claimAgain(slug, key, fingerprint, previous, claimedAt);
        }
        if (!fingerprint.equals(row[0])) {
            return new Claim(Outcome.MISMATCH, 0, null);
        }
        if (row[1] != null) {
            return new Claim(Outcome.REPLAY, 0,
                    new Answer(((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
        }
        if (previous <= claimedAt - ABANDONED.toMillis()) {
            return claimAgain(slug, key, fingerprint, previous, claimedAt);
        }
        return new Claim(Outcome.IN_PROGRESS, 0, null);
    }

    @Override
    public boolean answer(String slug, String key, long token, Answer answer) {
        // a null parameter has no SQL type every driver accepts: absent values are written as NULL
        List<Object> values = new ArrayList<>();
        values.add(answer.status());
        StringBuilder sql = new StringBuilder("UPDATE idempotency_key SET status = ?");
        sql.append(", location = ").append(answer.location() == null ? "NULL" : "?");
        if (answer.location() != null) {
            values.add(answer.location());
        }
        sql.append(", body = ").append(answer.body() == null ? "NULL" : "?");
        if (answer.body() != null) {
            values.add(answer.body());
        }
        sql.append(" WHERE practice = ? AND idem_key = ? AND created_at = ? AND status IS NULL");
        values.add(slug);
        values.add(key);
        values.add(token);
        return query(sql.toString(), values.toArray()).executeUpdate() == 1;
    }

    @Override
    public boolean release(String slug, String key, long token) {
        return query(RELEASE, slug, key, token).executeUpdate() == 1;
    }

    @Override
    public int sweep(Instant now, int atMost) {
        if (atMost < 1) {
            throw new IllegalArgumentException("atMost must be at least 1");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> oldest = query(OLDEST, now.minus(KEPT).toEpochMilli()).setMaxResults(atMost).getResultList();
        int deleted = 0;
        for (Object[] row : oldest) {
            // the claim time read: a key claimed again since then has another one and is not deleted
            deleted += query(SWEEP, row[0], row[1], ((Number) row[2]).longValue()).executeUpdate();
        }
        return deleted;
    }

    private Claim claimAgain(String slug, String key, String fingerprint, long previous, long claimedAt) {
        if (claimedAt == previous) {
            throw inProgress();
        }
        int changed = query(CLAIM_AGAIN, fingerprint, claimedAt, slug, key, previous).executeUpdate();
        if (changed != 1) {
            throw inProgress();
        }
        return new Claim(Outcome.NEW, claimedAt, null);
    }

    private Query query(String sql, Object... values) {
        return NativeSql.query(em, sql, values);
    }

    private static ConflictException inProgress() {
        return new ConflictException(IN_PROGRESS, "a submission with this idempotency key is being processed;"
                + " try again in a moment");
    }
}
