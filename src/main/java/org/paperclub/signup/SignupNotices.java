package org.paperclub.signup;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.paperclub.course.ClassSession;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.SessionChanged;
import org.paperclub.notify.Notice;
import org.paperclub.notify.NoticeKind;
import org.paperclub.notify.Notices;
import org.paperclub.system.Dates;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What sign-ups tell the students concerned: a partner invitation and its answer, a proposal decided, a sign-up staff made, moved
 * or removed for them, a session of theirs cancelled or moved. Each notice is posted in the transaction of the change;
 * a student is never told of what they did themselves.
 */
@Singleton
class SignupNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Notices notices;
    private final CourseService courses;
    private final PresentationMemberRepository members;
    private final RoleSignupRepository roleSignups;
    private final Clock clock;

    SignupNotices(Notices notices, CourseService courses, PresentationMemberRepository members, RoleSignupRepository roleSignups,
                  Clock clock) {
        this.notices = notices;
        this.courses = courses;
        this.members = members;
        this.roleSignups = roleSignups;
        this.clock = clock;
    }

    void invited(Course course, ClassSession session, String paper, String by, long invitee) {
        post(course, NoticeKind.PARTNER_INVITATION, "Invitation to present with " + by,
                by + " asks you to present “" + paper + "” together in " + when(course, session) + ". Accept or decline on the "
                        + "sign-up board.", session, List.of(invitee));
    }

    /** The partner's yes, to the student who asked. */
    void partnerAccepted(Course course, ClassSession session, String paper, String partner, long asker) {
        post(course, NoticeKind.PARTNER_ANSWERED, partner + " will present with you",
                partner + " accepted: you present “" + paper + "” together in " + day(session) + ".", session, List.of(asker));
    }

    /**
     * The partner's no, to the student who asked: the team keeps its slot (the rules free one only when its last
     * member leaves or staff decline the paper), and a classmate may join while there is room.
     */
    void partnerDeclined(Course course, ClassSession session, String paper, String partner, boolean roomLeft, long asker) {
        post(course, NoticeKind.PARTNER_ANSWERED, partner + " declined to present with you",
                partner + " declined your invitation to present “" + paper + "” in session " + session.number()
                        + "; the slot stays yours" + (roomLeft ? ", and a classmate may still join your team on the sign-up board." : "."),
                session, List.of(asker));
    }

    void decided(Course course, ClassSession session, String paper, String staff, boolean approved, String reason,
                 Collection<Long> team) {
        String body = approved
                ? staff + " approved your proposal to present “" + paper + "” in " + when(course, session) + "."
                : staff + " declined your proposal to present “" + paper + "” in session " + session.number()
                + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()) + ". Your slot is free again; please choose "
                + "another paper on the sign-up board.";
        post(course, NoticeKind.PROPOSAL_DECIDED, "Proposal " + (approved ? "approved" : "declined") + ": " + paper, body,
                approved ? session : null, team);
    }

    /** Staff changed the student's sign-up: {@code what} is the sentence after the staff member's name. */
    void changedByStaff(Course course, ClassSession session, String title, String staff, String what, boolean stillThere,
                        Collection<Long> students) {
        post(course, NoticeKind.SIGNUP_CHANGED, title, staff + " " + what + ".", stillThere ? session : null, students);
    }

    /** The presenters and role holders of a cancelled, moved or reinstated session, unless it is over either way. */
    @EventListener
    void sessionChanged(SessionChanged change) {
        Course course = courses.get(change.courseId());
        ClassSession before = change.before();
        ClassSession after = change.after();
        Instant now = clock.instant();
        if (before.startsAt(course.zone()).toInstant().isBefore(now) && after.startsAt(course.zone()).toInstant().isBefore(now)) {
            return;   // a past session's record corrected: nobody has anywhere to be
        }
        Set<Long> people = new LinkedHashSet<>();
        members.findAllInSession(after.id()).forEach(m -> people.add(m.userId()));
        roleSignups.findBySessionId(after.id()).forEach(r -> people.add(r.userId()));
        if (people.isEmpty()) {
            return;
        }
        String topic = after.topic() == null || after.topic().isBlank() ? "" : " (" + after.topic() + ")";
        String part = " You are signed up to present or to hold a role in it.";
        if (change.cancelled()) {
            notices.post(new Notice(NoticeKind.SESSION_CHANGED, course.id(), "Session " + after.number() + " cancelled",
                    "Session " + after.number() + topic + ", planned for " + at(course, before) + ", is cancelled: there is no class."
                            + part, link(course), null), people);
        } else if (change.heldAgain()) {
            notices.post(new Notice(NoticeKind.SESSION_CHANGED, course.id(), "Session " + after.number() + " is held after all",
                    "Session " + after.number() + topic + " is no longer cancelled: class meets " + at(course, after) + "." + part,
                    link(course), after.startsAt(course.zone()).toInstant()), people);
        } else {
            notices.post(new Notice(NoticeKind.SESSION_CHANGED, course.id(), "Session " + after.number() + " moved to "
                    + Dates.WHEN.format(after.startsAt(course.zone())),
                    "Session " + after.number() + topic + " moved from " + at(course, before) + " to " + at(course, after) + "." + part,
                    link(course), after.startsAt(course.zone()).toInstant()), people);
        }
    }

    private void post(Course course, NoticeKind kind, String title, String body, ClassSession about, Collection<Long> to) {
        notices.post(new Notice(kind, course.id(), title, body, "/#/courses/" + course.id() + "/signups",
                about == null ? null : about.startsAt(course.zone()).toInstant()), to);
    }

    private static String when(Course course, ClassSession session) {
        return "session " + session.number() + " on " + at(course, session);
    }

    /** "session 7 (Tue 13 Oct)": the day is the course's wall-clock date. */
    private static String day(ClassSession session) {
        return "session " + session.number() + " (" + DAY.format(session.date()) + ")";
    }

    private static String at(Course course, ClassSession session) {
        return Dates.WHEN.format(session.startsAt(course.zone()));
    }

    private static String link(Course course) {
        return "/#/courses/" + course.id();
    }
}
