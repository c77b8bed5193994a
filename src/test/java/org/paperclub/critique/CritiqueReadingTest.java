package org.paperclub.critique;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPdfs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** Staff read a critique in the browser beside the grading sheet; Print is there only for sessions with hand-ins. */
@MicronautTest
class CritiqueReadingTest extends ApiTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private final List<Map<String, Object>> upcoming = new ArrayList<>();

    @BeforeAll
    void findSessions() {
        OffsetDateTime soon = OffsetDateTime.now().plusDays(1);
        for (Map<String, Object> s : student(1).list("/api/courses/1/sessions")) {
            long assigned = ((List<Map<String, Object>>) s.get("readings")).stream().filter(r -> "ASSIGNED".equals(r.get("kind"))).count();
            if (!"NO_CLASS".equals(s.get("kind")) && assigned >= 1 && OffsetDateTime.parse((String) s.get("startsAt")).isAfter(soon)) {
                upcoming.add(s);
            }
        }
    }

    long session(int n) {
        return Api.id(upcoming.get(n));
    }

    long paper(int n) {
        return Api.longOf(((List<Map<String, Object>>) upcoming.get(n).get("readings")).stream()
                .filter(r -> "ASSIGNED".equals(r.get("kind"))).findFirst().orElseThrow(), "paperId");
    }

    Map<String, Object> handIn(Api.Session who, int n, byte[] pdf) {
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(session(n)))
                .addPart("paperId", String.valueOf(paper(n)))
                .addPart("file", "Meine Kritik \"final\".pdf", MediaType.of("application/pdf"), pdf).build();
        return who.http().retrieve(who.authorize(HttpRequest.POST("/api/courses/1/critiques", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP);
    }

    HttpResponse<byte[]> read(Api.Session who, long critiqueId) {
        return who.http().exchange(who.authorize(HttpRequest.GET("/api/courses/1/critiques/" + critiqueId + "/pdf"))
                .accept(MediaType.of("application/pdf"), MediaType.of("application/problem+json")), byte[].class);
    }

    @Test
    void staff_read_the_latest_version_inline_and_only_this_site_may_frame_it() {
        byte[] first = TestPdfs.goodCritique();
        byte[] second = TestPdfs.a4();
        handIn(student(3), 0, first);
        long critiqueId = Api.longOf(handIn(student(3), 0, second), "critiqueId");
        HttpResponse<byte[]> r = read(ta(), critiqueId);
        assertEquals(200, r.code());
        assertArrayEquals(second, r.body(), "the latest version is shown");
        assertEquals("application/pdf", r.getContentType().orElseThrow().getName());
        assertEquals("inline; filename=\"critique-" + critiqueId + "-v2.pdf\"", r.header("Content-Disposition"),
                "a name made of numbers, never the student's file name");
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("SAMEORIGIN", r.header("X-Frame-Options"));
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'self'"), r.header("Content-Security-Policy"));
        assertTrue(r.header("Content-Security-Policy").contains("default-src 'none'"), r.header("Content-Security-Policy"));
    }

    /**
     * A file is read from the database in chunks (StoredFiles.CHUNK): one of several chunks, not a multiple of the chunk,
     * comes back byte for byte through the download and the reader, with its length, its SHA-256, and never kept.
     */
    @Test
    void a_large_file_comes_back_whole_through_the_download_and_the_reader() {
        byte[] pdf = TestPdfs.heavyCritique("Student 7", 3 * StoredFiles.CHUNK + 12_345, 7);
        assertTrue(pdf.length > 3 * StoredFiles.CHUNK && pdf.length % StoredFiles.CHUNK != 0, "spans several chunks: " + pdf.length);
        Map<String, Object> receipt = handIn(student(7), 3, pdf);
        HttpResponse<byte[]> file = student(7).http().exchange(student(7).authorize(HttpRequest.GET("/api/critiques/"
                + receipt.get("versionId") + "/file")).accept(MediaType.of("application/pdf")), byte[].class);
        HttpResponse<byte[]> inline = read(ta(), Api.longOf(receipt, "critiqueId"));
        for (HttpResponse<byte[]> r : List.of(file, inline)) {
            assertEquals(200, r.code());
            assertArrayEquals(pdf, r.body(), "the file as it was handed in");
            assertEquals(String.valueOf(pdf.length), r.header("Content-Length"));
            assertEquals(receipt.get("sha256"), r.header("X-Content-SHA256"));
            assertEquals("application/pdf", r.getContentType().orElseThrow().getName());
            assertEquals("no-store", r.header("Cache-Control"), "a student's file is kept by no browser or proxy");
        }
        assertEquals("attachment; filename=\"critique-" + receipt.get("versionId") + ".pdf\"", file.header("Content-Disposition"));
    }

    @Test
    void every_other_answer_still_refuses_to_be_framed() {
        HttpResponse<String> page = ta().http().exchange(HttpRequest.GET("/"), String.class);
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-src 'self'"), "the page frames only its own site");
        handIn(student(6), 2, TestPdfs.goodCritique());
        HttpResponse<byte[]> download = ta().http().exchange(ta().authorize(HttpRequest.GET("/api/courses/1/sessions/" + session(2)
                + "/critiques.pdf")).accept(MediaType.of("application/pdf")), byte[].class);
        assertEquals("DENY", download.header("X-Frame-Options"));
    }

    @Test
    void the_student_who_wrote_it_may_read_it_and_another_student_learns_nothing() {
        long critiqueId = Api.longOf(handIn(student(4), 1, TestPdfs.goodCritique()), "critiqueId");
        assertEquals(200, read(student(4), critiqueId).code());
        Map<String, Object> p = problem(404, () -> read(student(5), critiqueId));
        assertEquals("There is no critique " + critiqueId + " in this course.", p.get("detail"));
        problem(404, () -> read(ta(), 999_999));
    }

    @Test
    void printing_a_session_nobody_handed_in_for_says_there_is_nothing_to_print() {
        Api.Session ta = ta();
        Map<String, Object> p = problem(409, () -> ta.http().retrieve(ta.authorize(HttpRequest.GET("/api/courses/1/sessions/"
                + session(5) + "/critiques.pdf")).accept(MediaType.of("application/pdf"), MediaType.of("application/problem+json")),
                byte[].class));
        assertTrue(((String) p.get("detail")).startsWith("There is nothing to print: nobody has handed in a critique for session "),
                (String) p.get("detail"));
    }
}
