package org.paperclub.calendar;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.ReadingKind;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.CourseViews.ReadingView;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.course.SessionKind;
import org.paperclub.critique.CritiqueLedger;
import org.paperclub.signup.SignupLedger;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A course as iCalendar (RFC 5545), written with ical4j: one event per held session with its topic and readings,
 * the critique deadlines (a student's own, extensions included), and a student's own presentation and roles.
 * Times are written as UTC instants, so every calendar app places them right whatever its zone; the course's
 * zone is named in X-WR-TIMEZONE. UIDs are stable, so a subscribed calendar updates events instead of doubling them.
 * <p>
 * Reminders (VALARMs, DISPLAY) go only where the reader has something to do: every critique deadline rings 24 hours
 * and 1 hour before, and a student's own presentation and roles 1 day and 1 hour before. Plain sessions ring never:
 * a calendar that rings for every class gets muted, and then the reminders that matter are lost too. Each alarm has
 * its own stable UID (RFC 9074), so that a calendar app refreshing the feed keeps one alarm instead of adding one.
 */
@Singleton
class CalendarFeed {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final SignupLedger signups;
    private final CritiqueLedger critiques;

    CalendarFeed(CourseService courses, ScheduleService schedule, SignupLedger signups, CritiqueLedger critiques) {
        this.courses = courses;
        this.schedule = schedule;
        this.signups = signups;
        this.critiques = critiques;
    }

    // ical4j writes 24 hours as "-P1D". RFC 5545 lets a nominal day differ from 24 hours only across a daylight-saving
    // change of a local time; our starts are UTC, so "-P1D" rings exactly 24 hours before, as meant.
    private static final List<Reminder> DEADLINE_REMINDERS = List.of(
            new Reminder("24h", Duration.ofHours(24), "in 24 hours"), new Reminder("1h", Duration.ofHours(1), "in 1 hour"));
    private static final List<Reminder> OWN_SESSION_REMINDERS = List.of(
            new Reminder("1d", Duration.ofDays(1), "tomorrow"), new Reminder("1h", Duration.ofHours(1), "in 1 hour"));

    /**
     * How long before an event's start to ring, how to say it, and the key that ends the alarm's UID: changing a
     * reminder's time or text keeps its UID, so a subscribed calendar updates the alarm instead of adding a second.
     */
    private record Reminder(String key, Duration before, String when) {
    }

    /** @param studentId the student whose deadlines and sign-ups to show; null for staff (the course's deadlines) */
    @Transactional(readOnly = true)
    String feed(long courseId, Long studentId) {
        Course course = courses.get(courseId);
        List<SessionView> sessions = schedule.schedule(courseId);
        Map<Long, ClassSession> byId = schedule.sessions(courseId).stream().collect(Collectors.toMap(ClassSession::id, Function.identity()));
        Map<Long, SessionView> viewById = sessions.stream().collect(Collectors.toMap(SessionView::id, Function.identity()));
        Map<Long, String> roleNames = courses.roles(courseId).stream()
                .collect(Collectors.toMap(r -> r.id(), r -> r.name()));
        String uidBase = "@paperclub-course-" + courseId;
        Map<Long, Long> handedIn = studentId == null ? Map.of() : critiques.handedIn(courseId).stream()
                .filter(c -> c.studentId() == studentId)
                .collect(Collectors.groupingBy(CritiqueLedger.HandedIn::sessionId, Collectors.counting()));

        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Paperclub//Paperclub seminar calendar//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", course.code() + " " + course.title()));
        cal.add(new XProperty("X-WR-TIMEZONE", course.timeZone()));

        for (SessionView s : sessions) {
            if (s.kind() == SessionKind.NO_CLASS) {
                continue;
            }
            VEvent e = new VEvent(s.startsAt().toInstant(), s.endsAt().toInstant(),
                    course.code() + " · Session " + s.number() + ": " + s.topic());
            e.add(new Uid("session-" + s.id() + uidBase));
            e.add(new Description(readings(s)));
            if (s.location() != null) {
                e.add(new Location(s.location()));
            }
            cal.add(e);

            List<ReadingView> assigned = s.readings().stream().filter(r -> r.kind() == ReadingKind.ASSIGNED).toList();
            if (course.critiquesRequired() > 0 && !assigned.isEmpty()) {
                ZonedDateTime due = studentId == null
                        ? s.startsAt().atZoneSameInstant(course.zone()).minusMinutes(course.deadlineOffsetMinutes())
                        : critiques.deadline(course, byId.get(s.id()), studentId);
                VEvent d = new VEvent(due.toInstant(), course.code() + " · Critique due for session " + s.number());
                String uid = "critique-due-" + s.id() + (studentId == null ? "" : "-" + studentId);
                d.add(new Uid(uid + uidBase));
                List<String> titles = assigned.stream().map(r -> r.paper().title()).toList();
                d.add(new Description("A one-page critique of one of: " + String.join("; ", titles) + "."));
                // A phone's notification shows a line or two: name the papers while they fit, else only count them.
                String papers = titles.size() <= 3 ? "one of: " + String.join("; ", titles) : "one of its " + titles.size() + " assigned papers";
                // Handed in already: the deadline stays in the calendar, but nothing rings for work that is done.
                boolean done = studentId != null && handedIn.getOrDefault(s.id(), 0L) >= course.critiquesPerSession();
                for (Reminder r : done ? List.<Reminder>of() : DEADLINE_REMINDERS) {
                    remind(d, uid, uidBase, r, (studentId == null ? "Critiques are due " : "A critique is due ") + r.when()
                            + " — " + course.code() + ", Session " + s.number() + ": " + s.topic() + ". One page on " + papers + ".");
                }
                cal.add(d);
            }
        }
        if (studentId != null) {
            for (SignupLedger.Team t : signups.teams(courseId)) {
                SessionView s = viewById.get(t.sessionId());
                if (t.memberIds().contains(studentId) && s.kind() != SessionKind.NO_CLASS) {
                    String paper = s.readings().stream().filter(r -> r.paperId() == t.paperId()).map(r -> r.paper().title())
                            .findFirst().orElseGet(() -> schedule.paper(courseId, t.paperId()).title());
                    VEvent e = new VEvent(s.startsAt().toInstant(), s.endsAt().toInstant(),
                            course.code() + " · You present: " + paper + (t.proposed() ? " (awaiting approval)" : ""));
                    String uid = "presentation-" + t.id() + "-" + studentId;
                    e.add(new Uid(uid + uidBase));
                    for (Reminder r : OWN_SESSION_REMINDERS) {
                        remind(e, uid, uidBase, r, "You present “" + paper + "” " + r.when() + where(course, s)
                                + (t.proposed() ? " Your proposal still awaits approval." : ""));
                    }
                    cal.add(e);
                }
            }
            for (SignupLedger.Holding h : signups.holdings(courseId)) {
                SessionView s = viewById.get(h.sessionId());
                if (h.userId() == studentId && s.kind() != SessionKind.NO_CLASS) {
                    String role = roleNames.get(h.roleId());
                    VEvent e = new VEvent(s.startsAt().toInstant(), s.endsAt().toInstant(),
                            course.code() + " · Your role: " + role + " (session " + s.number() + ")");
                    String uid = "role-" + h.sessionId() + "-" + h.roleId() + "-" + studentId;
                    e.add(new Uid(uid + uidBase));
                    for (Reminder r : OWN_SESSION_REMINDERS) {
                        remind(e, uid, uidBase, r, "Your role as " + role + " in Session " + s.number() + " is " + r.when() + where(course, s));
                    }
                    cal.add(e);
                }
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A DISPLAY alarm before the event's start. RFC 5545 requires the DESCRIPTION (it is the text shown), so it says
     * what, which course and where, standing alone in a notification.
     */
    private static void remind(VEvent event, String eventUid, String uidBase, Reminder reminder, String description) {
        VAlarm alarm = new VAlarm(reminder.before().negated());
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description(description));
        alarm.add(new Uid(eventUid + "-alarm-" + reminder.key() + uidBase));
        event.add(alarm);
    }

    /** " — CS 6785, Session 5: Topic. Where: Gates G01." (the where only when the session has a location) */
    private static String where(Course course, SessionView s) {
        return " — " + course.code() + ", Session " + s.number() + ": " + s.topic() + "."
                + (s.location() == null || s.location().isBlank() ? "" : " Where: " + s.location() + ".");
    }

    private static String readings(SessionView s) {
        StringBuilder b = new StringBuilder();
        for (ReadingKind kind : ReadingKind.values()) {
            List<ReadingView> list = s.readings().stream().filter(r -> r.kind() == kind).toList();
            if (!list.isEmpty()) {
                b.append(kind == ReadingKind.ASSIGNED ? "Assigned readings:" : "Additional readings:").append('\n');
                list.forEach(r -> b.append("- ").append(r.paper().title())
                        .append(r.paper().link() == null ? "" : " (" + r.paper().link() + ")").append('\n'));
            }
        }
        return b.length() == 0 ? s.topic() : b.toString().strip();
    }
}
