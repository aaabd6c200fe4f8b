package org.slotbridge.rest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.slotbridge.api.WorkingHours;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.PracticeDirectory;
import org.slotbridge.api.service.StaffAccounts;

/** Small recording stand-ins for the api services. */
final class Fakes {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Practice DEMO = new Practice("demo", "Riverside Family Dental", NEW_YORK, "+1 555 0100",
            "frontdesk@riverside.example", NewClientPolicy.WELCOME, true);
    static final Practice OTHER = new Practice("other", "Hillside Vets", ZoneId.of("Europe/Paris"), null,
            null, NewClientPolicy.EXISTING_ONLY, true);
    static final Practice HIDDEN = new Practice("hidden", "Not Yet Open", NEW_YORK, null, null,
            NewClientPolicy.WELCOME, false);
    static final Reason CHECKUP = new Reason("checkup", "Check-up", "Routine care", "Once a year",
            Duration.ofMinutes(60), Set.of(), Set.of(), Set.of(), List.of());

    private Fakes() {
    }

    static Opening opening(Instant start) {
        return new Opening("checkup", "SMITH", "OP1", start, start.plus(Duration.ofHours(1)));
    }

    static Request request(String id, Opening opening, RequestStatus status) {
        return new Request(id, "demo", opening, "h-1", status,
                new Client("c-1", null, "Jane Roe", "jane@example.org", "+1 555 0199", true),
                new Patient("p-1", null, null, "Rex Roe", PatientKind.PET, null, "dog"),
                true, "limps a little", null, Instant.parse("2026-12-01T15:00:00Z"), null);
    }

    static final class Directory implements PracticeDirectory {

        @Override
        public List<Practice> practices() {
            return List.of(DEMO, HIDDEN, OTHER);
        }

        @Override
        public Practice practice(String slug) {
            return practices().stream().filter(p -> p.slug().equals(slug)).findFirst()
                    .orElseThrow(() -> new NotFoundException("practice", slug));
        }

        @Override
        public List<Provider> providers(String slug) {
            return List.of(new Provider("JONES", "Dr. Bo Jones"), new Provider("SMITH", "Dr. Ann Smith"));
        }

        @Override
        public List<Room> rooms(String slug) {
            return List.of(new Room("OP1", "Operatory 1"));
        }

        @Override
        public List<Reason> reasons(String slug) {
            return List.of(CHECKUP);
        }

        @Override
        public Reason reason(String slug, String reasonId) {
            if (!reasonId.equals(CHECKUP.id())) {
                throw new NotFoundException("reason", reasonId);
            }
            return CHECKUP;
        }

        @Override
        public List<WorkingHours> workingHours(String slug) {
            return List.of();
        }

        @Override
        public PracticeRules rules(String slug) {
            return PracticeRules.DEFAULT;
        }

        @Override
        public List<Category> categories(String slug) {
            return List.of(new Category("Routine care", "Routine care", null, "Check-ups and cleaning"));
        }

        @Override
        public PracticeConfig config(String slug) {
            return new PracticeConfig(practice(slug), rules(slug), providers(slug), rooms(slug), workingHours(slug),
                    reasons(slug), categories(slug));
        }
    }

    /** Records every call; answers with {@link #openings} and a fixed hold and request. */
    static final class RecordingBooking implements Booking {

        final List<String> calls = new ArrayList<>();
        final Map<String, Object> last = new LinkedHashMap<>();
        List<Opening> openings = List.of();
        boolean taken;

        @Override
        public List<Opening> openings(String slug, String reasonId, Preferences preferences) {
            calls.add("openings " + slug + " " + reasonId);
            last.put("preferences", preferences);
            return openings;
        }

        @Override
        public Explanation explain(String slug, String reasonId, String providerId, Instant start) {
            calls.add("explain " + slug + " " + reasonId + " " + providerId + " " + start);
            return new Explanation(null, List.of(new Obstacle("closed", "the practice is closed that date")));
        }

        @Override
        public Hold hold(String slug, Opening opening) {
            calls.add("hold " + slug);
            last.put("opening", opening);
            if (taken) {
                throw new ConflictException(ConflictException.OPENING_TAKEN, "that opening was just taken");
            }
            return new Hold("h-1", slug, opening, Instant.parse("2026-12-01T15:10:00Z"));
        }

