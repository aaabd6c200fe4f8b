package org.slotbridge.api;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One tenant: a clinic with its own time zone, policies and portal link ({@code /p/{slug}}).
 *
 * @param slug          the practice's key in links and APIs: lower-case letters, digits and dashes
 * @param name          shown to clients
 * @param zone          the zone every local date and time of this practice is read in
 * @param phone         the practice's phone number, for clients; may be null
 * @param email         where staff notifications go; may be null
 * @param newClients    whether clients the practice does not know yet may book online
 * @param onlineBooking whether the practice is listed and takes online bookings now
 */
public record Practice(String slug, String name, ZoneId zone, String phone, String email,
                       NewClientPolicy newClients, boolean onlineBooking) {

    public Practice {
        Slugs.require(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(newClients, "newClients");
    }
}
