package org.paperclub.grading;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPdfs;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation under {@code /api/courses/{courseId}} in the OpenAPI document, called by someone outside the
 * course, is refused (403 or 404), and without a session 401: a new endpoint that forgets its access check fails
 * here. The path's ids are real ones of the course (a session, a team, a grade, a regrade request, ...), so that
 * an endpoint without its check would find what it was asked for and answer 2xx. It lives beside GradingCourse,
 * which builds such a course.
 */
@MicronautTest
class CourseEndpointsAccessTest extends ApiTest {

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private GradingCourse course;
    private final Map<String, Long> ids = new HashMap<>();
    private Map<String, Object> document;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void aCourseWithSomethingBehindEveryId() {
        course = new GradingCourse(instructor(), "WALK 1", List.of("student1@example.edu", "student2@example.edu",
                "student3@example.edu"));
        long first = course.userId("student1@example.edu");
        long second = course.userId("student2@example.edu");
        course.held(2);
        long team = course.present(2, 0, first, null);
        ids.put("courseId", course.id);
        ids.put("sessionId", course.sessionId(2));
        ids.put("paperId", course.paper(2, 0));
        ids.put("presentationId", team);
        ids.put("roleId", course.roleId("Hacker"));
        ids.put("signupId", course.takeRole(2, "Hacker", second));
        ids.put("critiqueId", course.critique(1, 0, first));
        ids.put("studentId", first);
        ids.put("userId", first);
        long gradeId = Api.id(GradingTest.put(course.instructor, course.grades("presentations/" + team), Map.of("points", 5)).get(0));
        ids.put("gradeId", gradeId);
        course.instructor.post(course.base + "/sessions/" + course.sessionId(2) + "/grades/publish", Map.of());
        ids.put("requestId", Api.id(student(1).post(course.grades(gradeId + "/regrades"), Map.of("reason", "Please look again")).body()));
        // Student 3 asks student 2 to present with them: an invitation waiting for an answer.
        student(3).post(course.base + "/sessions/" + course.sessionId(3) + "/presentations",
                Map.of("paperId", course.paper(3, 0), "partnerEmail", "student2@example.edu"));
        Map<String, Object> mine = Api.mapOf(student(2).get(course.base + "/signups/board"), "mine");
        ids.put("invitationId", Api.id(Api.listOf(mine, "invitations").get(0)));
        ids.put("announcementId", Api.id(course.instructor.post(course.base + "/announcements",
                Map.of("title", "Welcome", "body", "See you Tuesday.")).body()));
        ids.put("linkId", lmsCourseLinkedTo(course.id));
        document = new Yaml().load(client.toBlocking().retrieve("/openapi.yml"));
    }

    /** An LMS course linked to this course, as a first instructor launch leaves it (a platform and its context). */
    private long lmsCourseLinkedTo(long courseId) {
        try (var db = jdbc(); var s = db.createStatement()) {
            s.execute("insert into lti_registration (name, issuer, client_id, auth_login_url, access_token_url, jwks_url,"
                    + " created_at, updated_at) values ('Walk LMS', 'https://walk-lms.example.edu', 'walk', 'https://walk-lms.example.edu/auth',"
                    + " 'https://walk-lms.example.edu/token', 'https://walk-lms.example.edu/jwks', current_timestamp, current_timestamp)");
            s.execute("insert into lti_context (registration_id, deployment_id, context_id, course_id, title, created_at, updated_at)"
                    + " select id, 'd1', 'walk-course', " + courseId + ", 'Walk course', current_timestamp, current_timestamp"
                    + " from lti_registration where issuer = 'https://walk-lms.example.edu'");
            try (var r = s.executeQuery("select id from lti_context where context_id = 'walk-course'")) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Someone signed in who is enrolled in other courses (the demo ones), not in this one. */
    private Api.Session outsider() {
        return student(20);
    }

    @Test
    void someone_outside_the_course_is_refused_every_course_operation() {
        Api.Session outsider = outsider();
        List<String> wrong = new ArrayList<>();
        List<Operation> operations = operations();
        for (Operation op : operations) {
            int status = call(asJson(outsider.authorize(request(op))));
            if (status != 403 && status != 404) {
                wrong.add(op + " -> " + status);
            }
        }
        assertTrue(operations.size() > 50, "the document lists the course operations: " + operations.size());
        assertTrue(wrong.isEmpty(), "answered to someone outside the course:\n" + String.join("\n", wrong));
    }

    @Test
    void every_course_operation_asks_to_sign_in_first() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            int status = call(asJson(request(op)));
            if (status != 401) {
                wrong.add(op + " -> " + status);
            }
        }
        assertTrue(wrong.isEmpty(), "answered without a session:\n" + String.join("\n", wrong));
    }

