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
import org.paperclub.support.TestPdfs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** What is wrong with an upload's file name or its page is said as such, not as some other failure. */
@MicronautTest
class UploadFileNameTest extends ApiTest {

    private static final String CRITIQUES = "/api/courses/1/critiques";

    private long session;
    private long paper;

    @BeforeAll
    void findAnUpcomingSession() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> s = student(1).list("/api/courses/1/sessions").stream()
                .filter(x -> !"NO_CLASS".equals(x.get("kind")) && OffsetDateTime.parse((String) x.get("startsAt")).isAfter(now.plusDays(1)))
                .filter(x -> Api.listOf(x, "readings").stream().anyMatch(r -> "ASSIGNED".equals(r.get("kind"))))
                .findFirst().orElseThrow();
        session = Api.id(s);
        paper = Api.longOf(Api.listOf(s, "readings").stream().filter(r -> "ASSIGNED".equals(r.get("kind")))
                .findFirst().orElseThrow(), "paperId");
    }

    HttpResponse<Map<String, Object>> upload(Api.Session who, String fileName, byte[] pdf) {
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(session))
                .addPart("paperId", String.valueOf(paper))
                .addPart("file", fileName, MediaType.of("application/pdf"), pdf).build();
        return who.http().exchange(who.authorize(HttpRequest.POST(CRITIQUES, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    void a_file_name_of_thousands_of_characters_is_refused_as_too_long_not_as_too_large() {
        Api.Session student = student(2);
        Map<String, Object> p = problem(422, () -> upload(student, "a".repeat(5000) + ".pdf", TestPdfs.goodCritique()));
        assertTrue(((String) p.get("detail")).contains("file name is too long"), (String) p.get("detail"));
        p = problem(422, () -> upload(student, "b".repeat(300) + ".pdf", TestPdfs.goodCritique()));
        assertTrue(((String) p.get("detail")).contains("file name is too long"), (String) p.get("detail"));
        // Past the 16 KB of form headers Netty buffers, whether the name reaches the upload's own check depends on
        // how the bytes arrive (multipart mixed mode hands a part over as it streams): either answer names the name.
        HttpClientResponseException huge = assertThrows(HttpClientResponseException.class,
                () -> upload(student, "d".repeat(40_000) + ".pdf", TestPdfs.goodCritique()));
        String detail = huge.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow().get("detail").toString();
        assertTrue(huge.getStatus().getCode() == 422 && detail.contains("file name is too long")
                || huge.getStatus().getCode() == 413 && detail.contains("file name, or another field of the upload form, is too long"),
                huge.getStatus() + ": " + detail);
        assertTrue(student.list(CRITIQUES).isEmpty(), "nothing was stored");
        assertEquals(201, upload(student, "c".repeat(251) + ".pdf", TestPdfs.goodCritique()).code(), "255 characters are fine");
    }

    @Test
    void a_zero_size_page_is_refused_as_not_a_real_page() {
        Api.Session student = student(3);
        Map<String, Object> p = problem(422, () -> upload(student, "critique.pdf", TestPdfs.zeroSizePage()));
        assertTrue(p.get("errors").toString().contains("not a real page"), p.toString());
        assertTrue(student.list(CRITIQUES).isEmpty(), "nothing was stored");
    }
}
