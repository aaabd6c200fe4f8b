package org.slotbridge.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.slotbridge.api.Hold;
import org.slotbridge.api.Opening;

/**
 * Holds: exclusive claims on openings. Exclusivity is the database's job: a hold inserts one row per
 * {@link HoldUnits unit} it covers on its provider and on its room, under a primary key over
 * practice, resource and unit, so two holds sharing a unit cannot both commit, on any node.
 * <p>
 * A hold is <em>lapsed</em> once its expiry has passed; a hold kept by a request has no expiry.
 * Lapsed holds take no time: they are cleared when they stand in the way of a new hold, and by
 * {@link #sweep}.
 */
@ProviderType
public interface HoldRepository {

    /**
     * Takes a hold that lapses at {@code expiresAt}, first clearing lapsed holds in its way.
     *
     * @throws org.slotbridge.api.ConflictException with code {@code opening_taken} when a live hold
     *         shares a unit with it; the transaction can then only roll back
     */
    Hold take(String slug, Opening opening, Instant expiresAt, Instant now);

    /**
     * Takes a hold kept by a request from the start, such as one for an opening staff propose.
     *
     * @throws org.slotbridge.api.ConflictException as {@link #take}
     */
    Hold takeFor(String slug, String requestId, Opening opening, Instant now);

    /** A hold as stored, lapsed or not. */
    Optional<Hold> find(String slug, String holdId);

    /**
     * Makes a live hold stop lapsing because a request now keeps it.
     *
     * @return false when the hold is gone, lapsed or already kept; nothing is changed then
     */
    boolean keep(String slug, String holdId, String requestId, Instant now);

    /** Ends a hold, freeing its time; false when there was none. */
    boolean release(String slug, String holdId);

    /**
     * Ends a hold that is live at {@code now} and kept by no request, freeing its time; checked under the
     * hold's row lock, so a request made on it meanwhile keeps it.
     *
     * @return false when the hold is gone, lapsed or kept by a request; nothing is changed then
     */
    boolean releaseUnkept(String slug, String holdId, Instant now);

    /** Ends every hold a request keeps, freeing their time; returns how many there were. */
    int releaseFor(String slug, String requestId);

    /** Holds not lapsed at {@code now} that overlap {@code [from, to)}. */
    List<Hold> live(String slug, Instant from, Instant to, Instant now);

    /**
     * As {@link #live}, but only the holds that claim the provider or one of the rooms: all that the
     * check of one opening needs. They are found through their units, so the answer costs the same
     * however many holds the practice has elsewhere.
     */
    List<Hold> liveOn(String slug, String providerId, Collection<String> roomIds, Instant from, Instant to,
                      Instant now);

    /** Deletes lapsed holds and holds whose time has passed, in every practice; returns how many. */
    int sweep(Instant now);
}
