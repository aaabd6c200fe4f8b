package org.slotbridge.web.internal;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.slotbridge.api.Category;
import org.slotbridge.api.Client;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Explanation;
import org.slotbridge.api.Hold;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Obstacle;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Patient;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeConfig;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Preferences;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Room;
import org.slotbridge.api.SlotbridgeException;
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.StaffAccounts;
import org.slotbridge.api.service.Theme;

/** Small hand-written stand-ins for the services the pages use. */
final class Fakes {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** When the client must answer each proposal the fake booking makes: Saturday 5 December 2026, 10:00. */
    static final Instant ANSWER_BY = Instant.parse("2026-12-05T15:00:00Z");

    private Fakes() {
    }

    static Practice practice(String slug, String name) {
        return new Practice(slug, name, NEW_YORK, "+1 555 0100", "frontdesk@example.org", NewClientPolicy.WELCOME,
                true);
    }

    /** The default theme, read from its jar on the test class path. */
    static final class ClasspathTheme implements Theme {

        @Override
        public String name() {
            return DEFAULT;
        }

        @Override
        public URL template(String name) {
            return name.contains("..") ? null : Fakes.class.getResource("/theme/templates/" + name);
        }

        @Override
        public URL asset(String path) {
            return path.contains("..") ? null : Fakes.class.getResource("/theme/assets/" + path);
        }
    }

    static final class Directory implements PracticeDirectory {

        final Map<String, Practice> practices = new HashMap<>();
        final List<Provider> providers = new ArrayList<>(List.of(new Provider("JONES", "Dr. Bo Jones"),
                new Provider("SMITH", "Dr. Ann Smith")));
        final List<Reason> reasons = new ArrayList<>(List.of(
                reason("checkup", "Check-up", "Routine care", "A look at teeth and gums, with X-rays when due."),
                reason("cleaning", "Cleaning", "Routine care", null),
                reason("toothache", "Toothache", "Something hurts", "Pain, swelling or a broken tooth.")));
        final List<Category> categories = new ArrayList<>(List.of(
                new Category("Routine care", "Routine care", null, "Check-ups and cleaning, once or twice a year."),
                new Category("Something hurts", "Something hurts", null, null)));
        PracticeRules rules = PracticeRules.DEFAULT;

        Directory() {
            practices.put("demo", Fakes.practice("demo", "Riverside Family Dental"));
        }

        static Reason reason(String id, String name, String category, String help) {
            return new Reason(id, name, category, help, Duration.ofMinutes(30), Set.of(), Set.of("OP1"), Set.of(),
                    List.of());
        }

        @Override
        public List<Practice> practices() {
            return List.copyOf(practices.values());
        }

        @Override
        public Practice practice(String slug) {
            Practice practice = practices.get(slug);
            if (practice == null) {
                throw new NotFoundException("practice", slug);
            }
            return practice;
        }

        @Override
        public List<Provider> providers(String slug) {
            practice(slug);
            return providers;
        }

        @Override
        public List<Room> rooms(String slug) {
            return List.of(new Room("OP1", "Operatory 1"));
        }

        @Override
        public List<Reason> reasons(String slug) {
            practice(slug);
            return reasons;
        }

        @Override
        public Reason reason(String slug, String reasonId) {
            return reasons(slug).stream().filter(r -> r.id().equals(reasonId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("reason", reasonId));
        }

        @Override
        public List<WorkingHours> workingHours(String slug) {
            return List.of();
        }

        @Override
        public PracticeRules rules(String slug) {
            practice(slug);
            return rules;
        }

        @Override
        public List<Category> categories(String slug) {
            practice(slug);
            return categories;
        }

        @Override
        public PracticeConfig config(String slug) {
            return new PracticeConfig(practice(slug), rules(slug), providers(slug), rooms(slug), workingHours(slug),
                    reasons(slug), categories(slug));
        }
    }

    /** Offers the openings it is given; refuses holds on starts listed in {@code taken}. */
    static final class FakeBooking implements Booking {

        final List<Opening> openings = new ArrayList<>();
        final Set<Instant> taken = new java.util.HashSet<>();
        /** Hold ids {@link #findHold} answers as lapsed. */
        final Set<String> lapsedHolds = new java.util.HashSet<>();
        final Map<String, Request> requests = new HashMap<>();
        final Map<String, Opening> holds = new HashMap<>();
        final Map<String, String> tokens = new HashMap<>();
        final Map<String, List<Opening>> alternatives = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        final AtomicInteger ids = new AtomicInteger();
        Preferences lastPreferences;
        /** What {@link #explain} answers. */
        Explanation explanation = new Explanation(null, List.of(new Obstacle("break", "12:00 falls in the lunch break"),
                new Obstacle("appointment", "the provider has an appointment from 12:00 to 12:30")));
        /** When true, openings that do not suit the preferences are left out, as the real service does. */
        boolean filter;
        RequestForm lastForm;
        Opening lastProposal;
        SlotbridgeException requestFailure;
        SlotbridgeException decisionFailure;

