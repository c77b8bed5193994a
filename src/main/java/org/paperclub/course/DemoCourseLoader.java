package org.paperclub.course;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.mail.Outbox;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.SiteAdmins;
import org.paperclub.people.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * On the first start (no course in the database) loads the demo course, moved by whole weeks so that today
 * falls in the middle of its term, with demo accounts that all use the password "paperclub". Turned off with
 * {@code PAPERCLUB_DEMO=false}. The accounts are for trying Paperclub out, never for a real course. The
 * {@link DemoSeeder}s then add a term's worth of activity (off with {@code PAPERCLUB_DEMO_ACTIVITY=false}).
 */
@Singleton
@Requires(property = "paperclub.demo.enabled", value = "true", defaultValue = "true")
public class DemoCourseLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCourseLoader.class);
    public static final int STUDENTS = 20;

    // A provider: a restart (the usual case) never needs the YAML machinery, so it is not built then.
    private final BeanProvider<CourseFileService> files;
    private final CourseService courses;
    private final PeopleService people;
    private final SiteAdmins siteAdmins;
    private final ResourceResolver resources;
    private final Clock clock;
    private final List<String> locations;
    private final String password;
    private final boolean activity;
    private final List<DemoSeeder> seeders;
    private final Outbox outbox;

    DemoCourseLoader(BeanProvider<CourseFileService> files, CourseService courses, PeopleService people,
                     SiteAdmins siteAdmins, ResourceResolver resources,
                     Clock clock, @Value("${paperclub.demo.files}") List<String> locations,
                     @Value("${paperclub.demo.password}") String password,
                     @Value("${paperclub.demo.activity:true}") boolean activity, List<DemoSeeder> seeders,
                     Outbox outbox) {
        this.files = files;
        this.courses = courses;
        this.people = people;
        this.siteAdmins = siteAdmins;
        this.resources = resources;
        this.clock = clock;
        this.locations = locations;
        this.password = password;
        this.activity = activity;
        this.seeders = seeders.stream().sorted(Comparator.comparingInt(DemoSeeder::order)).toList();
        this.outbox = outbox;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (courses.anyCourse()) {
            return;
        }
        long started = System.nanoTime();
        List<Course> loaded;
        try {
            loaded = load();
        } catch (RuntimeException e) {
            // Two instances started at once on an empty database both find no course; the second one's import then
            // meets the first one's rows (a unique key) and is rolled back whole. That instance must start all the same.
            if (courses.anyCourse()) {
                LOG.info("Another instance loaded the demo courses at the same moment; this one uses theirs.");
                return;
            }
            throw e;
        }
        LOG.info("Loaded the demo courses {} ({} ms); sign in as instructor@example.edu / {}",
                loaded.stream().map(Course::code).toList(), (System.nanoTime() - started) / 1_000_000, password);
    }

    /** Every demo course file, with the same 22 accounts enrolled in each. */
    @Transactional
    List<Course> load() {
        CourseFileService files = this.files.get();
        List<Course> loaded = new ArrayList<>();
        for (String location : locations) {
            CourseFile file = files.parse(read(location));
            CourseFile shifted = shiftToToday(file, LocalDate.now(clock.withZone(ZoneId.of(file.course().timeZone()))));
            loaded.add(files.importFile(shifted, null));
        }
        // One bcrypt hash for all 22 accounts: they share the password, and hashing 22 times would add a second.
        String hash = people.hashPassword(password);
        List<User> staff = List.of(people.createAccount("instructor@example.edu", "Ada Instructor", hash, true),
                people.createAccount("ta@example.edu", "Tomás Assistant", hash, false));
        // A site administrator, enrolled nowhere, to try the administration page (LMS platforms, keys) with.
        User admin = people.createAccount("admin@example.edu", "Sam Administrator", hash, false);
        siteAdmins.grant(admin.id(), admin.id());
        List<User> students = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            students.add(people.createAccount("student" + i + "@example.edu", "Student " + i, hash, false));
        }
        for (Course course : loaded) {
            enroll(course, staff.get(0), CourseRole.INSTRUCTOR);
            enroll(course, staff.get(1), CourseRole.TA);
            students.forEach(s -> enroll(course, s, CourseRole.STUDENT));
        }
        if (activity) {
            List<Long> ids = students.stream().map(User::id).toList();
            // The made-up term's notices stay in the app: its accounts are at example.edu, which no mail reaches, and a
            // real relay configured from the first start must not be handed hundreds of them.
            outbox.withoutMail(() -> {
                for (Course course : loaded) {
                    seeders.forEach(s -> s.seed(course, ids, staff.get(0).id(), staff.get(1).id()));
                }
            });
        }
        return loaded;
    }

    private void enroll(Course course, User user, CourseRole role) {
        people.enroll(course.id(), user.id(), role, role == CourseRole.STUDENT ? "0101" : null);
    }

    /** Moves every session by the same whole number of weeks (weekdays kept) so that today is mid-term. */
    static CourseFile shiftToToday(CourseFile file, LocalDate today) {
        List<CourseFile.SessionEntry> sessions = file.sessions();
        if (sessions == null || sessions.isEmpty()) {
            return file;
        }
        LocalDate first = sessions.stream().map(CourseFile.SessionEntry::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = sessions.stream().map(CourseFile.SessionEntry::date).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate middle = first.plusDays(ChronoUnit.DAYS.between(first, last) / 2);
        long weeks = Math.round(ChronoUnit.DAYS.between(middle, today) / 7.0);
        long days = weeks * 7;
        CourseFile.Header h = file.course();
        String term = weeks == 0 ? h.term() : h.term() + " (demo, dates moved " + (weeks > 0 ? "+" : "") + weeks + " weeks)";
        return new CourseFile(file.format(), new CourseFile.Header(h.code(), h.title(), term, h.timeZone(), h.description()),
                file.policies(), file.roles(), file.papers(), sessions.stream().map(s -> s.shifted(days)).toList());
    }

    private String read(String location) {
        try (InputStream in = resources.getResourceAsStream(location)
                .orElseThrow(() -> new IllegalStateException("The demo course file " + location + " is missing"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The demo course file " + location + " could not be read", e);
        }
    }
}