        /** Knows hold {@code h-1}, live, and {@code h-2}, which a request keeps. */
        @Override
        public Hold findHold(String slug, String holdId) {
            calls.add("findHold " + slug + " " + holdId);
            Opening opening = opening(Instant.parse("2026-12-07T14:00:00Z"));
            return switch (holdId) {
                case "h-1" -> new Hold("h-1", slug, opening, Instant.parse("2026-12-01T15:10:00Z"));
                case "h-2" -> new Hold("h-2", slug, opening, null);
                default -> throw new NotFoundException("hold", holdId);
            };
        }

        @Override
        public void release(String slug, String holdId) {
            calls.add("release " + slug + " " + holdId);
            if (findHold(slug, holdId).expiresAt() == null) {
                throw new ConflictException("hold_in_use", "a request has been made on this hold");
            }
        }

        @Override
        public Request request(String slug, RequestForm form) {
            calls.add("request " + slug);
            last.put("form", form);
            return Fakes.request("r-1", opening(Instant.parse("2026-12-07T14:00:00Z")), RequestStatus.PENDING);
        }

        @Override
        public RequestReceipt submit(String slug, RequestForm form) {
            return new RequestReceipt(request(slug, form), "token-of-r-1");
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
            throw new UnsupportedOperationException();
        }

        @Override
        public Request accept(String slug, String requestId, String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request refuse(String slug, String requestId, String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request cancel(String slug, String requestId, String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request rebook(String slug, String requestId, String token, Opening opening) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Opening> alternatives(String slug, String requestId) {
            calls.add("alternatives " + slug + " " + requestId);
            return List.of(opening(Instant.parse("2026-12-07T16:00:00Z")));
        }

        @Override
        public Request conflict(String slug, String requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Request find(String slug, String requestId) {
            calls.add("find " + slug + " " + requestId);
            if (!requestId.equals("r-1")) {
                throw new NotFoundException("request", requestId);
            }
            return Fakes.request("r-1", opening(Instant.parse("2026-12-07T14:00:00Z")), RequestStatus.PENDING);
        }

        @Override
        public List<Request> requests(String slug, RequestStatus status) {
            calls.add("requests " + slug + " " + status);
            return List.of(Fakes.request("r-1", opening(Instant.parse("2026-12-07T14:00:00Z")), status));
        }

        @Override
        public Request confirm(String slug, String requestId, String staffNote) {
            calls.add("confirm " + slug + " " + requestId + " " + staffNote);
            return decided(RequestStatus.CONFIRMED, staffNote);
        }

        @Override
        public Request propose(String slug, String requestId, Opening opening, String staffNote) {
            calls.add("propose " + slug + " " + requestId + " " + staffNote);
            last.put("opening", opening);
            return decided(RequestStatus.PROPOSED, staffNote);
        }

        @Override
        public Request decline(String slug, String requestId, String staffNote) {
            calls.add("decline " + slug + " " + requestId + " " + staffNote);
            return decided(RequestStatus.DECLINED, staffNote);
        }

        private static Request decided(RequestStatus status, String note) {
            Request r = Fakes.request("r-1", opening(Instant.parse("2026-12-07T14:00:00Z")), status);
            return new Request(r.id(), r.practiceSlug(), r.opening(), r.holdId(), status, r.client(),
                    r.patient(), r.newClient(), r.memo(), note, r.createdAt(),
                    Instant.parse("2026-12-02T15:00:00Z"));
        }
    }

    /** Knows {@code desk} (demo) and {@code vet} (other), both with password {@code secret:1}. */
    static final class Staff implements StaffAccounts {

        final List<String> attempts = new ArrayList<>();

        @Override
        public Optional<StaffMember> authenticate(String username, char[] password) {
            attempts.add(username);
            if (!new String(password).equals("secret:1")) {
                return Optional.empty();
            }
            return switch (username) {
                case "desk" -> Optional.of(new StaffMember("desk", "demo", "Front desk"));
                case "vet" -> Optional.of(new StaffMember("vet", "other", "Vet desk"));
                default -> Optional.empty();
            };
        }

        @Override
        public void save(StaffMember member, char[] password) {
            throw new UnsupportedOperationException();
        }
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