        /** The openings of the reason, earliest first, in the page the preferences ask for. */
        @Override
        public List<Opening> openings(String slug, String reasonId, Preferences preferences) {
            lastPreferences = preferences;
            return openings.stream().filter(o -> o.reasonId().equals(reasonId))
                    .filter(o -> !filter || suits(o, preferences))
                    .sorted(java.util.Comparator.comparing(Opening::start))
                    .skip(preferences.offset())
                    .limit(preferences.limit() == 0 ? Long.MAX_VALUE : preferences.limit())
                    .toList();
        }

        @Override
        public Explanation explain(String slug, String reasonId, String providerId, Instant start) {
            calls.add("explain " + reasonId + " " + providerId + " " + start);
            return explanation;
        }

        private static boolean suits(Opening opening, Preferences preferences) {
            java.time.ZonedDateTime local = opening.start().atZone(NEW_YORK);
            return !local.toLocalDate().isBefore(preferences.from()) && !local.toLocalDate().isAfter(preferences.to())
                    && (preferences.days().isEmpty() || preferences.days().contains(local.getDayOfWeek()))
                    && (preferences.times().isEmpty()
                        || preferences.times().stream().anyMatch(w -> w.contains(local.toLocalTime())))
                    && (preferences.providerId() == null || preferences.providerId().equals(opening.providerId()));
        }

        @Override
        public Hold hold(String slug, Opening opening) {
            calls.add("hold " + opening.start());
            if (taken.contains(opening.start())) {
                throw new ConflictException(ConflictException.OPENING_TAKEN, "taken");
            }
            Hold hold = new Hold("H" + ids.incrementAndGet(), slug, opening, Instant.parse("2026-12-03T15:10:00Z"));
            holds.put(hold.id(), opening);
            return hold;
        }

        @Override
        public Hold findHold(String slug, String holdId) {
            // a hold this fake did not take is taken as live, so that pages can be shown for any id but these
            if (lapsedHolds.contains(holdId)) {
                throw new NotFoundException("hold", holdId);
            }
            Opening opening = holds.getOrDefault(holdId, opening("checkup", "SMITH", "2026-12-07T14:00:00Z"));
            return new Hold(holdId, slug, opening, Instant.parse("2026-12-03T15:10:00Z"));
        }

