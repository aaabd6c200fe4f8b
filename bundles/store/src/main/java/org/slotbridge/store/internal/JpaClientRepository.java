package org.slotbridge.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.slotbridge.api.Client;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.Patient;
import org.slotbridge.store.ClientRecord;
import org.slotbridge.store.ClientRepository;
import org.slotbridge.store.internal.entity.ClientEntity;
import org.slotbridge.store.internal.entity.PatientEntity;

final class JpaClientRepository implements ClientRepository {

    private final EntityManager em;
    private final JpaPracticeRepository practices;

    JpaClientRepository(EntityManager em, JpaPracticeRepository practices) {
        this.em = em;
        this.practices = practices;
    }

    @Override
    public Optional<ClientRecord> find(String slug, String clientId) {
        ClientEntity entity = clientId == null ? null : em.find(ClientEntity.class, clientId);
        return Optional.ofNullable(entity).filter(c -> c.practice().equals(slug)).map(JpaClientRepository::record);
    }

    @Override
    public Optional<ClientRecord> findByPmsId(String slug, String pmsId) {
        return Optional.ofNullable(byPmsId(slug, pmsId)).map(JpaClientRepository::record);
    }

    @Override
    public List<ClientRecord> findByContact(String slug, String email, String phone) {
        return byContact(slug, Contacts.email(email), Contacts.phoneKey(phone)).stream()
                .map(JpaClientRepository::record).toList();
    }

    @Override
    public Client create(String slug, String name, String email, String phone, String privacyHash) {
        practices.require(slug);
        ClientEntity entity = new ClientEntity(Ids.next(), slug, Instant.now());
        entity.setDetails(name, Contacts.email(email), Contacts.phone(phone), Contacts.phoneKey(phone));
        entity.setPrivacyHash(privacyHash);
        em.persist(entity);
        // requests refer to clients by a foreign key OpenJPA does not know of: insert the client first
        em.flush();
        return entity.toClient();
    }

    @Override
    public boolean claimPrivacyCode(String slug, String clientId, String privacyHash) {
        // locked by key: two first requests of the same client at once must not both set a code
        ClientEntity entity = clientId == null ? null
                : em.find(ClientEntity.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null || !entity.practice().equals(slug) || entity.privacyHash() != null) {
            return false;
        }
        entity.setPrivacyHash(privacyHash);
        return true;
    }

    @Override
    public void saveFromPms(String slug, Client client) {
        if (client.pmsId() == null || client.pmsId().isBlank()) {
            throw new InvalidInputException("pmsId", "a client from the PMS needs the PMS's id");
        }
        practices.require(slug);
        String email = Contacts.email(client.email());
        String phoneKey = Contacts.phoneKey(client.phone());
        ClientEntity entity = byPmsId(slug, client.pmsId());
        if (entity == null) {
            // a client who first booked online keeps their privacy code once the PMS lists them
            entity = byContact(slug, email, phoneKey).stream().filter(c -> c.pmsId() == null).findFirst()
                    .orElse(null);
        }
        if (entity == null) {
            entity = new ClientEntity(Ids.next(), slug, Instant.now());
            em.persist(entity);
        }
        entity.setPmsId(client.pmsId());
        // what the PMS leaves empty keeps what was stored
        ClientRecord stored = record(entity);
        entity.setDetails(client.name() != null ? client.name() : stored.client().name(),
                email != null ? email : stored.client().email(),
                phoneKey != null ? Contacts.phone(client.phone()) : stored.client().phone(),
                phoneKey != null ? phoneKey : Contacts.phoneKey(stored.client().phone()));
    }

    @Override
    public void savePatient(String slug, Patient patient) {
        if (patient.pmsId() == null || patient.pmsId().isBlank()) {
            throw new InvalidInputException("pmsId", "a patient from the PMS needs the PMS's id");
        }
        practices.require(slug);
        PatientEntity entity = em.createQuery("SELECT p FROM PatientEntity p WHERE p.practice = :practice"
                        + " AND p.pmsId = :pmsId", PatientEntity.class)
                .setParameter("practice", slug).setParameter("pmsId", patient.pmsId())
                .getResultList().stream().findFirst().orElse(null);
        if (entity == null) {
            em.persist(new PatientEntity(Ids.next(), slug, patient));
        } else {
            entity.apply(patient);
        }
    }

    @Override
    public Optional<Patient> patient(String slug, String patientId) {
        PatientEntity entity = patientId == null ? null : em.find(PatientEntity.class, patientId);
        return Optional.ofNullable(entity).filter(p -> p.practice().equals(slug)).map(PatientEntity::toPatient);
    }

    @Override
    public List<Patient> patientsOf(String slug, String clientPmsId) {
        return em.createQuery("SELECT p FROM PatientEntity p WHERE p.practice = :practice"
                        + " AND p.clientPmsId = :client ORDER BY p.name", PatientEntity.class)
                .setParameter("practice", slug).setParameter("client", clientPmsId)
                .getResultList().stream().map(PatientEntity::toPatient).toList();
    }

    /** Clients by normalised contact, those the PMS knows first, then oldest first. */
    private List<ClientEntity> byContact(String slug, String email, String phoneKey) {
        List<String> matches = new ArrayList<>();
        if (email != null) {
            matches.add("c.email = :email");
        }
        if (phoneKey != null) {
            matches.add("c.phoneKey = :phoneKey");
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        TypedQuery<ClientEntity> query = em.createQuery("SELECT c FROM ClientEntity c WHERE c.practice = :practice"
                + " AND (" + String.join(" OR ", matches) + ") ORDER BY c.createdAt, c.id", ClientEntity.class)
                .setParameter("practice", slug);
        if (email != null) {
            query.setParameter("email", email);
        }
        if (phoneKey != null) {
            query.setParameter("phoneKey", phoneKey);
        }
        List<ClientEntity> found = new ArrayList<>(query.getResultList());
        found.sort((a, b) -> Boolean.compare(a.pmsId() == null, b.pmsId() == null));
        return found;
    }

    private ClientEntity byPmsId(String slug, String pmsId) {
        if (pmsId == null) {
            return null;
        }
        return em.createQuery("SELECT c FROM ClientEntity c WHERE c.practice = :practice AND c.pmsId = :pmsId",
                        ClientEntity.class)
                .setParameter("practice", slug).setParameter("pmsId", pmsId)
                .getResultList().stream().findFirst().orElse(null);
    }

    private static ClientRecord record(ClientEntity entity) {
        return new ClientRecord(entity.toClient(), entity.privacyHash());
    }
}
