package org.slotbridge.web.internal;

import java.util.List;

/**
 * What templates are given to draw. Every value is plain text, already formatted for the
 * practice's zone; the templates escape it. Public because Velocity reads only public types.
 */
public final class Views {

    private Views() {
    }

    /** A choice in a list, a checkbox or a radio button. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A hidden form field. */
    public record Hidden(String name, String value) {
    }

    /** A link with its text. */
    public record Link(String href, String label) {
    }

    /**
     * Reasons under one category heading, in the order of the category tree: {@code level} is 0 for a
     * top category, 1 for one under it, and so on. The heading is null for reasons without a category;
     * a heading whose reasons all sit in categories under it has none of its own.
     */
    public record ReasonGroup(String category, String helpText, int level, List<ReasonView> reasons) {
    }

    /** A reason as a client chooses it. */
    public record ReasonView(String id, String name, String helpText, long minutes, String href) {
    }

    /** One opening with the fields its hold form sends back. */
    public record OpeningView(String reasonId, String providerId, String roomId, String start, String end,
                              String time, String providerName, String ariaLabel) {
    }

    /** The openings of one local day. */
    public record DayView(String label, String date, List<OpeningView> openings) {
    }

    /** The opening a client holds, while they say who they are. */
    public record HeldView(String reasonName, String when, String providerName, String until) {
    }

    /** A sent request as its client sees it. */
    public record DoneView(String id, String when, String reasonName, String providerName, String status) {
    }

    /**
     * An open or conflicted request as staff see it, with where its forms post to; {@code alternatives} are the
     * openings offered to the client instead of a time the PMS gave to another visit, empty for any other.
     */
    public record StaffRequestView(String id, String status, String statusKey, String when, String date,
                                   String reasonName, String providerName, String roomName,
                                   String patientName, String patientKind, String clientName, String email,
                                   String phone, String phoneHref, boolean newClient, String memo,
                                   String staffNote, String created, String confirmAction,
                                   String declineAction, String proposeAction, List<OpeningView> alternatives) {
    }

    /** One reason why a time is not offered, for staff. */
    public record ObstacleView(String code, String detail) {
    }

    /**
     * Whether one start is offered: {@code summary} names the opening when it is, {@code obstacles}
     * say why when it is not.
     */
    public record WhyNotAnswer(String when, boolean offered, String summary, List<ObstacleView> obstacles) {
    }

    /** Staff's requests in one status. */
    public record RequestGroup(String key, String title, String empty, List<StaffRequestView> requests) {
    }
}
