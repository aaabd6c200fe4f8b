package org.slotbridge.store.internal;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import javax.persistence.EntityExistsException;
import javax.persistence.LockTimeoutException;
import javax.persistence.PersistenceException;
import javax.persistence.PessimisticLockException;

import org.apache.openjpa.util.ExceptionInfo;
import org.slotbridge.api.ConflictException;
import org.slotbridge.store.StoreException;

/** Tells database failures apart by what the caller can do about them. */
final class Failures {

    /** Unique key violated: the same on Derby and PostgreSQL. */
    private static final String DUPLICATE_KEY = "23505";
    /** Deadlock or lock timeout on Derby (40001 also on PostgreSQL), and PostgreSQL's lock_not_available. */
    private static final Set<String> LOCKED = Set.of("40001", "40XL1", "40XL2", "40P01", "55P03");

    private Failures() {
    }

    /** True when a unique or primary key refused a row. */
    static boolean isDuplicateKey(Throwable failure) {
        return anyInChain(failure, t -> t instanceof EntityExistsException
                || t instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState()));
    }

    /** The exception a caller of the store gets for a failure of the database. */
    static RuntimeException translate(PersistenceException failure) {
        boolean locked = anyInChain(failure, t -> t instanceof LockTimeoutException
                || t instanceof PessimisticLockException
                || t instanceof SQLException sql && LOCKED.contains(sql.getSQLState()));
        if (locked) {
            return new ConflictException("busy", "someone else was changing the same data; try again");
        }
        return new StoreException("the database failed: " + failure.getMessage(), failure);
    }

    private static boolean anyInChain(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> queue = new ArrayDeque<>();
        queue.add(failure);
        while (!queue.isEmpty()) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                queue.add(sql.getNextException());
            }
            // OpenJPA keeps the failures of a flush as nested exceptions beside the cause
            if (t instanceof ExceptionInfo info && info.getNestedThrowables() != null) {
                for (Throwable nested : info.getNestedThrowables()) {
                    queue.add(nested);
                }
            }
        }
        return false;
    }
}
