package org.slotbridge.store.internal;

import javax.persistence.EntityManager;
import javax.persistence.Query;

/** Plain SQL on an entity manager, for the tables whose rows are claimed and marked by conditions. */
final class NativeSql {

    private NativeSql() {
    }

    /** The statement with its positional parameters set, from 1. */
    static Query query(EntityManager em, String sql, Object... values) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query;
    }
}
