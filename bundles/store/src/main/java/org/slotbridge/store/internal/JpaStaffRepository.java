package org.slotbridge.store.internal;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.slotbridge.api.ConflictException;
import org.slotbridge.api.service.StaffAccounts.StaffMember;
import org.slotbridge.store.StaffRecord;
import org.slotbridge.store.StaffRepository;
import org.slotbridge.store.internal.entity.StaffEntity;

final class JpaStaffRepository implements StaffRepository {

    private final EntityManager em;
    private final JpaPracticeRepository practices;

    JpaStaffRepository(EntityManager em, JpaPracticeRepository practices) {
        this.em = em;
        this.practices = practices;
    }

    @Override
    public Optional<StaffRecord> find(String username) {
        StaffEntity entity = username == null ? null : em.find(StaffEntity.class, username);
        return Optional.ofNullable(entity).map(s -> new StaffRecord(s.toMember(), s.passwordHash()));
    }

    @Override
    public List<StaffMember> ofPractice(String slug) {
        return em.createQuery("SELECT s FROM StaffEntity s WHERE s.practice = :practice ORDER BY s.username",
                        StaffEntity.class)
                .setParameter("practice", slug).getResultList().stream().map(StaffEntity::toMember).toList();
    }

    @Override
    public void save(StaffMember member, String passwordHash) {
        practices.require(member.practiceSlug());
        StaffEntity entity = em.find(StaffEntity.class, member.username());
        if (entity == null) {
            entity = new StaffEntity(member.username(), member.practiceSlug());
            em.persist(entity);
        } else if (!entity.practice().equals(member.practiceSlug())) {
            throw new ConflictException("username_taken",
                    "username '" + member.username() + "' belongs to a member of another practice");
        }
        entity.apply(member.displayName(), passwordHash);
    }
}
