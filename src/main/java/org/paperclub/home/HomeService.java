package org.paperclub.home;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.CourseViews;
import org.paperclub.course.PolicyWarnings;
import org.paperclub.critique.CritiqueLedger;
import org.paperclub.grading.GradeNews;
import org.paperclub.people.CourseRole;
import org.paperclub.signup.SignupLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gathers, per course, what the home page shows. Every rule comes from its own class through the feature's ledger
 * (deadlines and the late policy from the critiques, freezes and blocks from the sign-ups); nothing is decided here.
 */
@Singleton
class HomeService {

    /** Grades published and regrades answered within this time count as new. */
    static final Duration NEWS = Duration.ofDays(14);

    private final CourseService courses;
    private final CritiqueLedger critiques;
    private final SignupLedger signups;
    private final GradeNews grades;
    private final PolicyWarnings warnings;
    private final Clock clock;

    HomeService(CourseService courses, CritiqueLedger critiques, SignupLedger signups, GradeNews grades,
                PolicyWarnings warnings, Clock clock) {
        this.warnings = warnings;
        this.courses = courses;
        this.critiques = critiques;
        this.signups = signups;
        this.grades = grades;
        this.clock = clock;
    }

    /**
     * What waits for staff: regrade requests, {@code toGrade} items left to grade in the whole course, and on
     * {@code /courses/{id}/me} only (null on the home page) the grading progress per session and the policy warnings.
     */
    @Serdeable
    record StaffPart(int openRegrades, @Nullable Integer toGrade, @Nullable GradeNews.Progress progress,
                     @Nullable List<CourseViews.PolicyWarning> warnings) {
    }

    /**
     * One course as the person sees it from home: a student's parts, or the staff part. {@code critiques} is null when
     * the course asks for none and the student handed in none.
     */
    @Serdeable
    record CourseHome(long courseId, String code, String title, String term, String timeZone, CourseRole role,
                      @Nullable CritiqueLedger.MyCritiques critiques, @Nullable SignupLedger.MySignups signups,
                      @Nullable GradeNews.ForStudent grades, @Nullable StaffPart staff) {
    }

    @Serdeable
    record Home(Instant now, List<CourseHome> courses) {
    }

    @Transactional(readOnly = true)
    Home home(long userId) {
        List<CourseHome> list = courses.coursesOf(userId).stream().map(c -> course(c.id(), userId, c.role(), false)).toList();
        return new Home(clock.instant(), list);
    }

    @Transactional(readOnly = true)
    CourseHome course(long courseId, long userId, CourseRole role, boolean whole) {
        Course c = courses.get(courseId);
        if (role.isStaff()) {
            GradeNews.Progress progress = grades.progress(courseId);
            return new CourseHome(c.id(), c.code(), c.title(), c.term(), c.timeZone(), role, null, null, null,
                    new StaffPart(grades.openRegrades(courseId), progress.left(), whole ? progress : null,
                            whole ? warnings.of(courseId) : null));
        }
        CritiqueLedger.MyCritiques mine = critiques.mine(c, userId);
        boolean asksCritiques = c.critiquesRequired() > 0 || mine.accepted() > 0;
        return new CourseHome(c.id(), c.code(), c.title(), c.term(), c.timeZone(), role, asksCritiques ? mine : null,
                signups.mine(courseId, userId), grades.forStudent(courseId, userId, clock.instant().minus(NEWS)), null);
    }
}
