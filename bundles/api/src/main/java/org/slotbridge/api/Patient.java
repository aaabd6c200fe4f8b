package org.slotbridge.api;

import java.time.LocalDate;

/**
 * Who a visit is for: the client, a family member, or a pet.
 *
 * @param id          Slotbridge's id; null for a patient not stored yet
 * @param pmsId       the PMS's id; may be null
 * @param clientPmsId the PMS's id of the client responsible for the patient; may be null
 * @param name        full name
 * @param kind        the client, a family member or a pet
 * @param birthDate   may be null
 * @param species     for a pet; null otherwise
 */
public record Patient(String id, String pmsId, String clientPmsId, String name, PatientKind kind,
                      LocalDate birthDate, String species) {
}
