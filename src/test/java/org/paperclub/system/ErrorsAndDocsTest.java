package org.paperclub.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

@MicronautTest
class ErrorsAndDocsTest extends ApiTest {

    @Test
    void unknown_addresses_and_malformed_requests_are_problems_not_500s() {
        Api.Session ta = ta();
        problem(404, () -> ta.get("/api/nothing-here"));
        problem(400, () -> ta.get("/api/courses/abc"));
        problem(400, () -> client.toBlocking().exchange(ta.authorize(HttpRequest.POST("/api/courses/1/sessions", "{not json")
                .contentType(MediaType.APPLICATION_JSON_TYPE))));
        problem(400, () -> client.toBlocking().exchange(ta.authorize(HttpRequest.POST("/api/courses/1/papers", "[1,2]")
                .contentType(MediaType.APPLICATION_JSON_TYPE))));
        problem(400, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/login", Map.of("email", ""))));
    }

    @Test
    void an_address_asked_for_a_type_it_never_sends_says_in_a_sentence_what_it_sends() {
        Map<String, Object> p = problem(406, () -> client.toBlocking().exchange(HttpRequest.GET("/openapi.yml")
                .accept(MediaType.APPLICATION_JSON_TYPE), String.class));
        assertEquals("This address sends application/yaml: ask for it in the Accept header, or for */*.", p.get("detail"));
    }

    @Test
    void the_openapi_document_and_its_ui_are_served() {
        String spec = client.toBlocking().retrieve("/openapi.yml");
        assertTrue(spec.contains("openapi: 3"));
        assertTrue(spec.contains("/api/courses/{courseId}/sessions"));
        assertTrue(spec.contains("/api/auth/login"));
        assertTrue(client.toBlocking().retrieve("/openapi").contains("swagger-ui-bundle.js"));
    }

    // The versions are written in pom.xml only: the page's import map is filtered at build time and the API browser
    // reads the WebJar's own coordinates, so a version bump that misses either would break here, not in a browser.
    @Test
    void the_page_and_the_api_browser_name_the_webjars_the_build_put_on_the_classpath() {
        String page = client.toBlocking().retrieve("/");
        Matcher vue = Pattern.compile("\"vue\": \"(/webjars/vue/[0-9][^/\"]*/dist/vue\\.esm-browser\\.prod\\.js)\"").matcher(page);
        assertTrue(vue.find(), page);
        assertTrue(client.toBlocking().retrieve(vue.group(1)).contains("createApp"), vue.group(1));

        String ui = client.toBlocking().retrieve("/openapi");
        Matcher swagger = Pattern.compile("\"(/webjars/swagger-ui/[0-9][^/\"]*)/swagger-ui\\.css\"").matcher(ui);
        assertTrue(swagger.find(), ui);
        assertTrue(ui.contains(swagger.group(1) + "/swagger-ui-bundle.js"), ui);
        assertTrue(client.toBlocking().retrieve(swagger.group(1) + "/swagger-ui.css").contains(".swagger-ui"));
        assertTrue(client.toBlocking().retrieve(swagger.group(1) + "/swagger-ui-bundle.js").contains("SwaggerUIBundle"));
    }

    @Test
    void health_is_up_without_signing_in() {
        assertTrue(client.toBlocking().retrieve("/health").contains("\"UP\""));
    }
}