        @Override
        public void release(String slug, String holdId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request request(String slug, RequestForm form) {
            lastForm = form;
            calls.add("request " + form.holdId());
            if (requestFailure != null) {
                throw requestFailure;
            }
            Opening opening = holds.getOrDefault(form.holdId(), new Opening("checkup", "SMITH", "OP1",
                    Instant.parse("2026-12-07T14:00:00Z"), Instant.parse("2026-12-07T14:30:00Z")));
            Request request = new Request("R" + ids.incrementAndGet(), slug, opening, form.holdId(),
                    RequestStatus.PENDING, new Client(null, null, form.clientName(), form.email(), form.phone(), true),
                    new Patient(null, null, null, form.patientName(), form.patientKind(), null, null), true,
                    form.memo(), null, Instant.parse("2026-12-03T15:05:00Z"), null);
            requests.put(request.id(), request);
            return request;
        }

        /** Gives each request the token "token-" + its id. */
        @Override
        public RequestReceipt submit(String slug, RequestForm form) {
            Request request = request(slug, form);
            tokens.put(request.id(), "token-" + request.id());
            return new RequestReceipt(request, "token-" + request.id());
        }

        @Override
        public Request movedInPms(String slug, String requestId, Opening opening) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request cancelledInPms(String slug, String requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request withdraw(String slug, String requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request forClient(String slug, String requestId, String token) {
            calls.add("forClient " + requestId);
            if (token == null || !token.equals(tokens.get(requestId))) {
                throw new NotFoundException("request", requestId);
            }
            return find(slug, requestId);
        }

        @Override
        public Request accept(String slug, String requestId, String token) {
            return clientStep(slug, requestId, token, "accept", RequestStatus.PROPOSED, RequestStatus.CONFIRMED);
        }

        @Override
        public Request refuse(String slug, String requestId, String token) {
            return clientStep(slug, requestId, token, "refuse", RequestStatus.PROPOSED, RequestStatus.WITHDRAWN);
        }

        @Override
        public Request cancel(String slug, String requestId, String token) {
            return clientStep(slug, requestId, token, "cancel", null, RequestStatus.WITHDRAWN);
        }

        @Override
        public Request rebook(String slug, String requestId, String token, Opening opening) {
            calls.add("rebook " + requestId + " " + opening.start());
            forClient(slug, requestId, token);
            if (taken.contains(opening.start())) {
                throw new ConflictException(ConflictException.OPENING_TAKEN, "taken");
            }
            return decided(slug, requestId, RequestStatus.PENDING);
        }

        @Override
        public List<Opening> alternatives(String slug, String requestId) {
            return alternatives.getOrDefault(requestId, List.of());
        }

        @Override
        public Request conflict(String slug, String requestId) {
            throw new UnsupportedOperationException();
        }

        private Request clientStep(String slug, String requestId, String token, String step, RequestStatus from,
                                   RequestStatus to) {
            calls.add(step + " " + requestId);
            Request current = forClient(slug, requestId, token);
            if (from != null && current.status() != from) {
                throw new ConflictException("not_proposed", "no proposal awaits an answer");
            }
            return decided(slug, requestId, to);
        }

        @Override
        public Request find(String slug, String requestId) {
            Request request = requests.get(requestId);
            if (request == null || !request.practiceSlug().equals(slug)) {
                throw new NotFoundException("request", requestId);
            }
            return request;
        }

        @Override
        public List<Request> requests(String slug, RequestStatus status) {
            return requests.values().stream().filter(r -> r.practiceSlug().equals(slug) && r.status() == status)
                    .toList();
        }

        @Override
        public Request confirm(String slug, String requestId, String staffNote) {
            calls.add("confirm " + requestId + " " + staffNote);
            return decided(slug, requestId, RequestStatus.CONFIRMED);
        }

        @Override
        public Request propose(String slug, String requestId, Opening opening, String staffNote) {
            calls.add("propose " + requestId + " " + opening.start() + " " + staffNote);
            if (taken.contains(opening.start())) {
                throw new ConflictException(ConflictException.OPENING_TAKEN, "taken");
            }
            lastProposal = opening;
            Request r = decided(slug, requestId, RequestStatus.PROPOSED);
            Request proposed = new Request(r.id(), r.practiceSlug(), r.opening(), r.holdId(), r.status(), r.client(),
                    r.patient(), r.newClient(), r.memo(), r.staffNote(), r.createdAt(), r.decidedAt(), ANSWER_BY);
            requests.put(r.id(), proposed);
            return proposed;
        }

        @Override
        public Request decline(String slug, String requestId, String staffNote) {
            calls.add("decline " + requestId + " " + staffNote);
            return decided(slug, requestId, RequestStatus.DECLINED);
        }

        private Request decided(String slug, String requestId, RequestStatus status) {
            if (decisionFailure != null) {
                throw decisionFailure;
            }
            Request r = find(slug, requestId);
            Request next = new Request(r.id(), r.practiceSlug(), r.opening(), r.holdId(), status, r.client(),
                    r.patient(), r.newClient(), r.memo(), null, r.createdAt(), Instant.now());
            requests.put(r.id(), next);
            return next;
        }

        /** Stores a pending request as if a client had sent it. */
        Request add(String id, String memo, PatientKind kind, RequestStatus status) {
            Opening opening = new Opening("checkup", "SMITH", "OP1", Instant.parse("2026-12-07T14:00:00Z"),
                    Instant.parse("2026-12-07T14:30:00Z"));
            Request request = new Request(id, "demo", opening, "H-" + id, status,
                    new Client("c1", null, "Maria Lopez", "maria@example.org", "+1 555 0199", true),
                    new Patient("p1", null, null, "Rex", kind, null, kind == PatientKind.PET ? "dog" : null), true,
                    memo, null, Instant.parse("2026-12-03T14:02:00Z"), null);
            requests.put(id, request);
            return request;
        }
    }

    /** Knows two accounts; counts how often a password is checked. */
    static final class Accounts implements StaffAccounts {

        final AtomicInteger checks = new AtomicInteger();

        @Override
        public Optional<StaffMember> authenticate(String username, char[] password) {
            checks.incrementAndGet();
            String given = new String(password);
            if (username.equals("demo-staff") && given.equals("demo-staff-2026")) {
                return Optional.of(new StaffMember("demo-staff", "demo", "Front desk"));
            }
            if (username.equals("other-staff") && given.equals("other-pass-2026")) {
                return Optional.of(new StaffMember("other-staff", "other", "Other desk"));
            }
            return Optional.empty();
        }

        @Override
        public void save(StaffMember member, char[] password) {
            throw new UnsupportedOperationException();
        }
    }

    static Opening opening(String reason, String provider, String start) {
        Instant begin = Instant.parse(start);
        return new Opening(reason, provider, "OP1", begin, begin.plus(Duration.ofMinutes(30)));
    }
}
