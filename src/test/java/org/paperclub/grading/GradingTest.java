package org.paperclub.grading;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Grading each kind of item and the participation formula, each test on its own {@link GradingCourse}, with the
 * expected values computed by hand in the comments.
 */
@MicronautTest
class GradingTest extends ApiTest {

    static final String ANN = "student1@example.edu";
    static final String BEN = "student2@example.edu";
    static final String CAL = "student3@example.edu";

    private int courses;

    /** A fresh grading course with Ann, Ben and Cal; Ann and Ben present paper 2A together in session 2. */
    GradingCourse seminar() {
        return new GradingCourse(instructor(), "GR " + (++courses), List.of(ANN, BEN, CAL));
    }

    static List<Map<String, Object>> put(Api.Session who, String path, Map<String, Object> body) {
        return who.http().retrieve(who.authorize(HttpRequest.PUT(path, body)), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    static Map<String, Object> line(Map<String, Object> summary, long studentId) {
        return Api.listOf(summary, "students").stream()
                .filter(s -> Api.longOf(s, "studentId") == studentId).findFirst().orElseThrow();
    }

    /** The instructor changes one setting of the course's grading policy, as the course form would. */
    static void changeGrading(GradingCourse c, String setting, Object value) {
        Map<String, Object> course = c.instructor.get(c.base);
        Map<String, Object> policies = new HashMap<>(Api.mapOf(course, "policies"));
        Map<String, Object> grading = new HashMap<>(Api.mapOf(policies, "grading"));
        grading.put(setting, value);
        policies.put("grading", grading);
        c.instructor.put(c.base, Map.of("code", course.get("code"), "title", "Grading Seminar", "term", "Fall 2026",
                "timeZone", "America/New_York", "policies", policies));
    }

    @Test
    void participation_combines_the_components_by_the_policy_weights_with_missing_work_as_zero() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long ben = c.userId(BEN);
        long cal = c.userId(CAL);
        long team = c.present(2, 0, ann, ben);
        c.takeRole(1, "Peer Reviewer", ann);   // blocks: sessions 1-2 and 3-4, a role in each
        c.takeRole(4, "Hacker", ann);
        c.takeRole(4, "Hacker", cal);
        long lateCritique = c.critique(1, 0, ann);
        long critique = c.critique(2, 1, ann);
        c.critique(2, 0, cal);

        // Presentation: the team gets 8 of 10; Ben alone is then lowered to 6.
        c.held(4);
        List<Map<String, Object>> both = put(c.instructor, c.grades("presentations/" + team), Map.of("points", 8, "comment", "Clear slides"));
        assertEquals(2, both.size(), "a team grade goes to every member");
        assertEquals("Clear slides", both.get(1).get("comment"));
        put(c.instructor, c.grades("presentations/" + team), Map.of("points", 6, "studentId", ben));
        // Roles: ✓+ (3 of 3) as Peer Reviewer; ✓- (1 of 3) as Hacker, for Ann only.
        put(c.instructor, c.grades("roles/" + c.sessionId(1) + "/" + c.roleId("Peer Reviewer")), Map.of("mark", "✓+"));
        put(c.instructor, c.grades("roles/" + c.sessionId(4) + "/" + c.roleId("Hacker")), Map.of("mark", "✓-", "studentId", ann));
        // Critiques: 4 of 4 but a day late, 50 % kept = 50 %; 3 of 4 on time = 75 %.
        List<Map<String, Object>> late = put(c.instructor, c.grades("critiques/" + lateCritique), Map.of("points", 4));
        assertEquals(50.0, Api.doubleOf(late.get(0), "keepPercent"));
        put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 3));

