package org.paperclub.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

@MicronautTest
class RosterTest extends ApiTest {

    private static final String ROSTER = "/api/courses/1/roster";

    @Test
    void staff_see_the_roster_and_students_do_not() {
        List<Map<String, Object>> roster = ta().list(ROSTER);
        assertTrue(roster.size() >= 22);
        assertTrue(roster.stream().anyMatch(r -> "student20@example.edu".equals(r.get("email"))));
        assertEquals("INSTRUCTOR", roster.get(0).get("role"), "staff first");
        problem(403, () -> student().list(ROSTER));
    }

    @Test
    void a_person_added_by_staff_sets_their_password_through_the_link_shown_once() {
        Map<String, Object> added = ta().post(ROSTER, Map.of("email", "Grace.Hopper@Example.edu", "name", "Grace Hopper")).body();
        assertNotNull(added.get("invitationLink"));
        assertNotNull(added.get("invitationExpiresAt"));
        assertNull(added.get("initialPassword"), "no password is made for anyone");
        assertEquals("STUDENT", Api.mapOf(added, "entry").get("role"));
        Map<String, Object> me = api().acceptInvitation(added, "cobol-forever-1959").get("/api/me");
        assertEquals("Grace Hopper", me.get("name"));
        // Enrolling an account that has its password shows no link.
        Map<String, Object> again = ta().post(ROSTER, Map.of("email", "grace.hopper@example.edu", "section", "0102")).body();
        assertNull(again.get("invitationLink"));
    }

    @Test
    void only_instructors_add_staff() {
        problem(403, () -> ta().post(ROSTER, Map.of("email", "new.ta@example.edu", "role", "TA")));
        assertEquals(201, instructor().post(ROSTER, Map.of("email", "new.ta@example.edu", "role", "TA")).code());
        problem(400, () -> ta().post(ROSTER, Map.of("email", "not-an-email")));
    }

    @Test
    void a_csv_roster_is_imported() {
        String csv = """
                email,name,role,section
                alan.turing@example.edu,Alan Turing,student,0101
                student1@example.edu,Student 1,student,0102
                """;
        Map<String, Object> result = ta().post(ROSTER + "/import", csv, "text/csv").body();
        assertEquals(1, Api.intOf(result, "added"));
        assertEquals(1, Api.intOf(result, "updated"));
        assertEquals(1, Api.intOf(result, "accountsCreated"));
        assertTrue(ta().list(ROSTER).stream().anyMatch(r -> "alan.turing@example.edu".equals(r.get("email"))
                && "0101".equals(r.get("section"))));
    }

    @Test
    void canvas_roster_columns_are_understood() {
        String canvas = """
                Student,ID,SIS User ID,SIS Login ID,Section
                    Points Possible,,,,
                "Lovelace, Ada",1001,U1001,ada.lovelace@example.edu,CMSC848K 0101
                """;
        Map<String, Object> result = ta().post(ROSTER + "/import", canvas, "text/csv").body();
        assertEquals(1, Api.intOf(result, "added"));
        Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) ((List<?>) result.get("people")).get(0)).get("entry");
        assertEquals("Ada Lovelace", entry.get("name"));
        assertEquals("CMSC848K 0101", entry.get("section"));
    }

    @Test
    void one_bad_row_refuses_the_whole_file_and_names_every_bad_line() {
        Api.Session ta = ta();
        int before = ta.list(ROSTER).size();
        String csv = """
                email,name,role
                claude.shannon@example.edu,Claude Shannon,student
                not-an-email,Somebody,student
                john.nash@example.edu,John Nash,professor
                claude.shannon@example.edu,Claude Shannon,student
                """;
        Map<String, Object> p = problem(422, () -> ta.post(ROSTER + "/import", csv, "text/csv"));
        List<String> lines = ((List<?>) p.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
        assertEquals(List.of("line 3", "line 4", "line 5"), lines);
        assertTrue(((String) p.get("detail")).contains("nobody was added"));
        assertEquals(before, ta.list(ROSTER).size());
        problem(422, () -> ta.post(ROSTER + "/import", "name\nNo Email Column\n", "text/csv"));
        problem(422, () -> ta.post(ROSTER + "/import", "email,name,role\nnew.staff@example.edu,X,TA\n", "text/csv"));
    }

    @Test
    void the_roster_export_imports_back_unchanged() {
        String csv = Api.csv(ta(), ROSTER + "/export");
        assertTrue(csv.startsWith("email,name,role,section"), csv);
        assertTrue(csv.contains("instructor@example.edu,"), csv);
        List<Map<String, Object>> before = instructor().list(ROSTER);
        Map<String, Object> result = instructor().post(ROSTER + "/import", csv, "text/csv").body();
        assertEquals(0, ((Number) result.get("added")).intValue());
        assertEquals(before.size(), ((Number) result.get("updated")).intValue());
        assertEquals(before, instructor().list(ROSTER), "the same people, roles and sections");
        problem(403, () -> Api.csv(student(), ROSTER + "/export"));
    }
}
