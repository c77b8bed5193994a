package org.paperclub.reminders;

import io.micronaut.core.annotation.Nullable;
import org.paperclub.course.ClassSession;
import org.paperclub.course.Course;
import org.paperclub.notify.Notice;
import org.paperclub.notify.NoticeKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a student is reminded of what, as pure functions of what {@link ReminderJob} loaded and "now". A reminder is
 * due from its moment (the item's time minus the course's lead time) until the item itself: a job that was down
 * catches up on what is still ahead, and drops a reminder whose moment passed by more than its lead (the item is
 * past by then: a deadline passed, a freeze passed, a session started). A lead of 0 is off. Each reminder names its
 * item by a key that includes the item's time, so that it is sent once per person and item, and once more only if
 * the item moves (a session moved, an extension granted).
 */
final class ReminderRules {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    private ReminderRules() {
    }

    /** A reminder for one person: {@code itemKey} is what it is about, sent once per person and item. */
    record Reminder(long userId, String itemKey, Notice notice) {
    }

    /** A student of the course as the rules see them: withdrawn students are reminded of nothing. */
    record Student(long id, boolean withdrawn) {
    }

    /** Whether a reminder {@code lead} ahead of {@code at} is due now: from the moment {@code at - lead} until {@code at}. */
    static boolean due(Instant now, Instant at, Duration lead) {
        if (lead.isZero() || lead.isNegative()) {
            return false;
        }
        Instant moment = at.minus(lead);
        boolean passedByMoreThanLead = Duration.between(moment, now).compareTo(lead) >= 0;
        return !now.isBefore(moment) && !passedByMoreThanLead;
    }

    // (a) Critiques

    /** What a student has done toward one session's critique: handed one in for it, and how many in the term. */
    record CritiqueState(ZonedDateTime deadline, boolean handedInForSession, int handedInTotal) {
    }

    /**
     * A critique due within the course's lead time that the student has not handed in: for a held session with an
     * assigned reading, by the student's own deadline (extensions applied), as long as they still owe critiques. One
     * critique handed in for the session is enough (the per-session limit); nothing once the deadline has passed.
     */
    static Optional<Reminder> critique(Course course, ClassSession session, boolean hasAssignedReading, Student student,
                                       CritiqueState state, Instant now) {
        if (student.withdrawn() || !session.held() || !hasAssignedReading || course.critiquesRequired() == 0
                || state.handedInForSession() || state.handedInTotal() >= course.critiquesRequired()) {
            return Optional.empty();
        }
        Instant deadline = state.deadline().toInstant();
        if (!due(now, deadline, course.reminders().critiqueLead())) {
            return Optional.empty();
        }
        String title = "Critique due in " + in(now, deadline) + ": Session " + session.number();
        String body = "Your critique for session " + session.number() + " (" + session.topic() + ") is due "
                + when(course, state.deadline()) + ", and you have not handed one in yet. You have handed in "
                + state.handedInTotal() + " of " + course.critiquesRequired() + " critiques.";
        return Optional.of(new Reminder(student.id(), key("critique", session, deadline),
                new Notice(NoticeKind.CRITIQUE_REMINDER, course.id(), title, body, "/#/courses/" + course.id() + "/critiques", deadline)));
    }

    // (b) Sign-ups

    /**
     * Where a student stands at one session's sign-up freeze: {@code blockWithoutRole} names the block of the
     * session when they hold no role anywhere in it (null otherwise, or when the course has no roles);
     * {@code presentationsOwed} is how many presentations they still have to choose; {@code slotFree} whether a
     * presentation slot of the session is still free.
     */
    record SignupState(@Nullable String blockWithoutRole, int presentationsOwed, boolean slotFree) {
    }

