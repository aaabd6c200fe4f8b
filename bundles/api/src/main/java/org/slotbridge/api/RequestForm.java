package org.slotbridge.api;

/**
 * What a client sends to turn a hold into a request.
 *
 * @param holdId      the hold taken on the opening
 * @param email       the client's email; email or phone is required
 * @param phone       the client's phone
 * @param privacyCode the client's privacy code: proves an existing client, or is chosen by a new one
 * @param clientName  the client's name; required for a new client
 * @param patientName whom the visit is for; null or blank means the client
 * @param patientKind the client, a family member or a pet; null means the client
 * @param memo        a note for the practice; may be null
 */
public record RequestForm(String holdId, String email, String phone, String privacyCode, String clientName,
                          String patientName, PatientKind patientKind, String memo) {
}
