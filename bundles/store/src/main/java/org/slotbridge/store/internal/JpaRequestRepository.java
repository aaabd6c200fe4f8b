package org.slotbridge.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.slotbridge.api.Client;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.store.ClientRecord;
import org.slotbridge.store.NewRequest;
import org.slotbridge.store.RequestRepository;
import org.slotbridge.store.internal.entity.RequestAlternativeEntity;
import org.slotbridge.store.internal.entity.RequestEntity;
import org.slotbridge.store.internal.entity.RequestTokenEntity;

final class JpaRequestRepository implements RequestRepository {

    private static final List<RequestStatus> OPEN = List.of(RequestStatus.PENDING, RequestStatus.PROPOSED);
    /** Requests that end when their time comes: the open ones, and those that lost their time to the PMS. */
    private static final List<RequestStatus> EXPIRING = List.of(RequestStatus.PENDING, RequestStatus.PROPOSED,
            RequestStatus.CONFLICTED);

    private final EntityManager em;
    private final JpaClientRepository clients;

    JpaRequestRepository(EntityManager em, JpaClientRepository clients) {
        this.em = em;
        this.clients = clients;
    }

    @Override
    public Request create(String slug, NewRequest request) {
        RequestEntity entity = new RequestEntity(Ids.next(), slug, request.clientId(), request.newClient(),
                request.patientId(), request.patientName(), request.patientKind(), request.memo(),
                request.createdAt());
        entity.setState(RequestStatus.PENDING, request.opening(), request.holdId(), null, null);
        em.persist(entity);
        return toRequest(entity);
    }

    @Override
    public Optional<Request> find(String slug, String requestId) {
        return Optional.ofNullable(entity(slug, requestId, LockModeType.NONE)).map(this::toRequest);
    }

    @Override
    public List<Request> list(String slug, RequestStatus status) {
        return em.createQuery("SELECT r FROM RequestEntity r WHERE r.practice = :practice AND r.status = :status"
                        + " ORDER BY r.createdAt DESC, r.id", RequestEntity.class)
                .setParameter("practice", slug).setParameter("status", status)
                .getResultList().stream().map(this::toRequest).toList();
    }

    @Override
    public Request change(String slug, String requestId, UnaryOperator<Request> change) {
        RequestEntity entity = entity(slug, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new NotFoundException("request", requestId);
        }
        Request next = change.apply(toRequest(entity));
        entity.setState(next.status(), next.opening(), next.status().isOpen() ? next.holdId() : null,
                next.staffNote(), next.decidedAt());
        return toRequest(entity);
    }

    @Override
    public List<Request> openOverlapping(String slug, Instant from, Instant to) {
        return em.createQuery("SELECT r FROM RequestEntity r WHERE r.practice = :practice"
                        + " AND r.status IN :open AND r.opening.startsAt < :to AND r.opening.endsAt > :from"
                        + " ORDER BY r.createdAt, r.id", RequestEntity.class)
                .setParameter("practice", slug).setParameter("open", OPEN)
                .setParameter("from", from.toEpochMilli()).setParameter("to", to.toEpochMilli())
                .getResultList().stream().map(this::toRequest).toList();
    }

    @Override
    public List<Request> due(Instant now, int limit) {
        long at = now.toEpochMilli();
        return em.createQuery("SELECT r FROM RequestEntity r WHERE r.status IN :expiring"
                        + " AND (r.opening.startsAt <= :now OR (r.status = :proposed AND r.answerBy <= :now))"
                        + " ORDER BY r.createdAt, r.id", RequestEntity.class)
                .setParameter("expiring", EXPIRING).setParameter("proposed", RequestStatus.PROPOSED)
                .setParameter("now", at).setMaxResults(limit)
                .getResultList().stream().map(this::toRequest).toList();
    }

    @Override
    public void setClientTokenHash(String slug, String requestId, String hash) {
        required(slug, requestId).setClientTokenHash(hash);
    }