        Map<String, Object> summary = c.instructor.get(c.grades("summary"));
        assertEquals(Map.of("presentations", 1, "roles", 2, "critiques", 2), summary.get("required"), "4 role sessions in blocks of 2");
        Map<String, Object> a = line(summary, ann);
        assertEquals(80.0, Api.doubleOf(a, "presentation"));            // 8 / 10
        assertEquals(66.7, Api.doubleOf(a, "roles"));                   // (100 + 33.3) / 2
        assertEquals(62.5, Api.doubleOf(a, "critiques"));               // (50 + 75) / 2
        assertEquals(71.2, Api.doubleOf(a, "participation"));           // (80×40 + 66.7×40 + 62.5×20) / 100 = 71.18
        Map<String, Object> b = line(summary, ben);
        assertEquals(60.0, Api.doubleOf(b, "presentation"));            // 6 / 10, graded alone
        assertEquals(0.0, Api.doubleOf(b, "roles"));                    // 2 required, none graded: 0
        assertEquals(0.0, Api.doubleOf(b, "critiques"));                // 2 required, none: 0
        assertEquals(24.0, Api.doubleOf(b, "participation"));           // 60×40 / 100
        Map<String, Object> k = line(summary, cal);
        assertEquals(0.0, Api.doubleOf(k, "participation"), "nothing graded counts as zero under ZERO");
        assertEquals(1, Api.intOf(k, "critiquesAccepted"));
        assertEquals(2, Api.intOf(k, "ungraded"), "Cal's critique and Cal's role in session 4, now held, wait for a grade");
        assertEquals(1, Api.intOf(k, "rolesHeld"));
        assertEquals(5, Api.intOf(a, "unpublished"), "nothing is published yet: 1 presentation, 2 roles, 2 critiques");
    }

    @Test
    void excluded_missing_work_leaves_ungraded_work_out_until_it_is_graded() {
        GradingCourse c = seminar();
        changeGrading(c, "missing", "EXCLUDED");
        long ann = c.userId(ANN);
        long team = c.present(2, 0, ann, c.userId(BEN));
        long critique = c.critique(2, 1, ann);   // handed in on time, before the session
        c.held(2);
        put(c.instructor, c.grades("presentations/" + team), Map.of("points", 9));
        put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 2));

        Map<String, Object> a = line(c.instructor.get(c.grades("summary")), ann);
        assertEquals(90.0, Api.doubleOf(a, "presentation"));
        assertNull(a.get("roles"), "no role graded yet: left out, with its weight");
        assertEquals(50.0, Api.doubleOf(a, "critiques"), "one of two required graded: 2 of 4, the other left out");
        assertEquals(76.7, Api.doubleOf(a, "participation"));           // (90×40 + 50×20) / (40 + 20) = 76.67
    }

    @Test
    void a_grade_outside_the_scale_or_for_an_unknown_item_is_refused_with_the_reason() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long team = c.present(2, 0, ann, null);
        c.takeRole(3, "Hacker", ann);
        c.held(4);
        Map<String, Object> p = problem(422, () -> put(c.instructor, c.grades("presentations/" + team), Map.of("points", 11)));
        assertTrue(((String) p.get("detail")).contains("0 to 10 points"), (String) p.get("detail"));
        p = problem(422, () -> put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + c.roleId("Hacker")), Map.of("mark", "A+")));
        assertTrue(((String) p.get("detail")).contains("✓- (1), ✓ (2), ✓+ (3)"), (String) p.get("detail"));
        problem(422, () -> put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + c.roleId("Hacker")), Map.of("points", 2)));
        problem(422, () -> put(c.instructor, c.grades("presentations/" + team), Map.of("points", -1)));
        problem(404, () -> put(c.instructor, c.grades("presentations/999999"), Map.of("points", 5)));
        problem(404, () -> put(c.instructor, c.grades("critiques/999999"), Map.of("points", 1)));
        p = problem(409, () -> put(c.instructor, c.grades("roles/" + c.sessionId(4) + "/" + c.roleId("Hacker")), Map.of("mark", "✓")));
        assertTrue(((String) p.get("detail")).contains("nobody to grade"));
        problem(422, () -> put(c.instructor, c.grades("presentations/" + team), Map.of("points", 5, "studentId", c.userId(CAL))));
        assertTrue(c.instructor.list(c.grades("audit")).isEmpty(), "nothing was written");
    }

    @Test
    void a_presentation_or_role_is_graded_only_once_its_session_has_started_and_only_work_that_exists() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long team = c.present(2, 0, ann, null);
        c.takeRole(3, "Hacker", ann);
        Map<String, Object> p = problem(422, () -> put(c.instructor, c.grades("presentations/" + team), Map.of("points", 8)));
        assertTrue(((String) p.get("detail")).contains("Session 2 has not happened yet"), (String) p.get("detail"));
        assertTrue(((String) p.get("detail")).contains("it can be graded from"), (String) p.get("detail"));
        problem(422, () -> put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + c.roleId("Hacker")), Map.of("mark", "✓")));
        // A critique is handed in before class: once it exists it can be graded.
        assertEquals(1, put(c.instructor, c.grades("critiques/" + c.critique(2, 0, ann)), Map.of("points", 3)).size());
        assertEquals(1, c.instructor.list(c.grades("audit")).size(), "only the critique's grade was written");

        c.held(3);
        assertEquals(8.0, Api.doubleOf(put(c.instructor, c.grades("presentations/" + team), Map.of("points", 8)).get(0), "points"));
        assertEquals("✓", put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + c.roleId("Hacker")), Map.of("mark", "✓"))
                .get(0).get("mark"));
        // Work that does not exist stays ungradable, session held or not.
        problem(404, () -> put(c.instructor, c.grades("critiques/999999"), Map.of("points", 1)));
        problem(404, () -> put(c.instructor, c.grades("presentations/999999"), Map.of("points", 1)));
        problem(409, () -> put(c.instructor, c.grades("roles/" + c.sessionId(2) + "/" + c.roleId("Hacker")), Map.of("mark", "✓")));
    }

    @Test
    void only_staff_of_the_course_grade_and_read_others_grades() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long team = c.present(2, 0, ann, null);
        c.held(2);
        long gradeId = Api.id(put(c.instructor, c.grades("presentations/" + team), Map.of("points", 7)).get(0));
        Api.Session annSession = student(1);
        Api.Session benSession = student(2);
        problem(403, () -> put(annSession, c.grades("presentations/" + team), Map.of("points", 10)));
        problem(403, () -> benSession.get(c.grades("summary")));
        problem(403, () -> benSession.get(c.grades("students/" + ann)));
        problem(403, () -> benSession.http().retrieve(benSession.authorize(HttpRequest.GET(c.base + "/gradebook.csv"))
                .accept(MediaType.of("text/csv")), String.class));
        problem(403, () -> benSession.list(c.grades(gradeId + "/history")));
        problem(403, () -> benSession.get(c.base + "/sessions/" + c.sessionId(2) + "/grading"));
        // The demo course's TA is not staff here; another course's paths do not reach this course's grades.
        problem(403, () -> ta().get(c.grades("summary")));
        problem(404, () -> c.instructor.list("/api/courses/" + DEMO + "/grades/" + gradeId + "/history"));
        problem(404, () -> c.instructor.delete("/api/courses/" + DEMO + "/grades/" + gradeId));
        Map<String, Object> demo = c.instructor.get("/api/courses/" + DEMO + "/grades/summary");
        assertTrue(Api.listOf(demo, "students").stream().allMatch(s -> s.get("presentation") == null),
                "the demo course has no grades: this course's grade did not leak into it");
        assertTrue(((List<?>) benSession.get(c.grades("me")).get("items")).isEmpty(), "Ben sees none of Ann's grades");
    }

    @Test
    void a_student_sees_only_published_grades_with_how_the_grade_is_made() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long team = c.present(2, 0, ann, null);
        c.takeRole(3, "Hacker", ann);
        c.held(3);
        put(c.instructor, c.grades("presentations/" + team), Map.of("points", 9, "comment", "Well argued"));
        put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + c.roleId("Hacker")), Map.of("mark", "✓"));
        Api.Session annSession = student(1);
        Map<String, Object> before = annSession.get(c.grades("me"));
        assertTrue(((List<?>) before.get("items")).isEmpty(), "drafts are not shown");

        Map<String, Object> published = c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of()).body();
        assertEquals(1, Api.intOf(published, "published"));
        Map<String, Object> mine = annSession.get(c.grades("me"));
        List<Map<String, Object>> items = Api.listOf(mine, "items");
        assertEquals(1, items.size(), "session 3's role grade is still a draft");
        assertEquals("Well argued", items.get(0).get("comment"));
        assertEquals(9.0, Api.doubleOf(items.get(0), "points"));
        Map<String, Object> participation = Api.mapOf(mine, "participation");
        assertEquals(90.0, Api.doubleOf(Api.mapOf(participation, "presentation"), "percent"));
        assertEquals(36.0, Api.doubleOf(participation, "percent"));   // 90×40 / 100; roles and critiques missing count 0
        assertTrue(((List<String>) participation.get("explanation")).stream().anyMatch(l -> l.startsWith("Participation = (90.0 × 40")),
                participation.get("explanation").toString());
        Map<String, Object> progress = Api.mapOf(mine, "progress");
        assertEquals(2, Api.intOf(progress, "critiquesRequired"));
        List<Map<String, Object>> blocks = Api.listOf(progress, "blocks");
        assertEquals(2, blocks.size());
        assertEquals("Hacker", Api.listOf(blocks.get(1), "roles").get(0).get("roleName"));
        // Staff see the draft too.
        assertEquals(2, ((List<?>) c.instructor.get(c.grades("students/" + ann)).get("items")).size());
    }

    @Test
    void a_withdrawn_role_keeps_its_grade_flagged_until_staff_remove_it() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long signup = c.takeRole(3, "Hacker", ann);
        long hacker = c.roleId("Hacker");
        c.held(3);
        long gradeId = Api.id(put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + hacker), Map.of("mark", "✓+"))
                .get(0));
        c.instructor.delete(c.base + "/sessions/" + c.sessionId(3) + "/roles/" + hacker + "/signups/" + signup);

        Map<String, Object> sheet = c.instructor.get(c.base + "/sessions/" + c.sessionId(3) + "/grading");
        List<Map<String, Object>> flagged = Api.listOf(sheet, "flagged");
        assertEquals(1, flagged.size());
        assertTrue(((String) flagged.get(0).get("flag")).contains("no longer holds the role Hacker"), (String) flagged.get(0).get("flag"));
        Map<String, Object> a = line(c.instructor.get(c.grades("summary")), ann);
        assertEquals(50.0, Api.doubleOf(a, "roles"), "a flagged grade still counts: (100 + 0 for the second block) / 2");
        assertEquals(1, Api.intOf(a, "flagged"));
        // Staff may still correct it by naming the student, then remove it; the audit keeps both.
        put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + hacker), Map.of("mark", "✓", "studentId", ann));
        c.instructor.delete(c.grades(String.valueOf(gradeId)));
        assertEquals(0.0, Api.doubleOf(line(c.instructor.get(c.grades("summary")), ann), "roles"));
        List<String> actions = c.instructor.list(c.grades("audit")).stream().map(e -> (String) e.get("action")).toList();
        assertEquals(List.of("REMOVED", "CHANGED", "GRADED"), actions);
    }

    @Test
    void a_cancelled_session_or_a_paper_taken_off_the_readings_keeps_its_grades_flagged() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long team = c.present(2, 0, ann, null);
        long critique = c.critique(3, 1, ann);
        c.takeRole(2, "Hacker", c.userId(BEN));
        c.held(2);
        put(c.instructor, c.grades("presentations/" + team), Map.of("points", 7));
        put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 4));
        Map<String, Object> session2 = new HashMap<>(c.session(2));
        session2.keySet().retainAll(List.of("number", "date", "startTime", "endTime", "topic", "location", "presentationSlots"));
        session2.put("kind", "NO_CLASS");
        c.instructor.put(c.base + "/sessions/" + c.sessionId(2), session2);
        c.instructor.delete(c.base + "/sessions/" + c.sessionId(3) + "/readings/" + c.paper(3, 1));
        Map<String, Object> refused = problem(409, () -> put(c.instructor, c.grades("roles/" + c.sessionId(2) + "/" + c.roleId("Hacker")),
                Map.of("mark", "✓")));
        assertTrue(((String) refused.get("detail")).contains("cancelled"), (String) refused.get("detail"));
        assertEquals(0, Api.intOf(line(c.instructor.get(c.grades("summary")), c.userId(BEN)), "ungraded"),
                "a cancelled session's role is not waiting for a grade");

        Map<String, Object> mine = c.instructor.get(c.grades("students/" + ann));
        List<String> flags = Api.listOf(mine, "items").stream().map(g -> (String) g.get("flag")).toList();
        assertEquals(2, flags.size(), "both grades are kept");
        assertTrue(flags.get(0).startsWith("Session 2 was cancelled"), flags.get(0));
        assertTrue(flags.get(1).contains("no longer an assigned reading of session 3"), flags.get(1));
        assertEquals(2, Api.intOf(line(c.instructor.get(c.grades("summary")), ann), "flagged"), "the summary counts both");
        assertEquals(70.0, Api.doubleOf(Api.mapOf(Api.mapOf(mine, "participation"), "presentation"), "percent"));
        put(c.instructor, c.grades("presentations/" + team), Map.of("points", 8));   // a grade given before may still change
        Map<String, Object> p = problem(409, () -> c.instructor.delete(c.base + "/sessions/" + c.sessionId(2)));
        assertTrue(((String) p.get("detail")).contains("1 grade"), (String) p.get("detail"));
    }

    @Test
    void every_grade_change_is_audited_with_who_when_and_old_to_new() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long critique = c.critique(2, 0, ann);
        long gradeId = Api.id(put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 2)).get(0));
        put(ta(c), c.grades("critiques/" + critique), Map.of("points", 3.5, "comment", "Sharper second half"));
        put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 3.5, "comment", "Sharper second half"));
        List<Map<String, Object>> history = c.instructor.list(c.grades(gradeId + "/history"));
        assertEquals(2, history.size(), "saving the same grade again changes nothing");
        assertEquals("GRADED", history.get(0).get("action"));
        assertEquals("2", history.get(0).get("newValue"));
        assertEquals("CHANGED", history.get(1).get("action"));
        assertEquals("2", history.get(1).get("oldValue"));
        assertEquals("3.5", history.get(1).get("newValue"));
        assertEquals("Tomás Assistant", history.get(1).get("actor"));
        assertNotNull(history.get(1).get("at"));
    }

    /** The demo TA, made staff of this course too. */
    Api.Session ta(GradingCourse c) {
        c.instructor.post(c.base + "/roster", Map.of("email", "ta@example.edu", "role", "TA"));
        return ta();
    }

    @Test
    void a_student_asks_for_a_regrade_within_the_window_and_staff_answer_it() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long team = c.present(2, 0, ann, null);
        c.held(2);
        long gradeId = Api.id(put(c.instructor, c.grades("presentations/" + team), Map.of("points", 6)).get(0));
        Api.Session annSession = student(1);
        problem(404, () -> annSession.post(c.grades(gradeId + "/regrades"), Map.of("reason", "Draft?")));   // not published yet
        c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of());

        problem(400, () -> annSession.post(c.grades(gradeId + "/regrades"), Map.of("reason", " ")));
        Map<String, Object> request = annSession.post(c.grades(gradeId + "/regrades"), Map.of("reason", "We covered the related work")).body();
        assertEquals("OPEN", request.get("status"));
        problem(409, () -> annSession.post(c.grades(gradeId + "/regrades"), Map.of("reason", "Again")));
        problem(404, () -> student(2).post(c.grades(gradeId + "/regrades"), Map.of("reason", "Not mine")));
        problem(409, () -> c.instructor.delete(c.grades(String.valueOf(gradeId))));

        List<Map<String, Object>> open = c.instructor.list(c.base + "/regrades?open=true");
        assertEquals(1, open.size());
        Map<String, Object> answered = c.instructor.post(c.base + "/regrades/" + request.get("id") + "/answer",
                Map.of("answer", "Agreed, the related work was there", "points", 8)).body();
        assertEquals("ANSWERED", answered.get("status"));
        assertEquals("6", answered.get("oldValue"));
        assertEquals("8", answered.get("newValue"));
        problem(409, () -> c.instructor.post(c.base + "/regrades/" + request.get("id") + "/answer", Map.of("answer", "Twice")));

        Map<String, Object> mine = annSession.get(c.grades("me"));
        assertEquals(8.0, Api.doubleOf(Api.listOf(mine, "items").get(0), "points"));
        Map<String, Object> history = Api.listOf(mine, "regrades").get(0);
        assertEquals("Agreed, the related work was there", history.get("answer"));
        assertTrue(c.instructor.list(c.base + "/regrades?open=true").isEmpty());
        assertTrue(student(2).list(c.base + "/regrades").isEmpty(), "Ben sees only his own requests");

        // Once answered, the grade may be removed; Ann's request and its answer stay, without the grade.
        c.instructor.delete(c.grades(String.valueOf(gradeId)));
        Map<String, Object> kept = annSession.list(c.base + "/regrades").get(0);
        assertEquals("We covered the related work", kept.get("reason"));
        assertEquals(null, kept.get("item"));
    }

    @Test
    void a_regrade_is_taken_inside_the_seven_day_window_and_refused_after_it() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long early = c.present(2, 0, ann, null);
        c.takeRole(3, "Hacker", ann);
        c.held(3);
        long earlyGrade = id(put(c.instructor, c.grades("presentations/" + early), Map.of("points", 6)).get(0));
        long lateGrade = id(put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + c.roleId("Hacker")), Map.of("mark", "✓")).get(0));
        clock.freeze();
        c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of());
        c.instructor.post(c.base + "/sessions/" + c.sessionId(3) + "/grades/publish", Map.of());

        clock.advance(Duration.ofDays(7));   // the last moment of the window of 7 days
        assertEquals(201, student(1).post(c.grades(lateGrade + "/regrades"), Map.of("reason", "In time")).code());
        clock.advance(Duration.ofSeconds(1));   // and a second after it closed
        Map<String, Object> p = problem(422, () -> student(1).post(c.grades(earlyGrade + "/regrades"), Map.of("reason", "Too late?")));
        assertTrue(((String) p.get("detail")).contains("closed on"), (String) p.get("detail"));
        assertTrue(((String) p.get("detail")).contains("7 days after it was published"), (String) p.get("detail"));
    }

    static long id(Map<String, Object> json) {
        return Api.id(json);
    }

    @Test
    void changing_a_scale_later_does_not_rescale_the_grades_already_given() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long ben = c.userId(BEN);
        long annTeam = c.present(2, 0, ann, null);
        long benTeam = c.present(3, 0, ben, null);
        c.held(3);
        put(c.instructor, c.grades("presentations/" + annTeam), Map.of("points", 9));
        changeGrading(c, "presentationScale", Map.of("type", "POINTS", "max", 5));
        problem(422, () -> put(c.instructor, c.grades("presentations/" + benTeam), Map.of("points", 6)));
        put(c.instructor, c.grades("presentations/" + benTeam), Map.of("points", 4));
        Map<String, Object> summary = c.instructor.get(c.grades("summary"));
        assertEquals(90.0, Api.doubleOf(line(summary, ann), "presentation"), "9 of the 10 points it was given on");
        assertEquals(80.0, Api.doubleOf(line(summary, ben), "presentation"), "4 of 5 on the new scale");
    }

    @Test
    void two_roles_in_one_block_do_not_make_up_for_a_block_without_one() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        c.takeRole(3, "Hacker", ann);          // sessions 3 and 4 are the second block
        c.takeRole(4, "Peer Reviewer", ann);
        c.held(4);
        put(c.instructor, c.grades("roles/" + c.sessionId(3) + "/" + c.roleId("Hacker")), Map.of("mark", "✓+"));
        put(c.instructor, c.grades("roles/" + c.sessionId(4) + "/" + c.roleId("Peer Reviewer")), Map.of("mark", "✓+"));
        Map<String, Object> a = line(c.instructor.get(c.grades("summary")), ann);
        assertEquals(66.7, Api.doubleOf(a, "roles"));   // (100 + 100 + 0 for the first block) / 3, missing work as 0
    }

    @Test
    void a_critique_handed_in_again_after_grading_is_flagged_until_the_grade_is_saved_again() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long critique = c.critique(2, 0, ann);
        put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 3));
        c.critique(2, 0, ann);                   // version 2
        Map<String, Object> sheet = c.instructor.get(c.base + "/sessions/" + c.sessionId(2) + "/grading");
        List<Map<String, Object>> flagged = Api.listOf(sheet, "flagged");
        assertEquals(1, flagged.size());
        assertTrue(((String) flagged.get(0).get("flag")).contains("new version (2)"), (String) flagged.get(0).get("flag"));
        assertEquals(1, Api.intOf(line(c.instructor.get(c.grades("summary")), ann), "flagged"));
        put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 3));
        sheet = c.instructor.get(c.base + "/sessions/" + c.sessionId(2) + "/grading");
        assertTrue(((List<?>) sheet.get("flagged")).isEmpty(), "the same grade, saved again, is confirmed for the new version");
        assertEquals(0, Api.intOf(line(c.instructor.get(c.grades("summary")), ann), "flagged"));
        assertEquals("CONFIRMED", c.instructor.list(c.grades("audit")).get(0).get("action"));
    }

    @Test
    void a_grading_policy_that_cannot_grade_is_refused() {
        GradingCourse c = seminar();
        Map<String, Object> course = c.instructor.get(c.base);
        Map<String, Object> policies = new HashMap<>(Api.mapOf(course, "policies"));
        Map<String, Object> grading = new HashMap<>(Api.mapOf(policies, "grading"));
        grading.put("weights", Map.of("presentation", 0, "roles", 0, "critiques", 0));
        grading.put("roleScale", Map.of("type", "MARKS", "marks", List.of()));
        policies.put("grading", grading);
        Map<String, Object> p = problem(422, () -> c.instructor.put(c.base, Map.of("code", course.get("code"), "title", "Grading Seminar",
                "term", "Fall 2026", "timeZone", "America/New_York", "policies", policies)));
        assertTrue(((String) p.get("detail")).contains("weights"), (String) p.get("detail"));
        assertTrue(((String) p.get("detail")).contains("roleScale"), (String) p.get("detail"));
        assertFalse(Api.mapOf(Api.mapOf(c.instructor.get(c.base), "policies"), "grading")
                .get("weights").equals(Map.of("presentation", 0, "roles", 0, "critiques", 0)));
    }
}
