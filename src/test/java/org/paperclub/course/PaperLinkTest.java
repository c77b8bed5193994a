package org.paperclub.course;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** A paper's link is a web address the reader can follow, never script: by API, by course file, and in the page's policy. */
@MicronautTest
class PaperLinkTest extends ApiTest {

    private static final String PAPERS = "/api/courses/1/papers";
    private static final List<String> HOSTILE = List.of("javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)",
            " javascript:alert(1)", "\tjavascript:alert(1)", "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "//evil.example/x", "/api/me", "file:///etc/passwd", "https://", "http:alert(1)",
            "https://exa mple.org/", "ftp://example.org/paper.pdf");

    private static Map<String, Object> paper(String link) {
        Map<String, Object> p = new HashMap<>(Map.of("title", "Hostile paper", "authors", "Mallory", "year", 2024));
        p.put("link", link);
        return p;
    }

    private static String field(Map<String, Object> problem) {
        return (String) ((Map<?, ?>) ((List<?>) problem.get("errors")).get(0)).get("field");
    }

    @Test
    void a_script_or_data_link_is_refused_and_nothing_is_stored() {
        Api.Session ta = ta();
        int before = ta.list(PAPERS).size();
        for (String link : HOSTILE) {
            Map<String, Object> p = problem(422, () -> ta.post(PAPERS, paper(link)));
            assertEquals("link", field(p), link);
            assertTrue(((String) p.get("detail")).contains("http"), (String) p.get("detail"));
        }
        assertEquals(before, ta.list(PAPERS).size());
        Object id = ta.post(PAPERS, paper("https://example.org/paper")).body().get("id");
        problem(422, () -> ta.put(PAPERS + "/" + id, paper("javascript:alert(1)")));
        assertEquals("https://example.org/paper", ta.get(PAPERS + "/" + id).get("link"));
    }

    @Test
    void web_addresses_are_kept_and_dois_and_arxiv_ids_become_web_addresses() {
        Api.Session ta = ta();
        assertEquals("https://arxiv.org/abs/1706.03762", ta.post(PAPERS, paper("https://arxiv.org/abs/1706.03762")).body().get("link"));
        assertEquals("http://ciml.info/", ta.post(PAPERS, paper(" http://ciml.info/ ")).body().get("link"));
        assertEquals("HTTPS://Example.org/A?b=c#d", ta.post(PAPERS, paper("HTTPS://Example.org/A?b=c#d")).body().get("link"));
        assertEquals("https://doi.org/10.1145/3458817.3476209", ta.post(PAPERS, paper("10.1145/3458817.3476209")).body().get("link"));
        assertEquals("https://doi.org/10.1145/3458817.3476209", ta.post(PAPERS, paper("doi:10.1145/3458817.3476209")).body().get("link"));
        assertEquals("https://arxiv.org/abs/2106.09685v2", ta.post(PAPERS, paper("arXiv:2106.09685v2")).body().get("link"));
        assertEquals("https://arxiv.org/abs/2106.09685", ta.post(PAPERS, paper("2106.09685")).body().get("link"));
        assertEquals(null, ta.post(PAPERS, paper("  ")).body().get("link"));
    }

    @Test
    void a_course_file_with_a_script_link_is_refused_naming_the_paper() {
        Api.Session instructor = instructor();
        int before = instructor.list("/api/courses").size();
        for (String link : List.of("javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")) {
            String file = CourseFileTest.smallCourse("CS " + link.length()).replace("title: Auto-Encoding Variational Bayes",
                    "title: Auto-Encoding Variational Bayes\n    link: \"" + link + "\"");
            assertTrue(file.contains(link), file);
            Map<String, Object> p = problem(422, () -> instructor.post("/api/courses/import", file, "application/yaml"));
            assertEquals("papers[0].link", field(p), link);
        }
        assertEquals(before, instructor.list("/api/courses").size());
        String doi = CourseFileTest.smallCourse("CS DOI").replace("title: Auto-Encoding Variational Bayes",
                "title: Auto-Encoding Variational Bayes\n    link: \"arXiv:1312.6114\"");
        Object id = instructor.post("/api/courses/import", doi, "application/yaml").body().get("id");
        assertEquals("https://arxiv.org/abs/1312.6114", instructor.list("/api/courses/" + id + "/papers").get(0).get("link"));
    }

    @Test
    void the_page_is_served_with_a_policy_that_runs_only_its_own_scripts() throws Exception {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        String csp = page.getHeaders().get("Content-Security-Policy");
        assertNotNull(csp, "the page carries a Content-Security-Policy");
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        assertTrue(importMap.find(), "the page has its import map");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> directives = new HashMap<>();
        for (String d : csp.split(";")) {
            String[] parts = d.trim().split("\\s+", 2);
            directives.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        String scripts = directives.get("script-src");
        assertNotNull(scripts, csp);
        assertTrue(scripts.contains("'self'") && scripts.contains("'sha256-" + hash + "'"), csp);
        assertFalse(scripts.contains("'unsafe-inline'") || scripts.contains("*") || scripts.contains("data:"), csp);
        assertEquals("'none'", directives.get("object-src"), csp);
        assertEquals("'self'", directives.get("base-uri"), csp);
        assertEquals("'none'", directives.get("frame-ancestors"), csp);
        // API answers and the API browser carry it too.
        assertNotNull(client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getHeaders().get("Content-Security-Policy"));
        assertNotNull(client.toBlocking().exchange(HttpRequest.GET("/openapi"), String.class).getHeaders().get("Content-Security-Policy"));
    }
}
