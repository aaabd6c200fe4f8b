package org.slotbridge.store.internal;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.store.SchemaReady;
import org.slotbridge.store.Store;
import org.slotbridge.store.StoreSession;

/**
 * The store on the {@code slotbridge} persistence unit: one entity manager and one resource-local
 * transaction per call. It starts only once the schema is up to date.
 */
@Component(name = "org.slotbridge.store", service = Store.class)
public final class JpaStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

    private final EntityManagerFactory factory;

    /**
     * @param factory the unit Aries JPA publishes
     * @param schema  not used: requiring it keeps the store from starting before the migrations end
     */
    @Activate
    public JpaStore(
            @Reference(name = "entityManagerFactory", target = "(osgi.unit.name=slotbridge)")
            EntityManagerFactory factory,
            @Reference(name = "schema") SchemaReady schema) {
        this.factory = factory;
    }

    @Override
    public <T> T call(Function<StoreSession, T> work) {
        EntityManager em = null;
        try {
            em = factory.createEntityManager();
            EntityTransaction transaction = em.getTransaction();
            transaction.begin();
            JpaSession session = new JpaSession(em);
            T result = work.apply(session);
            session.beforeCommit();
            transaction.commit();
            return result;
        } catch (SlotbridgeException e) {
            throw e;
        } catch (PersistenceException e) {
            throw Failures.translate(e);
        } finally {
            if (em != null) {
                close(em);
            }
        }
    }

    /** Rolls back what is still open, then closes. */
    private static void close(EntityManager em) {
        try {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        } catch (PersistenceException e) {
            LOG.warn("Rolling back a failed transaction failed as well", e);
        } finally {
            em.close();
        }
    }
}