    /**
     * A sign-up freeze within the lead time while the session's block still lacks the student's role, or while they
     * have not chosen their presentation and the session still has a free slot. Only once sign-ups are open, and
     * nothing once the freeze has passed. A course without roles or presentations has nothing to remind of.
     */
    static Optional<Reminder> signup(Course course, ClassSession session, Student student, SignupState state, Instant now) {
        if (student.withdrawn() || !session.held()
                || (course.signupOpensAt() != null && now.isBefore(course.signupOpensAt()))) {
            return Optional.empty();
        }
        boolean lacksRole = state.blockWithoutRole() != null;
        boolean owesPresentation = course.presentationsPerStudent() > 0 && state.presentationsOwed() > 0
                && session.presentationSlots() > 0 && state.slotFree();
        if (!lacksRole && !owesPresentation) {
            return Optional.empty();
        }
        ZonedDateTime freeze = freezesAt(course, session);
        if (!due(now, freeze.toInstant(), course.reminders().freezeLead())) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        if (lacksRole) {
            why.add("you hold no supporting role in " + state.blockWithoutRole() + " yet");
        }
        if (owesPresentation) {
            why.add("you have not chosen your presentation yet");
        }
        String title = "Sign-ups freeze in " + in(now, freeze.toInstant()) + ": Session " + session.number();
        String body = "Sign-ups for session " + session.number() + " (" + session.topic() + ") freeze " + when(course, freeze)
                + ", and " + String.join(", and ", why) + ". After the freeze only staff can change them.";
        return Optional.of(new Reminder(student.id(), key("signup", session, freeze.toInstant()),
                new Notice(NoticeKind.SIGNUP_REMINDER, course.id(), title, body, "/#/courses/" + course.id() + "/signups",
                        freeze.toInstant())));
    }

    /** When the session's sign-ups freeze: the course's freeze hours before class (SignupRules says the same). */
    static ZonedDateTime freezesAt(Course course, ClassSession session) {
        return session.startsAt(course.zone()).minusHours(course.signupFreezeHours());
    }

    // (c) The student's own sessions

    /**
     * What the student does in a session: the paper they present ({@code presents}, null if none) with their
     * {@code partners}, or the supporting role they hold ({@code role}, null if none).
     */
    record Part(@Nullable String presents, List<String> partners, @Nullable String role) {
    }

    /** The student's presentation or supporting role in a held session that starts within the lead time. */
    static Optional<Reminder> session(Course course, ClassSession session, Student student, Part part, Instant now) {
        if (student.withdrawn() || !session.held() || (part.presents() == null && part.role() == null)) {
            return Optional.empty();
        }
        ZonedDateTime start = session.startsAt(course.zone());
        if (!due(now, start.toInstant(), course.reminders().sessionLead())) {
            return Optional.empty();
        }
        String title;
        String body;
        String at = "session " + session.number() + " (" + session.topic() + "), " + when(course, start)
                + (session.location() == null || session.location().isBlank() ? "" : " in " + session.location());
        if (part.presents() != null) {
            title = "You present in " + in(now, start.toInstant()) + ": Session " + session.number();
            body = "You present “" + part.presents() + "”" + (part.partners().isEmpty() ? "" : " with " + String.join(" and ", part.partners()))
                    + " in " + at + ".";
        } else {
            title = "Your role in " + in(now, start.toInstant()) + ": Session " + session.number();
            body = "You are " + part.role() + " in " + at + ".";
        }
        return Optional.of(new Reminder(student.id(), key("session", session, start.toInstant()),
                new Notice(NoticeKind.PRESENTATION_REMINDER, course.id(), title, body, "/#/courses/" + course.id(), start.toInstant())));
    }

    /** The item: its kind, the session, and its time, so that a moved item is a new one. */
    static String key(String kind, ClassSession session, Instant at) {
        return kind + ":" + session.id() + "@" + at.getEpochSecond();
    }

    /** "24 hours", "3 days", "40 minutes": how long until {@code at}, rounded to the nearest unit. */
    static String in(Instant now, Instant at) {
        Duration left = Duration.between(now, at);
        long minutes = Math.max(1, Math.round(left.toSeconds() / 60.0));
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = Math.round(left.toSeconds() / 3600.0);
        if (hours < 72) {
            return plural(hours, "hour");
        }
        return plural(Math.round(left.toSeconds() / 86400.0), "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** "on Tue 8 Sep at 13:00 (America/New_York)": in the course's zone, named. */
    private static String when(Course course, ZonedDateTime at) {
        return "on " + WHEN.format(at.withZoneSameInstant(course.zone())) + " (" + course.timeZone() + ")";
    }
}
