package org.slotbridge.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The busy time of one practice's schedule copy in units of the practice, per provider, per room
 * and for the practice as a whole (blockouts that name no provider), kept apart by kind so that a
 * reason can use the blockout types reserved for it and staff can be told what is in the way.
 *
 * <p>Units are counted from the epoch: unit {@code n} is the real time from {@code n * unit} to
 * {@code (n + 1) * unit} seconds. Zone offsets are whole units for a checked practice, so a local
 * time on a unit is also a UTC unit. Every bitset starts at a multiple of 64 units, so that a
 * search copies whole words.
 *
 * <p>Changes take the write lock; a copy for a search takes the read lock, so it sees each change
 * whole.
 */
public final class BusyIndex {

    private final int unitSeconds;
    private final Instant from;
    private final Instant to;
    private final long firstUnit;
    private final long endUnit;
    /** The unit of bit 0 of every track: {@link #firstUnit} rounded down to a multiple of 64. */
    private final long baseUnit;
    private final int words;
    private final Map<String, Resource> providers = new HashMap<>();
    private final Map<String, Resource> rooms = new HashMap<>();
    private final Resource practice = new Resource();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public BusyIndex(int unitMinutes, Instant from, Instant to) {
        if (unitMinutes < 1 || unitMinutes > 60 || 60 % unitMinutes != 0) {
            throw new IllegalArgumentException("the unit must divide an hour, not " + unitMinutes + " minutes");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the index must end after it starts: " + from + " to " + to);
        }
        this.unitSeconds = unitMinutes * 60;
        this.from = from;
        this.to = to;
        this.firstUnit = floorUnit(from.getEpochSecond());
        this.endUnit = ceilUnit(to);
        this.baseUnit = Math.floorDiv(firstUnit, 64) * 64;
        long bits = endUnit - baseUnit;
        if (bits > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("the index may not span " + bits + " units");
        }
        this.words = (int) ((bits + 63) / 64);
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    /** The unit that holds the second. */
    public long floorUnit(long second) {
        return Math.floorDiv(second, unitSeconds);
    }

    /** The first unit that starts at or after the second. */
    public long ceilUnit(long second) {
        return -Math.floorDiv(-second, unitSeconds);
    }

    private long ceilUnit(Instant instant) {
        return instant.getNano() == 0 ? ceilUnit(instant.getEpochSecond()) : floorUnit(instant.getEpochSecond()) + 1;
    }

    /** True when the index covers the real time from {@code fromSecond} to {@code toSecond}. */
    public boolean covers(long fromSecond, long toSecond) {
        return !Instant.ofEpochSecond(fromSecond).isBefore(from) && !Instant.ofEpochSecond(toSecond).isAfter(to);
    }

    public void addAppointment(String providerId, String roomId, Instant start, Instant end) {
        change(start, end, (first, last) -> {
            if (providerId != null) {
                providers.computeIfAbsent(providerId, id -> new Resource()).appointments().add(first, last);
            }
            if (roomId != null) {
                rooms.computeIfAbsent(roomId, id -> new Resource()).appointments().add(first, last);
            }
        });
    }

    public void removeAppointment(String providerId, String roomId, Instant start, Instant end) {
        change(start, end, (first, last) -> {
            Resource provider = providerId == null ? null : providers.get(providerId);
            if (provider != null && provider.appointments != null) {
                provider.appointments.remove(first, last);
            }
            Resource room = roomId == null ? null : rooms.get(roomId);
            if (room != null && room.appointments != null) {
                room.appointments.remove(first, last);
            }
        });
    }

    /** Adds a blockout to its provider, or to the practice when {@code providerId} is null. */
    public void addBlockout(String providerId, String type, Instant start, Instant end) {
        change(start, end, (first, last) -> {
            Resource owner = providerId == null ? practice
                    : providers.computeIfAbsent(providerId, id -> new Resource());
            owner.blockouts(type).add(first, last);
        });
    }

    public void removeBlockout(String providerId, String type, Instant start, Instant end) {
        change(start, end, (first, last) -> {
            Resource owner = providerId == null ? practice : providers.get(providerId);
            Track track = owner == null ? null : type == null ? owner.untyped : owner.typed.get(type);
            if (track != null) {
                track.remove(first, last);
            }
        });
    }

    /** Widens the span outwards to whole units, clips it to the index and applies the change under the write lock. */
    private void change(Instant start, Instant end, Track.SpanSink change) {
        long first = Math.max(floorUnit(start.getEpochSecond()), firstUnit);
        long last = Math.min(ceilUnit(end), endUnit);
        if (first >= last) {
            return;
        }
        Lock write = lock.writeLock();
        write.lock();
        try {
            change.accept((int) (first - baseUnit), (int) (last - baseUnit));
        } finally {
            write.unlock();
        }
    }

    /**
     * Copies the busy time of {@code fromUnit} to {@code toUnit} for a search: each provider's
     * appointments and blockouts (their own and the practice's) but those of {@code usableTypes},
     * and each room's appointments.
     */
    public LocalBusy copy(List<String> providerIds, List<String> roomIds, Set<String> usableTypes,
                          long fromUnit, long toUnit) {
        LocalBusy copy = new LocalBusy(fromUnit, toUnit, providerIds.size(), roomIds.size());
        int sourceFrom = (int) ((copy.baseUnit() - baseUnit) / 64);
        Lock read = lock.readLock();
        read.lock();
        try {
            long[] everyone = new long[copy.words()];
            practice.orBlockouts(usableTypes, sourceFrom, everyone);
            for (int i = 0; i < providerIds.size(); i++) {
                long[] target = copy.provider(i);
                System.arraycopy(everyone, 0, target, 0, everyone.length);
                Resource provider = providers.get(providerIds.get(i));
                if (provider != null) {
                    provider.orAppointments(sourceFrom, target);
                    provider.orBlockouts(usableTypes, sourceFrom, target);
                }
            }
            for (int i = 0; i < roomIds.size(); i++) {
                Resource room = rooms.get(roomIds.get(i));
                if (room != null) {
                    room.orAppointments(sourceFrom, copy.room(i));
                }
            }
        } finally {
            read.unlock();
        }
        return copy;
    }

    /**
     * What takes {@code [fromUnit, toUnit)} for staff: the provider's appointments, the blockouts
     * that block the provider (theirs and the practice's, but those of {@code usableTypes}), and
     * each room's appointments. Spans are in units, labelled with a blockout's type.
     */
    public BusyReport report(String providerId, List<String> roomIds, Set<String> usableTypes,
                             long fromUnit, long toUnit) {
        // Callers ask only about spans the index covers, so both fit the tracks' int units.
        int first = (int) (fromUnit - baseUnit);
        int last = (int) (toUnit - baseUnit);
        Lock read = lock.readLock();
        read.lock();
        try {
            Resource provider = providers.get(providerId);
            List<Span> appointments = new ArrayList<>();
            List<Span> blockouts = new ArrayList<>();
            if (provider != null) {
                spans(provider.appointments, null, first, last, appointments);
                provider.blockoutSpans(usableTypes, first, last, blockouts);
            }
            practice.blockoutSpans(usableTypes, first, last, blockouts);
            List<List<Span>> roomSpans = new ArrayList<>();
            for (String roomId : roomIds) {
                Resource room = rooms.get(roomId);
                List<Span> spans = new ArrayList<>();
                if (room != null) {
                    spans(room.appointments, null, first, last, spans);
                }
                roomSpans.add(spans);
            }
            return new BusyReport(appointments, blockouts, roomSpans);
        } finally {
            read.unlock();
        }
    }

    private void spans(Track track, String label, int first, int last, List<Span> into) {
        if (track != null) {
            track.overlapping(first, last, (start, end) -> into.add(new Span(start + baseUnit, end + baseUnit, label)));
        }
    }

    /** A provider, a room or the practice; tracks are made when first used, since most rooms have no blockouts. */
    private final class Resource {
        private Track appointments;
        private Track untyped;
        private Map<String, Track> typed = Map.of();

        Track appointments() {
            if (appointments == null) {
                appointments = new Track(words);
            }
            return appointments;
        }

        Track blockouts(String type) {
            if (type == null) {
                if (untyped == null) {
                    untyped = new Track(words);
                }
                return untyped;
            }
            if (typed.isEmpty()) {
                typed = new HashMap<>();
            }
            return typed.computeIfAbsent(type, t -> new Track(words));
        }

        void orAppointments(int sourceFrom, long[] target) {
            if (appointments != null) {
                Bits.or(appointments.bits(), sourceFrom, target);
            }
        }

        void orBlockouts(Set<String> usableTypes, int sourceFrom, long[] target) {
            if (untyped != null) {
                Bits.or(untyped.bits(), sourceFrom, target);
            }
            typed.forEach((type, track) -> {
                if (!usableTypes.contains(type)) {
                    Bits.or(track.bits(), sourceFrom, target);
                }
            });
        }

        void blockoutSpans(Set<String> usableTypes, int first, int last, List<Span> into) {
            spans(untyped, null, first, last, into);
            typed.forEach((type, track) -> {
                if (!usableTypes.contains(type)) {
                    spans(track, type, first, last, into);
                }
            });
        }
    }
}
