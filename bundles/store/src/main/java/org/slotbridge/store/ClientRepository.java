package org.slotbridge.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Client;
import org.slotbridge.api.Patient;

/**
 * Clients and patients of each practice. Emails are matched without regard to case, phone numbers by
 * their last nine digits (with or without country code). Writes to a practice that does not exist throw
 * {@link org.slotbridge.api.NotFoundException}.
 */
@ProviderType
public interface ClientRepository {

    Optional<ClientRecord> find(String slug, String clientId);

    /** The client the PMS knows under this id. */
    Optional<ClientRecord> findByPmsId(String slug, String pmsId);

    /**
     * Clients with this email or this phone number, oldest first; either may be null. Clients the
     * PMS knows come before those created online.
     */
    List<ClientRecord> findByContact(String slug, String email, String phone);

    /** Stores a client who first made themselves known online. */
    Client create(String slug, String name, String email, String phone, String privacyHash);

    /**
     * Gives a client their first privacy code.
     *
     * @return false when the client already has one (or does not exist); nothing is changed then
     */
    boolean claimPrivacyCode(String slug, String clientId, String privacyHash);

    /**
     * Creates or updates a client the PMS knows, matched by PMS id. A client who first booked online
     * and has the same email or phone is linked to the PMS id instead of being stored twice, keeping
     * their privacy code. A name, email or phone the PMS leaves empty keeps what was stored.
     *
     * @throws org.slotbridge.api.InvalidInputException when the client has no PMS id
     */
    void saveFromPms(String slug, Client client);

    /**
     * Creates or updates a patient the PMS knows, matched by PMS id.
     *
     * @throws org.slotbridge.api.InvalidInputException when the patient has no PMS id
     */
    void savePatient(String slug, Patient patient);

    Optional<Patient> patient(String slug, String patientId);

    /** The patients the PMS lists under one client, ordered by name. */
    List<Patient> patientsOf(String slug, String clientPmsId);
}
