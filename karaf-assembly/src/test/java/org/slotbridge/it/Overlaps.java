package org.slotbridge.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Times given out twice: two live holds, or two requests that keep their time, overlapping on a provider
 * or on a room. The claims are read from the store's tables over any JDBC connection (Derby or PostgreSQL),
 * or from a request list of the staff API.
 */
final class Overlaps {

    /** Statuses in which a request keeps its time (see docs/requests.md). */
    private static final String KEEPING = "'PENDING', 'PROPOSED', 'CONFIRMED'";

    private Overlaps() {
    }

    /** A time kept for a provider and, when the visit needs one, a room; instants in epoch milliseconds. */
    record Claim(String what, String provider, String room, long start, long end) {

        boolean clashes(Claim other) {
            boolean shared = provider.equals(other.provider) || room != null && room.equals(other.room);
            return shared && start < other.end && other.start < end;
        }
    }

    /** The holds live at {@code now}: those a request keeps, and those not lapsed yet. */
    static List<Claim> liveHolds(Connection db, Instant now) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id, provider_code, room_code, starts_at, ends_at"
                + " FROM hold WHERE expires_at IS NULL OR expires_at > ?")) {
            query.setLong(1, now.toEpochMilli());
            return read(query, "hold ");
        }
    }

    /** The requests that keep their time: pending, proposed (the proposed time) and confirmed. */
    static List<Claim> keptRequests(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id, provider_code, room_code, starts_at, ends_at"
                + " FROM request WHERE status IN (" + KEEPING + ")")) {
            return read(query, "request ");
        }
    }

    /** The requests of a staff API list, such as {@code GET .../requests?status=PENDING}. */
    static List<Claim> listed(JsonNode requests) {
        List<Claim> claims = new ArrayList<>();
        for (JsonNode request : requests) {
            JsonNode opening = request.get("opening");
            JsonNode room = opening.get("room");
            claims.add(new Claim("request " + request.get("id").asText(), opening.get("provider").get("id").asText(),
                    room == null || room.isNull() ? null : room.asText(), millis(opening.get("start")),
                    millis(opening.get("end"))));
        }
        return claims;
    }

    /** Every pair of claims that overlap on a provider or a room, described; empty when none does. */
    static List<String> among(List<Claim> claims) {
        List<Claim> sorted = claims.stream().sorted(Comparator.comparingLong(Claim::start)).toList();
        List<String> clashes = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Claim first = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < first.end(); j++) {
                if (first.clashes(sorted.get(j))) {
                    clashes.add(first + " overlaps " + sorted.get(j));
                }
            }
        }
        return clashes;
    }

    private static List<Claim> read(PreparedStatement query, String what) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                claims.add(new Claim(what + rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                        rows.getLong(5)));
            }
        }
        return claims;
    }

    private static long millis(JsonNode isoTime) {
        return OffsetDateTime.parse(isoTime.asText()).toInstant().toEpochMilli();
    }
}
