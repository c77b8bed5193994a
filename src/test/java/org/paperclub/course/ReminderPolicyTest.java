package org.paperclub.course;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reminder lead times a course sets: defaults, the course PUT, the course file both ways, the copy, and refusals. */
@MicronautTest
class ReminderPolicyTest extends ApiTest {

    private static final String FILE = """
            format: paperclub-course/1
            course: {code: %s, title: Reminder policy, term: Fall 2031, timeZone: America/New_York}
            policies:
              critiquesRequired: 2
            %s
            papers:
              - {key: a, title: Paper A}
            sessions:
              - {number: 1, date: 2031-09-09, start: "13:00", end: "14:15", topic: One, assigned: [a]}
            """;

    private long imported(String code, String reminders) {
        return Api.id(instructor().post("/api/courses/import", FILE.formatted(code, reminders), "application/yaml").body());
    }

    private Map<String, Object> reminders(long courseId) {
        return Api.mapOf(Api.mapOf(instructor().get("/api/courses/" + courseId), "policies"), "reminders");
    }

    private String column(long courseId) throws Exception {
        try (Connection db = jdbc(); PreparedStatement read = db.prepareStatement("select reminder_policy from course where id = ?")) {
            read.setLong(1, courseId);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    @Test
    void a_course_that_sets_no_reminders_reminds_24_hours_before_critiques_48_before_a_freeze_and_3_days_before_a_session()
            throws Exception {
        long id = imported("RP 1", "");
        Map<String, Object> r = reminders(id);
        assertEquals(24, Api.intOf(r, "critiqueHours"));
        assertEquals(48, Api.intOf(r, "freezeHours"));
        assertEquals(3, Api.intOf(r, "sessionDays"));
        assertNull(column(id), "the defaults are not stored, so the course follows new defaults");
        assertFalse(instructor().text("/api/courses/" + id + "/export").contains("reminders"), "nor written into its file");
    }

    @Test
    void lead_times_from_the_course_file_are_kept_and_exported_and_a_left_out_part_takes_its_default() throws Exception {
        long id = imported("RP 2", "  reminders: {critiqueHours: 12, freezeHours: 0}");
        Map<String, Object> r = reminders(id);
        assertEquals(12, Api.intOf(r, "critiqueHours"));
        assertEquals(0, Api.intOf(r, "freezeHours"), "0: off");
        assertEquals(3, Api.intOf(r, "sessionDays"));
        assertTrue(column(id).contains("\"critiqueHours\":12"), column(id));

        String exported = instructor().text("/api/courses/" + id + "/export");
        assertTrue(exported.contains("reminders:"), exported);
        long again = Api.id(instructor().post("/api/courses/import", exported.replace("RP 2", "RP 2B"), "application/yaml").body());
        assertEquals(r, reminders(again), "export, then import: the same lead times");
    }

    @Test
    void the_course_put_changes_the_lead_times_and_a_copy_into_a_new_term_keeps_them() {
        long id = imported("RP 3", "");
        Map<String, Object> course = instructor().get("/api/courses/" + id);
        Map<String, Object> policies = new HashMap<>(Api.mapOf(course, "policies"));
        policies.put("reminders", Map.of("critiqueHours", 6, "freezeHours", 72, "sessionDays", 0));
        instructor().put("/api/courses/" + id, Map.of("code", course.get("code"), "title", course.get("title"),
                "term", course.get("term"), "timeZone", course.get("timeZone"), "policies", policies));
        assertEquals(Map.of("critiqueHours", 6, "freezeHours", 72, "sessionDays", 0), reminders(id));

        long copy = Api.id(instructor().post("/api/courses/" + id + "/copy",
                Map.of("code", "RP 3", "term", "Spring 2032", "firstDay", "2032-01-27", "carryTas", false)).body());
        assertEquals(Map.of("critiqueHours", 6, "freezeHours", 72, "sessionDays", 0), reminders(copy));
    }

    @Test
    void a_lead_time_out_of_range_is_refused_with_its_range_in_the_file_and_in_the_put() {
        Map<String, Object> problem = Api.problem(422, () -> imported("RP 4", "  reminders: {critiqueHours: -1, sessionDays: 30}"));
        String said = String.valueOf(problem);
        assertTrue(said.contains("policies.reminders"), said);
        assertTrue(said.contains("critiqueHours must be between 0 (off) and 336 (14 days), not -1"), said);
        assertTrue(said.contains("sessionDays must be between 0 (off) and 14, not 30"), said);

        long id = imported("RP 5", "");
        Map<String, Object> course = instructor().get("/api/courses/" + id);
        Map<String, Object> policies = new HashMap<>(Api.mapOf(course, "policies"));
        policies.put("reminders", Map.of("freezeHours", 1000));
        Map<String, Object> refused = Api.problem(422, () -> instructor().put("/api/courses/" + id, Map.of("code", course.get("code"),
                "title", course.get("title"), "term", course.get("term"), "timeZone", course.get("timeZone"), "policies", policies)));
        assertEquals("The reminder lead times are out of range: freezeHours must be between 0 (off) and 336 (14 days), not 1000.",
                refused.get("detail"));
        assertEquals(24, Api.intOf(reminders(id), "critiqueHours"), "nothing changed");
    }

    @Test
    void a_misspelt_lead_time_in_the_course_file_is_an_error() {
        Map<String, Object> problem = Api.problem(400, () -> imported("RP 6", "  reminders: {critiqueHour: 12}"));
        assertTrue(String.valueOf(problem).contains("critiqueHour"), String.valueOf(problem));
    }

}
