package org.paperclub.course;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Who may call a course endpoint is said by one annotation on it ({@link CourseMember}, {@link CourseStaff},
 * {@link CourseInstructor}) and checked in one place ({@link CourseGate}) before the method runs. The first test walks
 * the app's compiled routes, so that a new endpoint under {@code /api/courses/{courseId}} without its annotation
 * fails the build by name; the others are the gate's answers as people meet them.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CourseGateTest extends ApiTest {

    private static final String COURSE = "/api/courses/{courseId}";
    private static final List<Class<? extends java.lang.annotation.Annotation>> GATES =
            List.of(CourseMember.class, CourseStaff.class, CourseInstructor.class);

    @Inject
    Router router;

    /** One route as the gate sees it: its template, its method's annotations and its parameters. */
    record Endpoint(String route, AnnotationMetadata annotations, Argument<?>[] arguments) {
        static Endpoint of(UriRouteInfo<?, ?> route) {
            var method = route.getTargetMethod();
            return new Endpoint(route.getHttpMethodName() + " " + route.getUriMatchTemplate(), method.getAnnotationMetadata(),
                    method.getArguments());
        }
    }

    /** What is wrong with the gate of one endpoint, or nothing. */
    static List<String> problems(Endpoint endpoint) {
        String path = endpoint.route().substring(endpoint.route().indexOf(' ') + 1);
        boolean underCourse = path.equals(COURSE) || path.startsWith(COURSE + "/");
        long gates = GATES.stream().filter(endpoint.annotations()::hasAnnotation).count();
        List<String> problems = new ArrayList<>();
        if (underCourse && gates != 1) {
            problems.add(endpoint.route() + ": " + (gates == 0 ? "says nobody" : "says more than one of") + " @CourseMember, "
                    + "@CourseStaff, @CourseInstructor");
        }
        if (gates > 0) {
            if (Arrays.stream(endpoint.arguments()).noneMatch(a -> a.getName().equals("courseId"))) {
                problems.add(endpoint.route() + ": has a course gate but no courseId parameter");
            }
            boolean ownCaller = endpoint.annotations().classValue(CourseMember.class, "caller")
                    .filter(c -> c != CourseCaller.class).isPresent();
            if (!ownCaller && Arrays.stream(endpoint.arguments()).noneMatch(a -> a.getType() == Authentication.class)) {
                problems.add(endpoint.route() + ": has a course gate but no Authentication parameter to know who calls");
            }
            if (!endpoint.annotations().stringValue(ExecuteOn.class).filter(TaskExecutors.BLOCKING::equals).isPresent()) {
                problems.add(endpoint.route() + ": has a course gate, which reads the database, but runs on the event loop "
                        + "(add @ExecuteOn(TaskExecutors.BLOCKING))");
            }
        }
        return problems;
    }

    private Stream<Endpoint> endpoints() {
        return router.uriRoutes().map(Endpoint::of);
    }

    @Test
    void every_endpoint_under_a_course_says_who_may_call_it() {
        List<String> courseRoutes = endpoints().map(Endpoint::route).filter(r -> r.contains(" " + COURSE)).toList();
        assertTrue(courseRoutes.size() > 50, "the router knows the course endpoints: " + courseRoutes);
        List<String> wrong = endpoints().flatMap(e -> problems(e).stream()).toList();
        assertTrue(wrong.isEmpty(), "course endpoints whose gate is missing or wrong:\n" + String.join("\n", wrong));
    }

    @Test
    void the_walk_names_an_endpoint_under_a_course_that_says_nobody() {
        // The home page's route is not a course's and has no gate; moved under a course, the walk must name it.
        Endpoint home = endpoints().filter(e -> e.route().equals("GET /api/me/home")).findFirst().orElseThrow();
        assertEquals(List.of(), problems(home));
        Endpoint moved = new Endpoint("GET /api/courses/{courseId}/me/home", home.annotations(), home.arguments());
        assertEquals(List.of("GET /api/courses/{courseId}/me/home: says nobody @CourseMember, @CourseStaff, @CourseInstructor"),
                problems(moved));
    }

    @Test
    void unlinking_an_lms_course_is_for_the_courses_instructors_and_listing_the_links_for_its_staff() {
        Map<String, Endpoint> routes = new java.util.HashMap<>();
        endpoints().forEach(e -> routes.put(e.route(), e));
        Endpoint unlink = routes.get("DELETE " + COURSE + "/lti/links/{linkId}");
        assertTrue(unlink != null, "the unlink endpoint is routed");
        assertEquals(List.of(), problems(unlink));
        assertTrue(unlink.annotations().hasAnnotation(CourseInstructor.class), "not TAs, not students");
        assertTrue(routes.get("GET " + COURSE + "/lti/grades").annotations().hasAnnotation(CourseStaff.class));
    }

    @Test
    void a_course_that_does_not_exist_is_404_with_its_number() {
        Map<String, Object> p = problem(404, () -> student().get("/api/courses/987654"));
        assertEquals("There is no course 987654.", p.get("detail"));
        problem(404, () -> instructor().post("/api/courses/987654/sessions", Map.of()));
    }

    @Test
    void someone_outside_the_course_is_refused_before_what_they_sent_is_checked() {
        long other = Api.id(instructor().post("/api/courses", Map.of("code", "GATE 1", "title", "Gates", "term", "Fall 2026",
                "timeZone", "UTC")).body());
        // An empty session is not valid, but an outsider is not told so: they are not in the course.
        Map<String, Object> p = problem(403, () -> student(3).post("/api/courses/" + other + "/sessions", Map.of()));
        assertEquals("You are not enrolled in GATE 1.", p.get("detail"));
    }

    @Test
    void a_student_asking_for_a_staff_action_is_told_who_may() {
        Map<String, Object> p = problem(403, () -> student(4).post("/api/courses/" + DEMO + "/sessions", Map.of()));
        assertEquals("Only the instructors and TAs of this course can change the schedule.", p.get("detail"));
    }

    @Test
    void a_ta_asking_for_an_instructors_action_is_told_who_may() {
        Map<String, Object> p = problem(403, () -> ta().post("/api/courses/" + DEMO + "/copy", Map.of()));
        assertEquals("Only the instructors of this course can copy the course into a new term.", p.get("detail"));
    }

    @Test
    void a_removed_student_is_no_longer_let_in() {
        Api.Session student = student(19);
        assertEquals("ACCOUNTS", student.get("/api/courses/" + DEMO).get("code"));
        long id = Api.longOf(instructor().list("/api/courses/" + DEMO + "/roster").stream()
                .filter(e -> "student19@example.edu".equals(e.get("email"))).findFirst().orElseThrow(), "userId");
        assertEquals(200, instructor().delete("/api/courses/" + DEMO + "/roster/" + id).code());
        Map<String, Object> p = problem(403, () -> student.get("/api/courses/" + DEMO));
        assertEquals("You are not enrolled in ACCOUNTS.", p.get("detail"));
        problem(403, () -> student.get("/api/courses/" + DEMO + "/sessions"));
    }
}