    /**
     * Asks for JSON, as the page's fetch helper and scripts do, also of the downloads (iCalendar, CSV, PDF): they send
     * their file whatever is accepted (system/Downloads), so that only the access check decides, never a 406.
     */
    private static MutableHttpRequest<?> asJson(MutableHttpRequest<?> request) {
        request.getHeaders().set("Accept", MediaType.APPLICATION_JSON);
        return request;
    }

    private int call(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    record Operation(HttpMethod method, String template, String path, Map<String, Object> spec) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** The operation's request with a minimal body that passes validation, so that only the access check can refuse it. */
    @SuppressWarnings("unchecked")
    private MutableHttpRequest<?> request(Operation op) {
        Map<String, Object> content = op.spec().get("requestBody") instanceof Map<?, ?> b
                ? (Map<String, Object>) ((Map<String, Object>) b).get("content") : null;
        MutableHttpRequest<Object> request = HttpRequest.create(op.method(), op.path());
        if (content == null || content.isEmpty()) {
            return request;
        }
        if (content.containsKey("multipart/form-data")) {
            MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(ids.get("sessionId")))
                    .addPart("paperId", String.valueOf(ids.get("paperId")))
                    .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
            return request.body(body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        }
        if (content.containsKey("text/csv")) {
            return request.body("email,name\nsomeone@example.edu,Someone\n").contentType("text/csv");
        }
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        return request.body(example(Api.mapOf(json, "schema"))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        List<Operation> list = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((template, ops) -> {
            if (!template.startsWith("/api/courses/{courseId}")) {
                return;
            }
            ops.forEach((method, spec) -> {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    list.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), template, fill(template), (Map<String, Object>) spec));
                }
            });
        });
        return list;
    }

    private String fill(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Long id = ids.get(m.group(1));
            if (id == null) {
                throw new AssertionError("No id of this course for {" + m.group(1) + "} in " + template + ": add one to the setup");
            }
            m.appendReplacement(out, String.valueOf(id));
        }
        return m.appendTail(out).toString();
    }

    /** A value of the schema: its required properties with plain values, ids of this course where they fit. */
    @SuppressWarnings("unchecked")
    private Object example(Map<String, Object> schema) {
        if (schema == null) {
            return Map.of();
        }
        if (schema.get("$ref") instanceof String ref) {
            return example(component(ref));
        }
        if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            return example((Map<String, Object>) all.get(0));
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.getOrDefault("type", "object"));
        switch (type) {
            case "string" -> {
                if ("email".equals(schema.get("format"))) {
                    return "someone@example.edu";
                }
                if ("date".equals(schema.get("format"))) {
                    return "2026-09-01";
                }
                if ("partial-time".equals(schema.get("format"))) {
                    return "10:00";
                }
                if ("date-time".equals(schema.get("format"))) {
                    return "2026-09-01T10:00:00Z";
                }
                int min = schema.get("minLength") instanceof Number n ? n.intValue() : 1;
                return "x".repeat(Math.max(min, 12));
            }
            case "integer", "number" -> {
                return schema.get("minimum") instanceof Number n ? n : 1;
            }
            case "boolean" -> {
                return false;
            }
            case "array" -> {
                return List.of();
            }
            default -> {
                Map<String, Object> out = new LinkedHashMap<>();
                Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
                for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
                    Long id = ids.get(name);
                    out.put((String) name, id != null ? id : example(properties.get(name)));
                }
                return out;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> component(String ref) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return ((Map<String, Map<String, Object>>) Api.mapOf(document, "components").get("schemas")).get(name);
    }
}
