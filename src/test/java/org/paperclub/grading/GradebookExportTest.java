package org.paperclub.grading;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gradebook CSVs, read back with commons-csv as Canvas and a spreadsheet would read them. */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class GradebookExportTest extends ApiTest {

    static List<CSVRecord> csv(Api.Session who, String path, String[] contentType) throws IOException {
        HttpResponse<String> response = who.http().exchange(who.authorize(HttpRequest.GET(path)).accept(MediaType.of("text/csv")), String.class);
        contentType[0] = response.getContentType().map(MediaType::toString).orElse("");
        assertTrue(response.getHeaders().get("Content-Disposition").startsWith("attachment"));
        try (CSVParser parser = CSVParser.parse(new StringReader(response.body()), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    @Test
    void the_canvas_gradebook_has_canvas_columns_a_points_possible_row_and_one_row_per_student() throws IOException {
        GradingCourse c = new GradingCourse(instructor(), "CSV 1", List.of("student1@example.edu", "student2@example.edu", "student3@example.edu"));
        long ann = c.userId("student1@example.edu");
        long team = c.present(2, 0, ann, null);
        c.held(3);
        GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", 8));
        long ben = c.userId("student2@example.edu");
        GradingTest.put(c.instructor, c.grades("presentations/" + c.present(3, 0, ben, null)), Map.of("points", 10));
        c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of());   // session 3's stays a draft

        String[] type = new String[1];
        List<CSVRecord> rows = csv(c.instructor, c.base + "/gradebook.csv", type);
        assertTrue(type[0].startsWith("text/csv"), type[0]);
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Main presentation (%)",
                "Supporting roles (%)", "Critiques (%)", "Participation (%)"), rows.get(0).toList());
        assertEquals("Points Possible", rows.get(1).get(0).strip());
        assertEquals(List.of("100", "100", "100", "100"), rows.get(1).toList().subList(5, 9));
        List<CSVRecord> students = rows.subList(2, rows.size());
        assertEquals(3, students.size(), "one row per student; the instructor is not a row");
        CSVRecord annRow = students.stream().filter(r -> r.get(3).equals("student1@example.edu")).findFirst().orElseThrow();
        assertEquals("1, Student", annRow.get(0), "Canvas's sortable name");
        assertEquals("0101", annRow.get(4));
        assertEquals("80.0", annRow.get(5));
        assertEquals("0.0", annRow.get(6));   // missing roles count 0 in this course
        assertEquals("32.0", annRow.get(8));  // 80×40 / 100
        CSVRecord benRow = students.stream().filter(r -> r.get(3).equals("student2@example.edu")).findFirst().orElseThrow();
        assertEquals("0.0", benRow.get(5), "a draft grade is not exported: Canvas would show what the student cannot see here");
        CSVRecord withDrafts = csv(c.instructor, c.base + "/gradebook.csv?drafts=true", type).stream()
                .filter(r -> r.get(3).equals("student2@example.edu")).findFirst().orElseThrow();
        assertEquals("100.0", withDrafts.get(5), "unless drafts are asked for");
    }

    @Test
    void canvas_ids_from_a_canvas_roster_are_written_back_for_canvas_to_match_its_rows() throws IOException {
        GradingCourse c = new GradingCourse(instructor(), "CSV 3", List.of());
        String canvasRoster = """
                Student,ID,SIS User ID,SIS Login ID,Section
                    Points Possible,,,,
                "4, Student",88123,UID-1184,student4@example.edu,Section 0201
                "5, Student",88124,,student5@example.edu,Section 0201
                """;
        c.instructor.post(c.base + "/roster/import", canvasRoster, "text/csv");
        List<CSVRecord> rows = csv(c.instructor, c.base + "/gradebook.csv", new String[1]);
        CSVRecord four = rows.stream().filter(r -> r.get(3).equals("student4@example.edu")).findFirst().orElseThrow();
        assertEquals(List.of("4, Student", "88123", "UID-1184", "student4@example.edu", "Section 0201"), four.toList().subList(0, 5));
        CSVRecord five = rows.stream().filter(r -> r.get(3).equals("student5@example.edu")).findFirst().orElseThrow();
        assertEquals("88124", five.get(1));
        assertEquals("", five.get(2), "an id Canvas did not give is left empty, not guessed");
    }

    @Test
    void an_id_column_of_another_roster_is_not_taken_for_canvas_and_formulas_are_defused() throws IOException {
        GradingCourse c = new GradingCourse(instructor(), "CSV 4", List.of());
        c.instructor.post(c.base + "/roster/import", "email,name,ID,section\nformula@example.edu,=HYPERLINK(\"x\"),20231234,@A1\n", "text/csv");
        CSVRecord six = csv(c.instructor, c.base + "/gradebook.csv", new String[1]).stream()
                .filter(r -> r.get(3).equals("formula@example.edu")).findFirst().orElseThrow();
        assertEquals("", six.get(1), "a university's own ID column is not Canvas's user id");
        assertEquals("'=HYPERLINK(\"x\")", six.get(0), "a cell that a spreadsheet would run as a formula is text");
        assertEquals("'@A1", six.get(4));
    }

    @Test
    void the_breakdown_lists_each_students_components_and_counts() throws IOException {
        GradingCourse c = new GradingCourse(instructor(), "CSV 2", List.of("student1@example.edu", "student2@example.edu"));
        long ann = c.userId("student1@example.edu");
        GradingTest.put(c.instructor, c.grades("critiques/" + c.critique(2, 0, ann)), Map.of("points", 3, "comment", "Good, \"sharp\", short"));
        c.critique(3, 0, ann);
        c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of());
        List<CSVRecord> rows = csv(c.instructor, c.base + "/grades/breakdown.csv", new String[1]);
        List<String> header = rows.get(0).toList();
        assertEquals(3, rows.size());
        CSVRecord annRow = rows.stream().filter(r -> r.get(1).equals("student1@example.edu")).findFirst().orElseThrow();
        assertEquals("37.5", annRow.get(header.indexOf("Critiques (%)")));          // (75 + 0) / 2
        assertEquals("2", annRow.get(header.indexOf("Critiques handed in")));
        assertEquals("1", annRow.get(header.indexOf("Critiques graded")));
        assertEquals("1", annRow.get(header.indexOf("Not graded yet")));
    }

    @Test
    void the_exports_use_the_courses_names_for_its_components_and_leave_out_those_of_no_weight() throws IOException {
        GradingCourse c = new GradingCourse(instructor(), "CSV 5", List.of("student1@example.edu"));
        Map<String, Object> course = c.instructor.get(c.base);
        Map<String, Object> policies = new java.util.HashMap<>((Map<String, Object>) course.get("policies"));
        Map<String, Object> grading = new java.util.HashMap<>((Map<String, Object>) policies.get("grading"));
        grading.put("weights", Map.of("presentation", 40, "roles", 0, "critiques", 60));
        grading.put("names", Map.of("presentation", "In-class Presentation", "critiques", "Reading and Review"));
        policies.put("grading", grading);
        c.instructor.put(c.base, Map.of("code", course.get("code"), "title", course.get("title"), "term", course.get("term"),
                "timeZone", course.get("timeZone"), "policies", policies));

        List<CSVRecord> rows = csv(c.instructor, c.base + "/gradebook.csv", new String[1]);
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "In-class Presentation (%)",
                "Reading and Review (%)", "Participation (%)"), rows.get(0).toList());
        assertEquals(List.of("100", "100", "100"), rows.get(1).toList().subList(5, 8));
        List<String> breakdown = csv(c.instructor, c.base + "/grades/breakdown.csv", new String[1]).get(0).toList();
        assertTrue(breakdown.contains("In-class Presentation (%)") && breakdown.contains("Reading and Review (%)"), breakdown.toString());
        assertTrue(breakdown.stream().noneMatch(h -> h.startsWith("Supporting roles (%)")), "no empty column: " + breakdown);
        Map<?, ?> names = (Map<?, ?>) c.instructor.get(c.base + "/grades/summary").get("names");
        assertEquals(Map.of("presentation", "In-class Presentation", "roles", "Supporting roles", "critiques", "Reading and Review"), names,
                "a name left out takes its default");
    }
}
