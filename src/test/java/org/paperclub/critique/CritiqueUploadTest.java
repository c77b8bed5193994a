package org.paperclub.critique;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;
import org.paperclub.support.TestPdfs;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** Critique uploads on the UMD demo course (course 1): one-page PDFs, due at class start, one per session. */
@MicronautTest
class CritiqueUploadTest extends ApiTest {

    private static final String CRITIQUES = "/api/courses/1/critiques";
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final List<Map<String, Object>> upcoming = new ArrayList<>();
    private Map<String, Object> past;

    @BeforeAll
    void findSessions() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map<String, Object> s : student(1).list("/api/courses/1/sessions")) {
            long assigned = Api.listOf(s, "readings").stream().filter(r -> "ASSIGNED".equals(r.get("kind"))).count();
            boolean held = !"NO_CLASS".equals(s.get("kind"));
            if (held && assigned >= 2) {
                if (OffsetDateTime.parse((String) s.get("startsAt")).isAfter(now.plusDays(1))) {
                    upcoming.add(s);
                } else if (OffsetDateTime.parse((String) s.get("startsAt")).isBefore(now.minusDays(1))) {
                    past = s;
                }
            }
        }
        assertTrue(upcoming.size() >= 4 && past != null, "the demo term is mid-way: past and upcoming sessions");
    }

    // Named fixtures: the n-th upcoming session with two assigned papers, and its k-th assigned paper.
    long session(int n) {
        return Api.id(upcoming.get(n));
    }

    long paper(Map<String, Object> session, int k) {
        return Api.longOf(Api.listOf(session, "readings").stream()
                .filter(r -> "ASSIGNED".equals(r.get("kind"))).toList().get(k), "paperId");
    }

    long paper(int n, int k) {
        return paper(upcoming.get(n), k);
    }

    HttpResponse<Map<String, Object>> upload(Api.Session who, long sessionId, long paperId, byte[] pdf) {
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(sessionId))
                .addPart("paperId", String.valueOf(paperId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), pdf).build();
        return who.http().exchange(who.authorize(HttpRequest.POST(CRITIQUES, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP);
    }

    @Test
    void a_good_critique_is_accepted_with_a_receipt_and_counted() throws Exception {
        Api.Session s = student(2);
        byte[] pdf = TestPdfs.goodCritique();
        HttpResponse<Map<String, Object>> response = upload(s, session(0), paper(0, 0), pdf);
        assertEquals(201, response.code());
        Map<String, Object> receipt = response.body();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), receipt.get("sha256"));
        assertEquals(1, Api.intOf(receipt, "pages"));
        assertFalse((Boolean) receipt.get("late"));
        assertTrue(((String) receipt.get("timing")).startsWith("On time"));
        assertEquals(1, Api.intOf(receipt, "accepted"));
        assertEquals(10, Api.intOf(receipt, "required"));
        assertTrue(((List<?>) receipt.get("warnings")).isEmpty());
        // The student downloads exactly what they sent.
        byte[] back = s.http().retrieve(s.authorize(HttpRequest.GET(response.getHeaders().get("Location")))
                .accept(MediaType.of("application/pdf")), byte[].class);
        assertArrayEquals(pdf, back);
    }

    @Test
    void a_critique_at_the_last_moment_before_class_is_on_time_and_a_second_later_it_is_refused() {
        // The UMD course: due at class start, late critiques not accepted.
        Instant due = OffsetDateTime.parse((String) upcoming.get(2).get("startsAt")).toInstant();
        clock.set(due);
        Map<String, Object> receipt = upload(student(13), session(2), paper(2, 0), TestPdfs.goodCritique()).body();
        assertFalse((Boolean) receipt.get("late"));
        assertTrue(((String) receipt.get("timing")).startsWith("On time"), (String) receipt.get("timing"));

        clock.set(due.plusSeconds(1));
        Api.Session late = student(14);
        Map<String, Object> p = problem(422, () -> upload(late, session(2), paper(2, 0), TestPdfs.goodCritique()));
        assertTrue(((String) p.get("detail")).contains("late critiques are not accepted in this course"), (String) p.get("detail"));
        assertTrue(late.list(CRITIQUES).isEmpty(), "nothing is stored");
    }

    @Test
    void every_failed_check_is_listed_and_nothing_is_stored() {
        Api.Session s = student(3);
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> upload(s, Api.id(past), paper(past, 0), TestPdfs.twoPages()));
        assertEquals(422, e.getStatus().getCode());
        Map<String, Object> problem = e.getResponse().getBody(MAP).orElseThrow();
        List<String> fields = Api.listOf(problem, "errors").stream().map(v -> (String) v.get("field")).toList();
        assertTrue(fields.containsAll(List.of("deadline", "file")), fields.toString());
        String messages = problem.get("errors").toString();
        assertTrue(messages.contains("late critiques are not accepted"), messages);
        assertTrue(messages.contains("The PDF has 2 pages"), messages);
        assertTrue(s.list(CRITIQUES).isEmpty(), "nothing stored");
    }

    @Test
    void each_bad_file_gets_its_own_verdict() {
        Api.Session s = student(4);
        Map<String, byte[]> bad = Map.of(
                "The PDF has 2 pages", TestPdfs.twoPages(),
                "larger than US Letter or A4", TestPdfs.tallPage(),
                "protected by a password", TestPdfs.encrypted(),
                "could not be read", TestPdfs.truncated(),
                "not a PDF", TestPdfs.notAPdf(),
                "The file is empty", new byte[0]);
        bad.forEach((expected, pdf) -> {
            HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> upload(s, session(1), paper(1, 0), pdf));
            assertEquals(422, e.getStatus().getCode(), expected);
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains(expected), expected + " in " + e.getResponse().getBody(String.class));
        });
        assertTrue(s.list(CRITIQUES).isEmpty());
    }

    @Test
    void a_scan_is_accepted_with_a_warning() {
        Map<String, Object> receipt = upload(student(5), session(1), paper(1, 0), TestPdfs.noText()).body();
        assertTrue(((List<String>) receipt.get("warnings")).get(0).startsWith("No text could be read"));
    }

    @Test
    void one_critique_per_session_but_re_uploads_make_new_versions() {
        Api.Session s = student(6);
        upload(s, session(2), paper(2, 0), TestPdfs.goodCritique());
        Map<String, Object> v2 = upload(s, session(2), paper(2, 0), TestPdfs.a4()).body();
        assertEquals(2, Api.intOf(v2, "version"));
        assertEquals(1, Api.intOf(v2, "accepted"), "a new version is not a new critique");
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> upload(s, session(2), paper(2, 1), TestPdfs.goodCritique()));
        assertEquals(422, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("one critique per session"));
        List<Map<String, Object>> mine = s.list(CRITIQUES);
        assertEquals(1, mine.size());
        assertEquals(2, ((List<?>) mine.get(0).get("versions")).size(), "every version is kept");
    }

    @Test
    void two_parallel_uploads_for_two_papers_of_one_session_accept_exactly_one() throws Exception {
        Api.Session s = student(7);
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            long paper = paper(3, k);
            uploads.add(() -> upload(s, session(3), paper, TestPdfs.goodCritique()).code());
        }
        List<Integer> codes = Race.run(uploads, 2);
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertTrue(codes.contains(422) || codes.contains(409), codes.toString());
        assertEquals(1, s.list(CRITIQUES).size());
    }

    @Test
    void a_student_never_sees_another_students_critique() {
        Api.Session owner = student(8);
        Map<String, Object> receipt = upload(owner, session(0), paper(0, 1), TestPdfs.goodCritique()).body();
        long ownerId = Api.id(owner.get("/api/me"));
        Api.Session other = student(9);
        problem(404, () -> other.http().retrieve(other.authorize(HttpRequest.GET("/api/critiques/" + receipt.get("versionId") + "/file"))
                .accept(MediaType.of("application/pdf"), MediaType.of("application/problem+json")), byte[].class));
        // Nor does someone outside the course learn that the file exists, or in which course.
        Api.Session outsider = api().login("admin@example.edu");
        Map<String, Object> outside = problem(404, () -> outsider.http().retrieve(outsider.authorize(HttpRequest.GET("/api/critiques/"
                + receipt.get("versionId") + "/file")).accept(MediaType.of("application/pdf"), MediaType.of("application/problem+json")), byte[].class));
        assertEquals("There is no critique file " + receipt.get("versionId") + ".", outside.get("detail"));
        problem(403, () -> other.list(CRITIQUES + "?studentId=" + ownerId));
        problem(403, () -> other.get(CRITIQUES + "/progress?studentId=" + ownerId));
        assertTrue(other.list(CRITIQUES).stream().noneMatch(c -> "Student 8".equals(c.get("studentName"))));
        // Staff see it, also when they ask for that student by the same id.
        assertTrue(ta().list(CRITIQUES).stream().anyMatch(c -> "Student 8".equals(c.get("studentName"))));
        List<Map<String, Object>> owners = ta().list(CRITIQUES + "?studentId=" + ownerId);
        assertEquals(List.of(Api.longOf(receipt, "critiqueId")),
                owners.stream().map(Api::id).toList());
    }

    @Test
    void staff_print_all_critiques_of_a_session_as_one_pdf_headed_by_student_and_paper() throws Exception {
        upload(student(11), session(3), paper(3, 0), TestPdfs.goodCritique());
        upload(student(12), session(3), paper(3, 1), TestPdfs.a4());
        String path = "/api/courses/1/sessions/" + session(3) + "/critiques.pdf";
        Api.Session ta = ta();
        byte[] pdf = ta.http().retrieve(ta.authorize(HttpRequest.GET(path)).accept(MediaType.of("application/pdf")), byte[].class);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "one page per critique (and student 7's from the race)");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Student 11 —") && text.contains("Student 12 —"), text.substring(0, 300));
        }
        Api.Session student = student(11);
        problem(403, () -> student.http().retrieve(student.authorize(HttpRequest.GET(path))
                .accept(MediaType.of("application/pdf"), MediaType.of("application/problem+json")), byte[].class));
    }

    @Test
    void staff_grant_an_extension_and_upload_on_a_students_behalf() {
        Api.Session ta = ta();
        long studentId = Api.id(student(10).get("/api/me"));
        long pastSession = Api.id(past);
        problem(403, () -> student(10).post("/api/courses/1/extensions", Map.of("studentId", studentId, "hours", 10)));
        ta.post("/api/courses/1/extensions", Map.of("studentId", studentId, "sessionId", pastSession, "hours", 2000,
                "reason", "accommodation letter"));
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(pastSession))
                .addPart("paperId", String.valueOf(paper(past, 0))).addPart("studentId", String.valueOf(studentId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        Map<String, Object> receipt = ta.http().retrieve(ta.authorize(HttpRequest.POST(CRITIQUES, body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP);
        assertEquals("Tomás Assistant", receipt.get("uploadedOnBehalfBy"));
        assertFalse((Boolean) receipt.get("late"), "the extension moved the deadline");
        Map<String, Object> progress = student(10).get(CRITIQUES + "/progress");
        assertEquals(1, Api.intOf(progress, "accepted"));
    }
}
