package org.slotbridge.store.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.store.PracticeRepository;
import org.slotbridge.store.internal.entity.PracticeEntity;
import org.slotbridge.store.internal.entity.ProviderEntity;
import org.slotbridge.store.internal.entity.ReasonEntity;
import org.slotbridge.store.internal.entity.RoomEntity;
import org.slotbridge.store.internal.entity.WorkingHoursEntity;

final class JpaPracticeRepository implements PracticeRepository {

    private static final Comparator<Reason> REASON_ORDER = Comparator
            .comparing(Reason::category, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Reason::name)
            .thenComparing(Reason::id);

    private final EntityManager em;

    JpaPracticeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Practice> find(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(PracticeEntity.class, slug)).map(PracticeEntity::toPractice);
    }

    @Override
    public Practice require(String slug) {
        return find(slug).orElseThrow(() -> new NotFoundException("practice", slug));
    }

    @Override
    public List<Practice> all() {
        return em.createQuery("SELECT p FROM PracticeEntity p ORDER BY p.slug", PracticeEntity.class)
                .getResultList().stream().map(PracticeEntity::toPractice).toList();
    }

    @Override
    public void save(Practice practice) {
        PracticeEntity entity = em.find(PracticeEntity.class, practice.slug());
        if (entity == null) {
            em.persist(new PracticeEntity(practice));
        } else {
            entity.apply(practice);
        }
    }

    @Override
    public List<Provider> providers(String slug) {
        return byPractice(ProviderEntity.class, slug).stream().map(ProviderEntity::toProvider).toList();
    }

    @Override
    public void saveProvider(String slug, Provider provider) {
        require(slug);
        ProviderEntity entity = byCode(ProviderEntity.class, slug, provider.id());
        if (entity == null) {
            em.persist(new ProviderEntity(Ids.next(), slug, provider));
        } else {
            entity.rename(provider.name());
        }
    }

    @Override
    public List<Room> rooms(String slug) {
        return byPractice(RoomEntity.class, slug).stream().map(RoomEntity::toRoom).toList();
    }

    @Override
    public void saveRoom(String slug, Room room) {
        require(slug);
        RoomEntity entity = byCode(RoomEntity.class, slug, room.id());
        if (entity == null) {
            em.persist(new RoomEntity(Ids.next(), slug, room));
        } else {
            entity.rename(room.name());
        }
    }

    @Override
    public List<Reason> reasons(String slug) {
        return byPractice(ReasonEntity.class, slug).stream().map(ReasonEntity::toReason).sorted(REASON_ORDER)
                .toList();
    }

    @Override
    public Optional<Reason> reason(String slug, String reasonId) {
        return Optional.ofNullable(byCode(ReasonEntity.class, slug, reasonId)).map(ReasonEntity::toReason);
    }

    @Override
    public void saveReason(String slug, Reason reason) {
        require(slug);
        ReasonEntity entity = byCode(ReasonEntity.class, slug, reason.id());
        if (entity == null) {
            em.persist(new ReasonEntity(Ids.next(), slug, reason));
        } else {
            entity.apply(reason);
        }
    }

    @Override
    public boolean removeReason(String slug, String reasonId) {
        ReasonEntity entity = byCode(ReasonEntity.class, slug, reasonId);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        return true;
    }

    @Override
    public List<WorkingHours> workingHours(String slug) {
        List<WorkingHoursEntity> rows = em.createQuery(
                        "SELECT w FROM WorkingHoursEntity w WHERE w.practice = :practice", WorkingHoursEntity.class)
                .setParameter("practice", slug).getResultList();
        Map<String, Map<DayOfWeek, List<TimeWindow>>> weekly = new TreeMap<>();
        Map<String, Map<LocalDate, List<TimeWindow>>> exceptions = new HashMap<>();
        for (WorkingHoursEntity row : rows) {
            String provider = row.providerCode();
            weekly.computeIfAbsent(provider, p -> new EnumMap<>(DayOfWeek.class));
            Map<LocalDate, List<TimeWindow>> dates = exceptions.computeIfAbsent(provider, p -> new HashMap<>());
            List<TimeWindow> windows = row.weekday() != null
                    ? weekly.get(provider).computeIfAbsent(row.weekday(), d -> new ArrayList<>())
                    : dates.computeIfAbsent(row.onDate(), d -> new ArrayList<>());
            if (row.window() != null) {
                windows.add(row.window());
            }
        }
        List<WorkingHours> result = new ArrayList<>();
        weekly.forEach((provider, days) -> result.add(new WorkingHours(provider, days, exceptions.get(provider))));
        return result;
    }

    @Override
    public void saveWorkingHours(String slug, WorkingHours hours) {
        require(slug);
        removeWorkingHours(slug, hours.providerId());
        String provider = hours.providerId();
        hours.weekly().forEach((day, windows) -> {
            if (windows.isEmpty()) {
                em.persist(WorkingHoursEntity.weekly(Ids.next(), slug, provider, day, null));
            }
            windows.forEach(w -> em.persist(WorkingHoursEntity.weekly(Ids.next(), slug, provider, day, w)));
        });
        hours.exceptions().forEach((date, windows) -> {
            if (windows.isEmpty()) {
                em.persist(WorkingHoursEntity.exception(Ids.next(), slug, provider, date, null));
            }
            windows.forEach(w -> em.persist(WorkingHoursEntity.exception(Ids.next(), slug, provider, date, w)));
        });
    }

    @Override
    public boolean removeWorkingHours(String slug, String providerId) {
        return em.createQuery("DELETE FROM WorkingHoursEntity w WHERE w.practice = :practice"
                        + " AND w.providerCode = :provider")
                .setParameter("practice", slug).setParameter("provider", providerId).executeUpdate() > 0;
    }

    private <E> List<E> byPractice(Class<E> type, String slug) {
        return em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.practice = :practice"
                        + " ORDER BY e.code", type)
                .setParameter("practice", slug).getResultList();
    }

    private <E> E byCode(Class<E> type, String slug, String code) {
        return em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.practice = :practice"
                        + " AND e.code = :code", type)
                .setParameter("practice", slug).setParameter("code", code)
                .getResultList().stream().findFirst().orElse(null);
    }
}
