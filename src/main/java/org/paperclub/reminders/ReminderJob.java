package org.paperclub.reminders;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.paperclub.course.ClassSession;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.CourseViews.RoleView;
import org.paperclub.course.HandedInCounts;
import org.paperclub.course.ReminderPolicy;
import org.paperclub.course.ScheduleService;
import org.paperclub.critique.CritiqueLedger;
import org.paperclub.critique.Extension;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.reminders.ReminderRules.CritiqueState;
import org.paperclub.reminders.ReminderRules.Part;
import org.paperclub.reminders.ReminderRules.Reminder;
import org.paperclub.reminders.ReminderRules.SignupState;
import org.paperclub.reminders.ReminderRules.Student;
import org.paperclub.signup.SignupLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Works out the reminders due now ({@link ReminderRules}) and posts each once per person and item
 * ({@link ReminderLog}). It reads only courses holding a session in the days a reminder can be about, and in them
 * loads a session's work (hand-ins, sign-ups) only when a reminder about that session is due: a run where nothing
 * is due costs a few small queries. Several instances may run it at once.
 */
@Singleton
public class ReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    /**
     * How far back a session may lie and still have a critique due: an extension keeps a deadline open after class
     * (longer ones, up to the 2000 hours staff may grant, are not reminded of).
     */
    private static final int DAYS_BACK = 15;
    /** How far ahead: the longest freeze (30 days before class) plus the longest lead (14 days), and a day for zones. */
    private static final int DAYS_AHEAD = 30 + 14 + 1;

    private final CourseService courses;
    private final ScheduleService schedule;
    private final CritiqueLedger critiques;
    private final HandedInCounts handedIn;
    private final SignupLedger signups;
    private final PeopleService people;
    private final ReminderLog log;
    private final Clock clock;

    ReminderJob(CourseService courses, ScheduleService schedule, CritiqueLedger critiques, HandedInCounts handedIn,
                SignupLedger signups, PeopleService people, ReminderLog log, Clock clock) {
        this.courses = courses;
        this.schedule = schedule;
        this.critiques = critiques;
        this.handedIn = handedIn;
        this.signups = signups;
        this.people = people;
        this.log = log;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${paperclub.reminders.interval:5m}", initialDelay = "${paperclub.reminders.interval:5m}")
    void scheduled() {
        try {
            runNow();
        } catch (RuntimeException e) {
            // The next run tries again; what was sent is marked and is not sent twice.
            LOG.warn("Reminders failed this time: {}", e.toString());
        }
    }

    /** Sends every reminder due now that was not sent yet; how many it sent. */
    public int runNow() {
        Instant now = clock.instant();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        int sent = 0;
        for (long courseId : schedule.coursesHoldingSessionsBetween(today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD))) {
            try {
                sent += send(remindersOf(courses.get(courseId), now));
            } catch (RuntimeException e) {
                // One course's trouble (say, deleted while we looked) does not stop the others' reminders.
                LOG.warn("Reminders of course {} failed this time: {}", courseId, e.toString());
            }
        }
        return sent;
    }

    private int send(List<Reminder> due) {
        if (due.isEmpty()) {
            return 0;
        }
        Set<String> sent = log.sent(due.stream().map(Reminder::itemKey).toList());
        int count = 0;
        for (Reminder r : due) {
            if (!sent.contains(ReminderLog.sentKey(r.userId(), r.itemKey())) && log.send(r)) {
                count++;
            }
        }
        return count;
    }

    /** The reminders due now in one course, whether sent already or not. */
    List<Reminder> remindersOf(Course course, Instant now) {
        ReminderPolicy policy = course.reminders();
        List<ClassSession> held = schedule.sessions(course.id()).stream().filter(ClassSession::held).toList();
        Supplier<List<Student>> students = once(() -> people.roster(course.id()).stream()
                .filter(e -> e.role() == CourseRole.STUDENT)
                .map(e -> new Student(e.userId(), e.withdrawn())).toList());
        List<Reminder> out = new ArrayList<>();
        critiqueReminders(course, held, policy.critiqueLead(), students, now, out);
        signupReminders(course, held, policy.freezeLead(), students, now, out);
        sessionReminders(course, held, policy.sessionLead(), students, now, out);
        return out;
    }

    private void critiqueReminders(Course course, List<ClassSession> held, Duration lead, Supplier<List<Student>> students,
                                   Instant now, List<Reminder> out) {
        if (lead.isZero() || course.critiquesRequired() == 0) {
            return;
        }
        // Without extensions a deadline lies between class start minus the offset and class start; extensions only
        // move it later, so a session whose earliest deadline is still beyond the lead has nothing due yet.
        List<ClassSession> near = held.stream().filter(s -> {
            Instant earliest = s.startsAt(course.zone()).minusMinutes(course.deadlineOffsetMinutes()).toInstant();
            return !earliest.isAfter(now.plus(lead)) && earliest.isAfter(now.minus(Duration.ofDays(DAYS_BACK)));
        }).toList();
        if (near.isEmpty()) {
            return;
        }
        List<Extension> extensions = critiques.extensions(course.id());
        Supplier<Map<Long, Integer>> totals = once(() -> handedIn.byStudent(course.id()));
        for (ClassSession s : near) {
            List<Student> dueNow = students.get().stream().filter(st -> !st.withdrawn() && ReminderRules.due(now,
                    CritiqueLedger.deadline(course, s, st.id(), extensions).toInstant(), lead)).toList();
            if (dueNow.isEmpty() || schedule.assignedPaperIds(s.id()).isEmpty()) {
                continue;
            }
            Set<Long> handedInHere = critiques.handedInFor(s.id()).stream().map(CritiqueLedger.HandedIn::studentId)
                    .collect(Collectors.toSet());
            for (Student st : dueNow) {
                CritiqueState state = new CritiqueState(CritiqueLedger.deadline(course, s, st.id(), extensions),
                        handedInHere.contains(st.id()), totals.get().getOrDefault(st.id(), 0));
                ReminderRules.critique(course, s, true, st, state, now).ifPresent(out::add);
            }
        }
    }

    private void signupReminders(Course course, List<ClassSession> held, Duration lead, Supplier<List<Student>> students,
                                 Instant now, List<Reminder> out) {
        if (lead.isZero()) {
            return;
        }
        List<ClassSession> freezing = held.stream()
                .filter(s -> ReminderRules.due(now, ReminderRules.freezesAt(course, s).toInstant(), lead)).toList();
        if (freezing.isEmpty()) {
            return;
        }
        List<List<ClassSession>> blocks = signups.blocks(course.id());
        Map<Long, Integer> blockOf = SignupLedger.blockOf(blocks);
        boolean presentations = course.presentationsPerStudent() > 0;
        if (blocks.isEmpty() && !presentations) {
            return;
        }
        List<SignupLedger.Team> teams = presentations ? signups.teams(course.id()) : List.of();
        Map<Long, Long> presented = teams.stream().flatMap(t -> t.memberIds().stream())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        Map<Integer, Set<Long>> roleHoldersOfBlock = new HashMap<>();
        for (ClassSession s : freezing) {
            Integer block = blockOf.get(s.id());
            Set<Long> holders = block == null ? Set.of() : roleHoldersOfBlock.computeIfAbsent(block, b -> {
                Set<Long> ids = new HashSet<>();
                blocks.get(b).forEach(inBlock -> signups.holdingsIn(inBlock.id()).forEach(h -> ids.add(h.userId())));
                return ids;
            });
            long teamsHere = teams.stream().filter(t -> t.sessionId() == s.id()).count();
            for (Student st : students.get()) {
                String missing = block != null && !holders.contains(st.id()) ? blockName(blocks.get(block)) : null;
                int owed = presentations ? (int) Math.max(0, course.presentationsPerStudent() - presented.getOrDefault(st.id(), 0L)) : 0;
                ReminderRules.signup(course, s, st, new SignupState(missing, owed, teamsHere < s.presentationSlots()), now)
                        .ifPresent(out::add);
            }
        }
    }

    private void sessionReminders(Course course, List<ClassSession> held, Duration lead, Supplier<List<Student>> students,
                                  Instant now, List<Reminder> out) {
        if (lead.isZero()) {
            return;
        }
        List<ClassSession> soon = held.stream()
                .filter(s -> ReminderRules.due(now, s.startsAt(course.zone()).toInstant(), lead)).toList();
        if (soon.isEmpty()) {
            return;
        }
        Map<Long, String> roleNames = courses.roles(course.id()).stream().collect(Collectors.toMap(RoleView::id, RoleView::name));
        Supplier<Map<Long, String>> names = once(() -> people.namesOf(course.id()));
        Map<Long, Student> byId = students.get().stream().collect(Collectors.toMap(Student::id, st -> st));
        for (ClassSession s : soon) {
            Map<Long, Part> parts = new HashMap<>();
            for (SignupLedger.Team t : signups.teamsIn(s.id())) {
                String paper = schedule.requirePaper(course.id(), t.paperId()).title();
                for (long member : t.memberIds()) {
                    List<String> partners = t.memberIds().stream().filter(m -> m != member)
                            .map(m -> names.get().getOrDefault(m, "your partner")).toList();
                    parts.put(member, new Part(paper, partners, null));
                }
            }
            for (SignupLedger.Holding h : signups.holdingsIn(s.id())) {
                parts.putIfAbsent(h.userId(), new Part(null, List.of(), roleNames.getOrDefault(h.roleId(), "a supporting role")));
            }
            parts.forEach((userId, part) -> {
                Student st = byId.get(userId);
                if (st != null) {
                    ReminderRules.session(course, s, st, part, now).ifPresent(out::add);
                }
            });
        }
    }

    /** "session 5" or "sessions 5–6", as the sign-up board names a block. */
    private static String blockName(List<ClassSession> block) {
        return block.size() == 1 ? "session " + block.get(0).number()
                : "sessions " + block.get(0).number() + "–" + block.get(block.size() - 1).number();
    }

    private static <T> Supplier<T> once(Supplier<T> load) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = load.get();
                }
                return value;
            }
        };
    }
}
