package org.paperclub.course;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The late policy and the grading policy are stored as JSON in one column each: nothing while a course keeps the
 * defaults (so that it follows new defaults), and what was stored before is still read.
 */
@MicronautTest
class StoredPoliciesTest extends ApiTest {

    private long newCourse(String code) {
        return Api.id(instructor().post("/api/courses", Map.of("code", code, "title", "Stored policies", "term", "Fall 2026",
                "timeZone", "America/New_York")).body());
    }

    private String column(long courseId, String column) throws Exception {
        try (Connection db = jdbc(); PreparedStatement read = db.prepareStatement("select " + column + " from course where id = ?")) {
            read.setLong(1, courseId);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private Map<String, Object> policies(long courseId) {
        return (Map<String, Object>) instructor().get("/api/courses/" + courseId).get("policies");
    }

    @Test
    void a_course_that_keeps_the_default_policies_stores_nothing_for_them() throws Exception {
        long id = newCourse("STORE 1");
        assertNull(column(id, "late_policy"));
        assertNull(column(id, "grading_policy"));
        assertEquals(false, ((Map<?, ?>) policies(id).get("latePolicy")).get("accepted"));
        assertEquals(7, ((Number) ((Map<?, ?>) policies(id).get("grading")).get("regradeWindowDays")).intValue());
    }

    @Test
    void a_changed_late_policy_is_stored_as_json_and_read_back_the_same() throws Exception {
        long id = newCourse("STORE 2");
        Map<String, Object> course = instructor().get("/api/courses/" + id);
        Map<String, Object> policies = new HashMap<>(policies(id));
        Map<String, Object> late = Map.of("accepted", true, "grace", Map.of("unit", "DAYS", "budget", 3),
                "penalty", Map.of("per", "DAYS", "keepPercent", List.of(80, 60)), "cutoffHours", 96);
        policies.put("latePolicy", late);
        instructor().put("/api/courses/" + id, Map.of("code", course.get("code"), "title", course.get("title"),
                "term", course.get("term"), "timeZone", course.get("timeZone"), "policies", policies));
        String stored = column(id, "late_policy");
        assertTrue(stored.startsWith("{") && stored.contains("\"cutoffHours\":96"), stored);
        assertNull(column(id, "grading_policy"), "the grading policy was left at its defaults");
        Map<?, ?> read = (Map<?, ?>) policies(id).get("latePolicy");
        assertEquals(true, read.get("accepted"));
        assertEquals(List.of(80, 60), ((Map<?, ?>) read.get("penalty")).get("keepPercent"));
        assertEquals(96, ((Number) read.get("cutoffHours")).intValue());
    }

    @Test
    void policies_stored_with_their_empty_fields_written_out_are_still_read() throws Exception {
        long id = newCourse("STORE 3");
        try (Connection db = jdbc(); PreparedStatement write = db.prepareStatement(
                "update course set late_policy = ?, grading_policy = ? where id = ?")) {
            write.setString(1, "{\"accepted\":true,\"grace\":{\"unit\":\"HOURS\",\"budget\":48,\"maxPerItem\":null},"
                    + "\"penalty\":null,\"cutoffHours\":null}");
            write.setString(2, "{\"presentationScale\":{\"type\":\"POINTS\",\"max\":20.0,\"marks\":[]},"
                    + "\"roleScale\":{\"type\":\"MARKS\",\"max\":2.0,\"marks\":[{\"label\":\"ok\",\"points\":1.0},{\"label\":\"good\",\"points\":2.0}]},"
                    + "\"critiqueScale\":{\"type\":\"POINTS\",\"max\":4.0,\"marks\":[]},"
                    + "\"weights\":{\"presentation\":60.0,\"roles\":40.0,\"critiques\":0.0},\"missing\":\"ZERO\",\"regradeWindowDays\":5}");
            write.setLong(3, id);
            write.executeUpdate();
        }
        Map<String, Object> p = policies(id);
        Map<?, ?> late = (Map<?, ?>) p.get("latePolicy");
        assertEquals(48, ((Number) ((Map<?, ?>) late.get("grace")).get("budget")).intValue());
        Map<?, ?> grading = (Map<?, ?>) p.get("grading");
        assertEquals(20.0, ((Number) ((Map<?, ?>) grading.get("presentationScale")).get("max")).doubleValue());
        assertEquals("good", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) grading.get("roleScale")).get("marks")).get(1)).get("label"));
        assertEquals("ZERO", grading.get("missing"));
        assertEquals(5, ((Number) grading.get("regradeWindowDays")).intValue());
    }
}