    @Override
    public Optional<String> clientTokenHash(String slug, String requestId) {
        return Optional.ofNullable(entity(slug, requestId, LockModeType.NONE)).map(RequestEntity::clientTokenHash);
    }

    @Override
    public void addClientTokenHash(String slug, String requestId, String hash, Instant issuedAt) {
        required(slug, requestId);
        em.persist(new RequestTokenEntity(hash, slug, requestId, issuedAt));
    }

    @Override
    public List<String> clientTokenHashes(String slug, String requestId) {
        RequestEntity entity = entity(slug, requestId, LockModeType.NONE);
        if (entity == null) {
            return List.of();
        }
        List<String> hashes = new ArrayList<>();
        if (entity.clientTokenHash() != null) {
            hashes.add(entity.clientTokenHash());
        }
        hashes.addAll(em.createQuery("SELECT t.tokenHash FROM RequestTokenEntity t WHERE t.practice = :practice"
                        + " AND t.requestId = :request ORDER BY t.issuedAt, t.tokenHash", String.class)
                .setParameter("practice", slug).setParameter("request", requestId).getResultList());
        return hashes;
    }

    @Override
    public void setAnswerBy(String slug, String requestId, Instant answerBy) {
        required(slug, requestId).setAnswerBy(answerBy);
    }

    @Override
    public Optional<Instant> answerBy(String slug, String requestId) {
        return Optional.ofNullable(entity(slug, requestId, LockModeType.NONE)).map(RequestEntity::answerBy);
    }

    @Override
    public void setAlternatives(String slug, String requestId, List<Opening> openings) {
        required(slug, requestId);
        em.createQuery("DELETE FROM RequestAlternativeEntity a WHERE a.requestId = :request")
                .setParameter("request", requestId).executeUpdate();
        for (int i = 0; i < openings.size(); i++) {
            em.persist(new RequestAlternativeEntity(slug, requestId, i, openings.get(i)));
        }
    }

    @Override
    public List<Opening> alternatives(String slug, String requestId) {
        return em.createQuery("SELECT a FROM RequestAlternativeEntity a WHERE a.practice = :practice"
                        + " AND a.requestId = :request ORDER BY a.position", RequestAlternativeEntity.class)
                .setParameter("practice", slug).setParameter("request", requestId)
                .getResultList().stream().map(RequestAlternativeEntity::opening).toList();
    }

    private RequestEntity required(String slug, String requestId) {
        RequestEntity entity = entity(slug, requestId, LockModeType.NONE);
        if (entity == null) {
            throw new NotFoundException("request", requestId);
        }
        return entity;
    }

    private RequestEntity entity(String slug, String requestId, LockModeType lock) {
        if (requestId == null) {
            return null;
        }
        RequestEntity entity = em.find(RequestEntity.class, requestId, lock);
        return entity != null && entity.practice().equals(slug) ? entity : null;
    }

    private Request toRequest(RequestEntity entity) {
        String slug = entity.practice();
        Client client = clients.find(slug, entity.clientId()).map(ClientRecord::client)
                .orElseThrow(() -> new IllegalStateException("request " + entity.id() + " has lost its client"));
        Patient patient = Optional.ofNullable(entity.patientId()).flatMap(id -> clients.patient(slug, id))
                .orElseGet(() -> new Patient(null, null, client.pmsId(), entity.patientName(),
                        entity.patientKind(), null, null));
        // the api shows the hold only while the request is open, and an answer-by time only for a proposal
        String holdId = entity.status().isOpen() ? entity.holdId() : null;
        Instant answerBy = entity.status() == RequestStatus.PROPOSED ? entity.answerBy() : null;
        return new Request(entity.id(), slug, entity.opening(), holdId, entity.status(), client, patient,
                entity.newClient(), entity.memo(), entity.staffNote(), entity.createdAt(), entity.decidedAt(),
                answerBy);
    }
}
