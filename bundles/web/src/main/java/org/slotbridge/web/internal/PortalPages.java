package org.slotbridge.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slotbridge.api.ClientKind;
import org.slotbridge.api.ConflictException;
import org.slotbridge.api.Hold;
import org.slotbridge.api.InvalidInputException;
import org.slotbridge.api.NewClientPolicy;
import org.slotbridge.api.NotFoundException;
import org.slotbridge.api.Opening;
import org.slotbridge.api.Order;
import org.slotbridge.api.PatientKind;
import org.slotbridge.api.Practice;
import org.slotbridge.api.PracticeRules;
import org.slotbridge.api.Provider;
import org.slotbridge.api.Reason;
import org.slotbridge.api.Request;
import org.slotbridge.api.RequestForm;
import org.slotbridge.api.RequestReceipt;
import org.slotbridge.api.RequestStatus;
import org.slotbridge.api.Slugs;
import org.slotbridge.api.service.Booking;
import org.slotbridge.api.service.IdempotencyKeys;
import org.slotbridge.api.service.PracticeDirectory;

/**
 * The client's pages: reasons, openings, hold, "who you are", and the page that says the request was
 * sent. Each method answers one HTTP request; none of them knows the HTTP library in use.
 */
final class PortalPages {

    static final String TAKEN = "That time is no longer free as shown; here are the times free now.";
    static final String AREA = "portal";
    static final int MEMO_MAX = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(PortalPages.class);
    private static final String SEARCH_PREFIX = "q.";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Why the name field appears on a page for a client who said they are known. */
    static final String UNKNOWN_CLIENT = "We do not know this email or phone number yet. If you are new to us,"
            + " enter your full name to book as a new client; if not, check the email or phone you gave.";
    private static final String NEW_CLIENTS_CLOSED = "new_clients_closed";
    private static final Map<String, String> FIELD_LABELS = Map.of(
            "email", "Email", "phone", "Phone", "privacyCode", "Privacy code", "clientName", "Your name",
            "patientName", "Their name", "patientKind", "Who the visit is for", "memo", "The note");

    private final Booking booking;
    private final PracticeDirectory directory;
    private final WebSite site;
    private final FormsOnce once;

    PortalPages(Booking booking, PracticeDirectory directory, WebSite site, IdempotencyKeys keys) {
        this.booking = booking;
        this.directory = directory;
        this.site = site;
        this.once = new FormsOnce(keys, site);
    }

    /**
     * GET /p/{slug}/: whether the client is new or already a client, then what the visit is for: the
     * reasons open to them, under the practice's category tree.
     */
    WebResponse reasons(WebRequest request, String slug) {
        return withPractice(request, slug, "reasons", practice -> {
            ClientKind client = SearchForm.client(request.trimmed("client"));
            Map<String, Object> model = new HashMap<>();
            model.put("step", 1);
            List<Views.ReasonGroup> groups = List.of();
            if (practice.onlineBooking()) {
                List<Reason> all = directory.reasons(slug);
                String home = WebSite.home(request, slug);
                if (!all.isEmpty() && client == null) {
                    model.put("clientChoices", List.of(
                            new Views.Link(home + "?client=existing", "Yes, I am already a client"),
                            new Views.Link(home + "?client=new", "No, I am new here")));
                } else if (client == ClientKind.NEW && practice.newClients() == NewClientPolicy.EXISTING_ONLY) {
                    model.put("newClientsByPhone", true);
                } else {
                    List<Reason> offered = all.stream().filter(r -> r.rules().audience().admits(client)).toList();
                    groups = ReasonTree.groups(directory.categories(slug), offered,
                            reason -> reasonView(request, slug, reason, client));
                }
                if (client != null) {
                    model.put("clientLabel", client == ClientKind.NEW ? "New to us" : "Already a client");
                    model.put("changeClient", home);
                }
            }
            model.put("groups", groups);
            return site.page(request, practice, AREA, "portal/reasons.vm", 200, model);
        });
    }

    /** GET /p/{slug}/openings: the preferences form and the openings that suit them. */
    WebResponse openings(WebRequest request, String slug) {
        return withPractice(request, slug, "openings", practice -> {
            Reason reason = reason(practice, request.trimmed("reason"));
            if (reason == null) {
                return WebResponse.seeOther(WebSite.home(request, slug));
            }
            SearchForm search = SearchForm.read(request, "", site.today(practice), site.searchDays(),
                    providerIds(practice, reason), site.maxOpenings());
            return openingsPage(request, practice, reason, search, null, 200);
        });
    }

