package org.paperclub.grading;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grade summary and the gradebook export are made by a path of their own, cut down for courses of thousands of
 * students (no explanation sentences, flags counted without being written). Staff compare the summary with a
 * student's page: on the demo term, with its graded, draft, late and re-uploaded work and a regrade waiting, every
 * student's line must say what their own page says, and the export what the line says.
 */
@MicronautTest
class GradeSummaryAgreesTest extends ApiTest {

    /**
     * The demo's courses are small, so the summary's lines are made by two threads here from 3 students on (a large
     * course's way): each half's lines must be every student's, once, in roster order. The other grading tests keep
     * the default, and so the one-thread way.
     */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("paperclub.demo.activity", "true", "paperclub.grading.lines-shared-from", "3");
    }

    @Test
    void every_students_summary_line_and_export_row_say_what_their_grades_page_says() throws IOException {
        Api.Session staff = instructor();
        for (long course : List.of(1L, 2L)) {
            String base = "/api/courses/" + course;
            Map<String, Object> summary = staff.get(base + "/grades/summary");
            List<Map<String, Object>> lines = Api.listOf(summary, "students");
            assertFalse(lines.isEmpty());
            List<Object> rosterStudents = staff.list(base + "/roster").stream().filter(e -> "STUDENT".equals(e.get("role")))
                    .map(e -> e.get("userId")).toList();
            assertEquals(rosterStudents, lines.stream().map(l -> l.get("studentId")).toList(),
                    "one line per student of the roster, in its order");
            assertEquals(staff.list(base + "/regrades?open=true"), summary.get("openRegrades"),
                    "the open regrade requests, as the regrade list shows them");
            List<CSVRecord> rows = GradebookExportTest.csv(staff, base + "/gradebook.csv?drafts=true", new String[1]);
            List<String> header = rows.get(0).toList();
            int participationColumn = header.indexOf("Participation (%)");
            int graded = 0;
            for (Map<String, Object> line : lines) {
                long id = ((Number) line.get("studentId")).longValue();
                Map<String, Object> page = staff.get(base + "/grades/students/" + id);
                Map<String, Object> p = Api.mapOf(page, "participation");
                String who = "student " + id + " in course " + course;
                assertEquals(p.get("percent"), line.get("participation"), who);
                assertEquals(Api.mapOf(p, "presentation").get("percent"), line.get("presentation"), who);
                assertEquals(Api.mapOf(p, "roles").get("percent"), line.get("roles"), who);
                assertEquals(Api.mapOf(p, "critiques").get("percent"), line.get("critiques"), who);
                assertEquals(Api.mapOf(p, "presentation").get("graded"), line.get("presentationsGraded"), who);
                assertEquals(Api.mapOf(p, "roles").get("graded"), line.get("rolesGraded"), who);
                assertEquals(Api.mapOf(p, "critiques").get("graded"), line.get("critiquesGraded"), who);
                List<Map<String, Object>> items = Api.listOf(page, "items");
                assertEquals(items.stream().filter(g -> g.get("flag") != null).count(), (long) Api.intOf(line, "flagged"), who);
                assertEquals(items.stream().filter(g -> g.get("publishedAt") == null).count(), (long) Api.intOf(line, "unpublished"), who);
                assertEquals(Api.intOf(Api.mapOf(page, "progress"), "critiquesAccepted"), Api.intOf(line, "critiquesAccepted"), who);
                graded += items.size();

                CSVRecord row = rows.stream().filter(r -> r.get(3).equals(line.get("email"))).findFirst().orElseThrow();
                Object percent = line.get("participation");
                assertEquals(percent == null ? "" : String.format(Locale.ROOT, "%.1f", ((Number) percent).doubleValue()),
                        row.get(participationColumn), who);
            }
            assertTrue(course != 1 || graded > 50, "the demo term has grades to compare (course 1: " + graded + ")");
            assertTrue(lines.stream().anyMatch(l -> Objects.nonNull(l.get("participation"))) || course != 1);
        }
    }
}
