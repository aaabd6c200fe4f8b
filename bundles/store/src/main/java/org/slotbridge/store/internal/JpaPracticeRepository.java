package org.slotbridge.store.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.slotbridge.api.Category;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Room;
import org.slotbridge.api.TimeWindow;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.store.PracticeRepository;
import org.slotbridge.store.Versions;
import org.slotbridge.store.internal.entity.CategoryEntity;
import org.slotbridge.store.internal.entity.PracticeEntity;
import org.slotbridge.store.internal.entity.PracticeRulesEntity;
import org.slotbridge.store.internal.entity.ProviderEntity;
import org.slotbridge.store.internal.entity.ProviderGroupEntity;
import org.slotbridge.store.internal.entity.ReasonEntity;
import org.slotbridge.store.internal.entity.RoomEntity;
import org.slotbridge.store.internal.entity.WorkingHoursEntity;

final class JpaPracticeRepository implements PracticeRepository {

    private static final Comparator<Reason> REASON_ORDER = Comparator
            .comparing(Reason::category, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Reason::name)
            .thenComparing(Reason::id);
    private static final Comparator<Category> CATEGORY_ORDER = Comparator
            .comparing(Category::parentId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Category::name)
            .thenComparing(Category::id);

    private final EntityManager em;
    private final Counters counters;

    JpaPracticeRepository(EntityManager em, Counters counters) {
        this.em = em;
        this.counters = counters;
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
        counters.configChanged(practice.slug());
    }

    @Override
    public List<Provider> providers(String slug) {
        return byPractice(ProviderEntity.class, slug).stream().map(ProviderEntity::toProvider).toList();
    }

    @Override
    public void saveProvider(String slug, Provider provider) {
        require(slug);
        counters.configChanged(slug);
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
        counters.configChanged(slug);
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
        counters.configChanged(slug);
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
        counters.configChanged(slug);
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
        counters.configChanged(slug);
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
        boolean removed = em.createQuery("DELETE FROM WorkingHoursEntity w WHERE w.practice = :practice"
                        + " AND w.providerCode = :provider")
                .setParameter("practice", slug).setParameter("provider", providerId).executeUpdate() > 0;
        if (removed) {
            counters.configChanged(slug);
        }
        return removed;
    }

    @Override
    public PracticeRules rules(String slug) {
        PracticeRulesEntity entity = em.find(PracticeRulesEntity.class, slug);
        return entity == null ? PracticeRules.DEFAULT : entity.toRules(providerGroups(slug));
    }

    @Override
    public void saveRules(String slug, PracticeRules rules) {
        require(slug);
        counters.configChanged(slug);
        PracticeRulesEntity entity = em.find(PracticeRulesEntity.class, slug);
        if (entity == null) {
            em.persist(new PracticeRulesEntity(slug, rules));
        } else {
            entity.apply(rules);
        }
        // groups are changed in place: a group removed and added again under one name in one flush
        // could reach the database in the wrong order and break its unique name
        Map<String, ProviderGroupEntity> groups = byName(slug);
        groups.forEach((name, group) -> {
            if (!rules.providerGroups().containsKey(name)) {
                em.remove(group);
            }
        });
        rules.providerGroups().forEach((name, members) -> {
            ProviderGroupEntity group = groups.get(name);
            if (group == null) {
                em.persist(new ProviderGroupEntity(Ids.next(), slug, name, members));
            } else {
                group.setMembers(members);
            }
        });
    }

    @Override
    public List<Category> categories(String slug) {
        return categoryEntities(slug).stream().map(CategoryEntity::toCategory).sorted(CATEGORY_ORDER).toList();
    }

    @Override
    public void saveCategories(String slug, List<Category> categories) {
        require(slug);
        Set<String> wanted = new HashSet<>();
        for (Category category : categories) {
            if (!wanted.add(category.id())) {
                throw new InvalidInputException("categories", "'" + category.id() + "' appears twice");
            }
        }
        counters.configChanged(slug);
        Map<String, CategoryEntity> stored = categoryEntities(slug).stream()
                .collect(Collectors.toMap(CategoryEntity::code, Function.identity()));
        stored.forEach((code, entity) -> {
            if (!wanted.contains(code)) {
                em.remove(entity);
            }
        });
        for (Category category : categories) {
            CategoryEntity entity = stored.get(category.id());
            if (entity == null) {
                em.persist(new CategoryEntity(slug, category));
            } else {
                entity.apply(category);
            }
        }
    }

    @Override
    public PracticeConfig config(String slug) {
        Practice practice = require(slug);
        return new PracticeConfig(practice, rules(slug), providers(slug), rooms(slug), workingHours(slug),
                reasons(slug), categories(slug));
    }

    @Override
    public Versions versions(String slug) {
        return counters.read(slug);
    }

    private Map<String, Set<String>> providerGroups(String slug) {
        Map<String, Set<String>> groups = new HashMap<>();
        byName(slug).forEach((name, group) -> groups.put(name, group.members()));
        return groups;
    }

    private Map<String, ProviderGroupEntity> byName(String slug) {
        return em.createQuery("SELECT g FROM ProviderGroupEntity g WHERE g.practice = :practice",
                        ProviderGroupEntity.class)
                .setParameter("practice", slug).getResultList().stream()
                .collect(Collectors.toMap(ProviderGroupEntity::name, Function.identity()));
    }

    private List<CategoryEntity> categoryEntities(String slug) {
        return em.createQuery("SELECT c FROM CategoryEntity c WHERE c.practice = :practice", CategoryEntity.class)
                .setParameter("practice", slug).getResultList();
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