    /** POST /p/{slug}/hold: holds the opening picked, then asks who the client is. */
    WebResponse hold(WebRequest request, String slug) {
        return withPractice(request, slug, "hold", practice -> {
            if (!site.csrfValid(request)) {
                return site.csrfRejected(request, practice, AREA, WebSite.home(request, slug));
            }
            return once.submit(request, practice, AREA, "hold", () -> takeHold(request, practice));
        });
    }

    /** Holds the opening picked; the work of {@link #hold}, done once per form sent. */
    private WebResponse takeHold(WebRequest request, Practice practice) {
        String slug = practice.slug();
        Reason reason = reason(practice, request.trimmed("reason"));
        if (reason == null) {
            return WebResponse.seeOther(WebSite.home(request, slug));
        }
        SearchForm search = SearchForm.read(request, SEARCH_PREFIX, site.today(practice), site.searchDays(),
                providerIds(practice, reason), site.maxOpenings());
        Opening opening;
        try {
            opening = readOpening(request, reason.id());
        } catch (InvalidInputException e) {
            return openingsPage(request, practice, reason, search,
                    "We could not read the time you picked; please pick it again.", 400);
        }
        Hold hold;
        try {
            hold = booking.hold(slug, opening);
        } catch (ConflictException e) {
            return openingsPage(request, practice, reason, search, TAKEN, 409);
        } catch (InvalidInputException e) {
            return openingsPage(request, practice, reason, search,
                    "That time cannot be booked any more; please pick another.", 400);
        }
        LOG.info("Hold {} taken at practice {}", hold.id(), slug);
        String sealed = HeldOpening.of(hold).seal(site.tokens());
        String client = SearchForm.clientValue(search.client());
        String query = "request?hold=" + WebSite.encode(hold.id())
                + (sealed == null ? "" : "&o=" + WebSite.encode(sealed))
                + (client == null ? "" : "&client=" + client);
        return WebResponse.seeOther(WebSite.portal(request, slug, query));
    }

    /** GET /p/{slug}/request?hold=..: who the client is and whom the visit is for. */
    WebResponse requestForm(WebRequest request, String slug) {
        return withPractice(request, slug, "request form", practice -> {
            String holdId = request.trimmed("hold");
            if (holdId == null) {
                return WebResponse.seeOther(WebSite.home(request, slug));
            }
            try {
                booking.findHold(slug, holdId);
            } catch (NotFoundException e) {
                // said now, not after the client has filled in the form
                return lapsed(request, practice, holdId);
            }
            return requestPage(request, practice, holdId, Map.of("patientKind", PatientKind.SELF.name()),
                    Map.of(), 200);
        });
    }

    /** POST /p/{slug}/request: turns the hold into a request. */
    WebResponse request(WebRequest request, String slug) {
        return withPractice(request, slug, "request", practice -> {
            if (!site.csrfValid(request)) {
                return site.csrfRejected(request, practice, AREA, WebSite.home(request, slug));
            }
            return once.submit(request, practice, AREA, "request", () -> sendRequest(request, practice));
        });
    }

