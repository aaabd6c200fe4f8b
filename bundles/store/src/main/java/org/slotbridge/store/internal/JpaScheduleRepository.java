package org.slotbridge.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.slotbridge.api.Appointment;
import org.slotbridge.api.AppointmentStatus;
import org.slotbridge.api.Blockout;
import org.slotbridge.store.ScheduleRepository;
import org.slotbridge.store.internal.entity.AppointmentEntity;
import org.slotbridge.store.internal.entity.BlockoutEntity;

final class JpaScheduleRepository implements ScheduleRepository {

    private final EntityManager em;
    private final JpaPracticeRepository practices;
    private final Counters counters;

    JpaScheduleRepository(EntityManager em, JpaPracticeRepository practices, Counters counters) {
        this.em = em;
        this.practices = practices;
        this.counters = counters;
    }

    @Override
    public void saveAppointment(String slug, Appointment appointment) {
        practices.require(slug);
        counters.scheduleChanged(slug);
        AppointmentEntity entity = appointmentEntity(slug, appointment.pmsId());
        if (entity == null) {
            em.persist(new AppointmentEntity(Ids.next(), slug, appointment));
        } else {
            entity.apply(appointment);
        }
    }

    @Override
    public Optional<Appointment> appointment(String slug, String pmsId) {
        return Optional.ofNullable(appointmentEntity(slug, pmsId)).map(AppointmentEntity::toAppointment);
    }

    @Override
    public boolean setAppointmentStatus(String slug, String pmsId, AppointmentStatus status) {
        AppointmentEntity entity = appointmentEntity(slug, pmsId);
        if (entity == null) {
            return false;
        }
        counters.scheduleChanged(slug);
        entity.setStatus(status);
        return true;
    }

    @Override
    public List<Appointment> appointmentsTakingTime(String slug, Instant from, Instant to) {
        return em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.practice = :practice"
                        + " AND a.startsAt < :to AND a.endsAt > :from AND a.status <> :cancelled"
                        + " ORDER BY a.startsAt", AppointmentEntity.class)
                .setParameter("practice", slug)
                .setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli())
                .setParameter("cancelled", AppointmentStatus.CANCELLED)
                .getResultList().stream().map(AppointmentEntity::toAppointment).toList();
    }

    @Override
    public void saveBlockout(String slug, Blockout blockout) {
        practices.require(slug);
        counters.scheduleChanged(slug);
        BlockoutEntity entity = blockoutEntity(slug, blockout.pmsId());
        if (entity == null) {
            em.persist(new BlockoutEntity(Ids.next(), slug, blockout));
        } else {
            entity.apply(blockout);
        }
    }

    @Override
    public Optional<Blockout> blockout(String slug, String pmsId) {
        return Optional.ofNullable(blockoutEntity(slug, pmsId)).map(BlockoutEntity::toBlockout);
    }

    @Override
    public boolean removeBlockout(String slug, String pmsId) {
        BlockoutEntity entity = blockoutEntity(slug, pmsId);
        if (entity == null) {
            return false;
        }
        counters.scheduleChanged(slug);
        em.remove(entity);
        return true;
    }

    @Override
    public List<Blockout> blockouts(String slug, Instant from, Instant to) {
        return em.createQuery("SELECT b FROM BlockoutEntity b WHERE b.practice = :practice"
                        + " AND b.startsAt < :to AND b.endsAt > :from ORDER BY b.startsAt", BlockoutEntity.class)
                .setParameter("practice", slug)
                .setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli())
                .getResultList().stream().map(BlockoutEntity::toBlockout).toList();
    }

    private AppointmentEntity appointmentEntity(String slug, String pmsId) {
        return em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.practice = :practice"
                        + " AND a.pmsId = :pmsId", AppointmentEntity.class)
                .setParameter("practice", slug).setParameter("pmsId", pmsId)
                .getResultList().stream().findFirst().orElse(null);
    }

    private BlockoutEntity blockoutEntity(String slug, String pmsId) {
        return em.createQuery("SELECT b FROM BlockoutEntity b WHERE b.practice = :practice"
                        + " AND b.pmsId = :pmsId", BlockoutEntity.class)
                .setParameter("practice", slug).setParameter("pmsId", pmsId)
                .getResultList().stream().findFirst().orElse(null);
    }
}