    /** Turns the hold into a request; the work of {@link #request}, done once per form sent. */
    private WebResponse sendRequest(WebRequest request, Practice practice) {
        String slug = practice.slug();
        String holdId = request.trimmed("hold");
        if (holdId == null) {
            return WebResponse.seeOther(WebSite.home(request, slug));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("email", "phone", "clientName", "patientKind", "patientName", "memo")) {
            values.put(field, Objects.toString(request.param(field), ""));
        }
        Map<String, String> errors = validate(request, practice);
        if (!errors.isEmpty()) {
            return requestPage(request, practice, holdId, values, errors, 400);
        }
        RequestForm form = new RequestForm(holdId, request.trimmed("email"), request.trimmed("phone"),
                request.trimmed("privacyCode"),
                practice.newClients() == NewClientPolicy.WELCOME ? request.trimmed("clientName") : null,
                request.trimmed("patientName"), kind(request.trimmed("patientKind")), request.trimmed("memo"));
        RequestReceipt sent;
        try {
            sent = booking.submit(slug, form);
        } catch (InvalidInputException e) {
            String field = formField(e.field());
            if (field.equals("hold")) {
                return lapsed(request, practice, holdId);
            }
            if (field.equals("clientName") && request.trimmed("clientName") == null) {
                // the practice does not know the email or phone given: the page shows the name field now
                errors.put(field, UNKNOWN_CLIENT);
            } else {
                errors.put(field, Messages.about(FIELD_LABELS.getOrDefault(field, "This"), e.reason()));
            }
            return requestPage(request, practice, holdId, values, errors, 400);
        } catch (ConflictException e) {
            if (ConflictException.OPENING_TAKEN.equals(e.code())) {
                return lost(request, practice, holdId, "This time has just been booked",
                        "The practice has booked this time for another visit while you filled in your details."
                                + " Please pick another time.");
            }
            if (ConflictException.HOLD_LAPSED.equals(e.code())) {
                return lapsed(request, practice, holdId);
            }
            if (NEW_CLIENTS_CLOSED.equals(e.code())) {
                errors.put("email", "We do not know this email or phone number. Please check it, or call us to"
                        + " book.");
                return requestPage(request, practice, holdId, values, errors, 409);
            }
            errors.put("form", Messages.sentence(e.getMessage()));
            return requestPage(request, practice, holdId, values, errors, 409);
        } catch (NotFoundException e) {
            return lapsed(request, practice, holdId);
        }
        LOG.info("Request {} sent at practice {}", sent.request().id(), slug);
        // the token of the client's link is given this once, on the page this leads to
        return WebResponse.seeOther(WebSite.portal(request, slug, "done?request="
                + WebSite.encode(sent.request().id()) + "&token=" + WebSite.encode(sent.token())));
    }

    /** GET /p/{slug}/done?request=..: the request was sent and the practice will confirm. */
    WebResponse done(WebRequest request, String slug) {
        return withPractice(request, slug, "done", practice -> {
            String requestId = request.trimmed("request");
            if (requestId == null) {
                return WebResponse.seeOther(WebSite.home(request, slug));
            }
            // Only the one who sent it holds the token: without it the request is as unknown as a wrong id.
            String token = request.trimmed("token");
            if (token == null) {
                throw new NotFoundException("request", requestId);
            }
            booking.forClient(slug, requestId, token);
            Request sent = booking.find(slug, requestId);
            Formats formats = site.formats(practice);
            Opening opening = sent.opening();
            Views.DoneView view = new Views.DoneView(sent.id(), formats.dateTime(opening.start()),
                    reasonName(slug, opening.reasonId()), providerNames(slug).getOrDefault(opening.providerId(),
                    opening.providerId()), statusLabel(sent.status()));
            Map<String, Object> model = new HashMap<>(Map.of("request", view, "step", 4));
            model.put("clientLink", ClientRequestPages.link(request, slug, requestId, token));
            return site.page(request, practice, AREA, "portal/done.vm", 200, model);
        });
    }

    private WebResponse openingsPage(WebRequest request, Practice practice, Reason reason, SearchForm search,
                                     String message, int status) {
        String slug = practice.slug();
        Formats formats = site.formats(practice);
        Map<String, String> providers = providerNames(slug);
        boolean searched = false;
        boolean more = false;
        List<Views.DayView> days = new ArrayList<>();
        if (search.preferences() != null) {
            try {
                List<Opening> openings = booking.openings(slug, reason.id(), search.preferences());
                searched = true;
                more = openings.size() > search.pageSize();
                List<Opening> page = new ArrayList<>(openings.subList(0, Math.min(openings.size(),
                        search.pageSize())));
                // a page spread over the days comes day by day in rounds; it is shown by day and time
                page.sort(Comparator.comparing(Opening::start).thenComparing(Opening::providerId));
                days = days(page, formats, providers, reason);
            } catch (InvalidInputException e) {
                search.addError(searchField(e.field()), Messages.sentence(e.reason()));
            }
        }
        List<Views.Option> providerOptions = new ArrayList<>();
        providerOptions.add(new Views.Option("", "Anyone", search.provider().isEmpty()));
        for (String id : providerIds(practice, reason)) {
            providerOptions.add(new Views.Option(id, providers.getOrDefault(id, id), id.equals(search.provider())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("step", 2);
        model.put("reason", reasonView(request, slug, reason, search.client()));
        model.put("form", Map.of("from", Objects.toString(search.from(), ""), "to", Objects.toString(search.to(), "")));
        model.put("today", site.today(practice).toString());
        model.put("errors", search.errors());
        model.put("dayOptions", search.dayOptions());
        model.put("timeOptions", search.timeOptions());
        model.put("providerOptions", providerOptions);
        model.put("searched", searched);
        model.put("days", days);
        if (more) {
            model.put("later", new Views.Link(WebSite.portal(request, slug, "openings?"
                    + search.query(reason.id(), search.order(), search.page() + 1)), "Later times"));
        }
        if (searched && search.page() > 1) {
            model.put("earlier", new Views.Link(WebSite.portal(request, slug, "openings?"
                    + search.query(reason.id(), search.order(), search.page() - 1)), "Earlier times"));
        }
        if (searched && (more || search.page() > 1 || search.order() == Order.EARLIEST)) {
            model.put("orderLink", search.order() == Order.SPREAD
                    ? new Views.Link(WebSite.portal(request, slug, "openings?"
                            + search.query(reason.id(), Order.EARLIEST, 1)), "Show the earliest times first")
                    : new Views.Link(WebSite.portal(request, slug, "openings?"
                            + search.query(reason.id(), Order.SPREAD, 1)), "Show times across more days"));
        }
        String client = SearchForm.clientValue(search.client());
        if (client != null) {
            model.put("client", client);
        }
        if (search.order() == Order.EARLIEST) {
            model.put("order", "earliest");
        }
        if (search.client() != null && !reason.rules().audience().admits(search.client())) {
            model.put("audienceNote", search.client() == ClientKind.NEW
                    ? "This visit is for clients we already know. Please choose another or call us."
                    : "This visit is for new clients. Please choose another or call us.");
        }
        model.put("prefsOpen", !search.errors().isEmpty() || days.isEmpty());
        model.put("searchFields", search.hidden(SEARCH_PREFIX));
        model.put("searchAction", WebSite.portal(request, slug, "openings"));
        model.put("holdAction", WebSite.portal(request, slug, "hold"));
        model.put(FormsOnce.FIELD, FormsOnce.newKey());
        if (search.preferences() != null) {
            model.put("rangeLabel", formats.day(search.preferences().from()) + " to "
                    + formats.day(search.preferences().to()));
        }
        if (message != null) {
            model.put("message", message);
        }
        int answer = search.errors().isEmpty() ? status : Math.max(status, 400);
        return site.page(request, practice, AREA, "portal/openings.vm", answer, model);
    }

    private static List<Views.DayView> days(List<Opening> openings, Formats formats, Map<String, String> providers,
                                            Reason reason) {
        Map<LocalDate, List<Views.OpeningView>> byDay = new LinkedHashMap<>();
        for (Opening opening : openings) {
            String time = formats.time(opening.start());
            String who = providers.getOrDefault(opening.providerId(), opening.providerId());
            String label = reason.name() + ", " + formats.dateTime(opening.start()) + ", with " + who;
            byDay.computeIfAbsent(formats.date(opening.start()), d -> new ArrayList<>())
                    .add(new Views.OpeningView(opening.reasonId(), opening.providerId(), opening.roomId(),
                            opening.start().toString(), opening.end().toString(), time, who, label));
        }
        return byDay.entrySet().stream()
                .map(e -> new Views.DayView(formats.day(e.getKey()), e.getKey().toString(), e.getValue()))
                .toList();
    }

    private WebResponse requestPage(WebRequest request, Practice practice, String holdId, Map<String, String> values,
                                    Map<String, String> errors, int status) {
        String slug = practice.slug();
        String sealed = request.param("o");
        Optional<HeldOpening> held = HeldOpening.open(site.tokens(), holdId, sealed);
        Map<String, Object> model = new HashMap<>();
        model.put("step", 3);
        model.put("holdId", holdId);
        held.ifPresent(h -> {
            Formats formats = site.formats(practice);
            Opening opening = h.opening();
            model.put("heldToken", sealed);
            model.put("summary", new Views.HeldView(reasonName(slug, opening.reasonId()),
                    formats.dateTime(opening.start()),
                    providerNames(slug).getOrDefault(opening.providerId(), opening.providerId()),
                    h.expiresAt() == null ? null : formats.time(h.expiresAt())));
        });
        String sent = values.get("patientKind");
        String kind = sent == null || sent.isBlank() ? PatientKind.SELF.name() : sent.strip().toUpperCase(Locale.ROOT);
        model.put("kindOptions", List.of(
                new Views.Option(PatientKind.SELF.name(), "Myself", PatientKind.SELF.name().equals(kind)),
                new Views.Option(PatientKind.FAMILY.name(), "A family member", PatientKind.FAMILY.name().equals(kind)),
                new Views.Option(PatientKind.PET.name(), "A pet", PatientKind.PET.name().equals(kind))));
        model.put("values", values);
        model.put("errors", errors);
        model.put("memoMax", MEMO_MAX);
        model.put("newClientsWelcome", practice.newClients() == NewClientPolicy.WELCOME);
        // a client who said they are known, but whom the practice does not know, is asked for a name after all
        model.put("askName", errors.containsKey("clientName"));
        model.put("requestAction", WebSite.portal(request, slug, "request"));
        model.put(FormsOnce.FIELD, FormsOnce.newKey());
        String client = SearchForm.clientValue(SearchForm.client(request.trimmed("client")));
        if (client != null) {
            model.put("client", client);
        }
        return site.page(request, practice, AREA, "portal/request.vm", status, model);
    }

    /** Checks what the service would refuse anyway, to answer with every problem at once. */
    private static Map<String, String> validate(WebRequest request, Practice practice) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = request.trimmed("email");
        String phone = request.trimmed("phone");
        if (email == null && phone == null) {
            errors.put("email", "Enter an email address or a phone number, so the practice can reach you.");
        }
        if (email != null && (!EMAIL.matcher(email).matches() || email.length() > 254)) {
            errors.put("email", "Enter an email address like name@example.com.");
        }
        if (phone != null && (phone.chars().filter(Character::isDigit).count() < 6 || phone.length() > 40
                || !phone.matches("[0-9+()./ -]+"))) {
            errors.put("phone", "Enter a phone number with at least 6 digits.");
        }
        String code = request.trimmed("privacyCode");
        if (code == null) {
            errors.put("privacyCode", "Enter your privacy code"
                    + (practice.newClients() == NewClientPolicy.WELCOME ? ", or choose one if you are new." : "."));
        } else if (code.length() > 100) {
            errors.put("privacyCode", "Your privacy code is too long.");
        }
        String clientName = request.trimmed("clientName");
        if (clientName != null && clientName.length() > 200) {
            errors.put("clientName", "Your name is too long.");
        }
        PatientKind kind = kind(request.trimmed("patientKind"));
        if (kind == null) {
            errors.put("patientKind", "Choose whom the visit is for.");
        } else if (kind != PatientKind.SELF && request.trimmed("patientName") == null) {
            errors.put("patientName", "Enter the name of whom the visit is for.");
        }
        String patientName = request.trimmed("patientName");
        if (patientName != null && patientName.length() > 200) {
            errors.put("patientName", "The name is too long.");
        }
        String memo = request.trimmed("memo");
        if (memo != null && memo.length() > MEMO_MAX) {
            errors.put("memo", "Keep the note under " + MEMO_MAX + " characters.");
        }
        return errors;
    }

    private WebResponse lapsed(WebRequest request, Practice practice, String holdId) {
        return lost(request, practice, holdId, "That time is no longer kept for you",
                "We keep a time for a few minutes while you fill in your details, and this one has lapsed or "
                        + "been taken. Please pick a time again.");
    }

    /** A 409 page for a hold that can no longer become a request, leading back to the reason's openings. */
    private WebResponse lost(WebRequest request, Practice practice, String holdId, String heading, String text) {
        Optional<HeldOpening> held = HeldOpening.open(site.tokens(), holdId, request.param("o"));
        String client = SearchForm.clientValue(SearchForm.client(request.trimmed("client")));
        String again = held.map(h -> WebSite.portal(request, practice.slug(),
                "openings?reason=" + WebSite.encode(h.opening().reasonId())
                        + (client == null ? "" : "&client=" + client)))
                .orElse(WebSite.home(request, practice.slug()));
        return site.error(request, practice, AREA, 409, heading, text, again, "Pick another time");
    }

    /** Makes portal forms take effect once; the client's request page uses it too. */
    FormsOnce once() {
        return once;
    }

    /** A path under the practice's portal that is no page: the portal's own "not found", not the API's JSON. */
    WebResponse unknown(WebRequest request, String slug) {
        return withPractice(request, slug, "unknown", practice -> {
            throw new NotFoundException("page", "?");
        });
    }

    /** Runs a page for an existing practice, answering a friendly page to every failure. */
    WebResponse withPractice(WebRequest request, String slug, String page,
                                     Function<Practice, WebResponse> body) {
        Practice practice;
        try {
            if (!Slugs.isValid(slug)) {
                throw new NotFoundException("practice", "?");
            }
            practice = directory.practice(slug);
        } catch (NotFoundException e) {
            return site.error(request, null, AREA, 404, "Practice not found",
                    "We could not find this practice. Please check the link you followed.", null, null);
        }
        try {
            return body.apply(practice);
        } catch (NotFoundException e) {
            return site.error(request, practice, AREA, 404, "Not found",
                    "We could not find what this link points to; it may have expired.",
                    WebSite.home(request, slug), "Start again");
        } catch (RuntimeException e) {
            LOG.warn("Portal page {} of practice {} failed", page, slug, e);
            return site.error(request, practice, AREA, 503, "Something went wrong",
                    "We could not finish this just now. Please try again in a moment.",
                    WebSite.home(request, slug), "Start again");
        }
    }

    /** The reason, or null when none was asked for; a reason the practice lacks is not found. */
    private Reason reason(Practice practice, String reasonId) {
        if (reasonId == null) {
            return null;
        }
        if (!Slugs.isValid(reasonId)) {
            throw new NotFoundException("reason", "?");
        }
        return directory.reason(practice.slug(), reasonId);
    }

    private Set<String> providerIds(Practice practice, Reason reason) {
        PracticeRules rules = directory.rules(practice.slug());
        return directory.providers(practice.slug()).stream().map(Provider::id)
                .filter(id -> reason.allowsProvider(id, rules))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Map<String, String> providerNames(String slug) {
        Map<String, String> names = new HashMap<>();
        directory.providers(slug).forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    String reasonName(String slug, String reasonId) {
        try {
            return directory.reason(slug, reasonId).name();
        } catch (NotFoundException e) {
            return reasonId;
        }
    }

    private static Views.ReasonView reasonView(WebRequest request, String slug, Reason reason, ClientKind client) {
        String value = SearchForm.clientValue(client);
        return new Views.ReasonView(reason.id(), reason.name(), reason.helpText(), reason.duration().toMinutes(),
                WebSite.portal(request, slug, "openings?reason=" + WebSite.encode(reason.id())
                        + (value == null ? "" : "&client=" + value)));
    }

    /** The opening a hold form sent back; its times are ISO-8601 instants or epoch seconds or milliseconds. */
    static Opening readOpening(WebRequest request, String reasonId) {
        String provider = request.trimmed("provider");
        if (provider == null) {
            throw new InvalidInputException("provider", "is missing");
        }
        return new Opening(reasonId, provider, request.trimmed("room"), instant(request.trimmed("start"), "start"),
                instant(request.trimmed("end"), "end"));
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            throw new InvalidInputException(field, "is missing");
        }
        try {
            if (text.matches("\\d{1,16}")) {
                long value = Long.parseLong(text);
                return text.length() > 11 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidInputException(field, "is not a time");
        }
    }

    private static PatientKind kind(String text) {
        if (text == null) {
            return PatientKind.SELF;
        }
        try {
            return PatientKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The form field a service error names; "form" when it names none of them. */
    private static String formField(String field) {
        if (field == null) {
            return "form";
        }
        return switch (field) {
            case "hold", "holdId" -> "hold";
            case "email", "phone", "privacyCode", "clientName", "patientName", "patientKind", "memo" -> field;
            case "client", "name" -> "clientName";
            case "patient" -> "patientName";
            default -> "form";
        };
    }

    private static String searchField(String field) {
        return switch (field == null ? "" : field) {
            case "from", "to", "days", "times" -> field;
            case "providerId", "provider" -> "provider";
            default -> "from";
        };
    }

    static String statusLabel(RequestStatus status) {
        return switch (status) {
            case PENDING -> "Waiting for the practice to confirm";
            case PROPOSED -> "The practice proposed another time";
            case CONFIRMED -> "Confirmed";
            case DECLINED -> "Declined";
            case WITHDRAWN -> "Withdrawn";
            case EXPIRED -> "Expired: nobody decided in time";
            case CONFLICTED -> "This time was given to another visit; please pick another";
            case CANCELLED -> "Cancelled: the visit was cancelled in the practice's schedule";
        };
    }
}
