package org.paperclub.notify;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import org.paperclub.support.Api;
import org.paperclub.support.TestPdfs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A seminar for the notice tests: session 1 was yesterday (its work can be graded), sessions 2 to 4 are a week
 * and more away (students may still sign up for them); two roles of two seats; an off-list paper for proposals.
 */
final class NoticeCourse {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    final Api.Session instructor;
    final long id;
    final String base;
    final String code;
    List<Map<String, Object>> sessions;

    NoticeCourse(Api.Session instructor, String code, List<String> studentEmails) {
        this.instructor = instructor;
        this.code = code;
        this.id = Api.id(instructor.post("/api/courses/import", yaml(code), "application/yaml").body());
        this.base = "/api/courses/" + id;
        for (String email : studentEmails) {
            instructor.post(base + "/roster", Map.of("email", email, "section", "0101"));
        }
        this.sessions = instructor.list(base + "/sessions");
    }

    static String yaml(String code) {
        LocalDate today = LocalDate.now(ZONE);
        return """
                format: paperclub-course/1
                course:
                  code: %s
                  title: Notice Seminar
                  term: Fall 2026
                  timeZone: America/New_York
                policies:
                  signupFreezeHours: 24
                  latePolicy:
                    accepted: true
                    penalty:
                      per: DAYS
                      keepPercent: [50, 50, 50]
                  grading:
                    presentationScale: {type: POINTS, max: 10}
                    roleScale:
                      type: MARKS
                      marks: [{label: "✓-", points: 1}, {label: "✓", points: 2}, {label: "✓+", points: 3}]
                    critiqueScale: {type: POINTS, max: 4}
                    weights: {presentation: 40, roles: 40, critiques: 20}
                    missing: ZERO
                    regradeWindowDays: 7
                roles:
                  - {name: Peer Reviewer, description: Reviews the paper., capacity: 2}
                  - {name: Hacker, description: Implements a piece of it., capacity: 2}
                papers:
                  - {key: p1a, title: Paper 1A}
                  - {key: p2a, title: Paper 2A}
                  - {key: p3a, title: Paper 3A}
                  - {key: p4a, title: Paper 4A}
                  - {key: own, title: A Paper Of Our Own, official: false}
                sessions:
                  - {number: 1, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: One, presentationSlots: 2, assigned: [p1a]}
                  - {number: 2, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: Two, presentationSlots: 2, assigned: [p2a]}
                  - {number: 3, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: Three, presentationSlots: 2, assigned: [p3a]}
                  - {number: 4, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: Four, presentationSlots: 2, assigned: [p4a]}
                """.formatted(code, today.minusDays(1), today.plusDays(7), today.plusDays(9), today.plusDays(14));
    }

    Map<String, Object> session(int number) {
        return sessions.stream().filter(s -> Api.intOf(s, "number") == number).findFirst().orElseThrow();
    }

    long sessionId(int number) {
        return Api.id(session(number));
    }

    String sessionPath(int number) {
        return base + "/sessions/" + sessionId(number);
    }

    long paper(String title) {
        return instructor.list(base + "/papers").stream().filter(p -> title.equals(p.get("title"))).map(Api::id)
                .findFirst().orElseThrow();
    }

    long roleId(String name) {
        return instructor.list(base + "/roles").stream().filter(r -> name.equals(r.get("name"))).map(Api::id)
                .findFirst().orElseThrow();
    }

    long userId(String email) {
        return instructor.list(base + "/roster").stream().filter(r -> email.equals(r.get("email")))
                .map(r -> Api.longOf(r, "userId")).findFirst().orElseThrow();
    }

    /** Staff put a student in a role; returns the sign-up id. */
    long takeRole(int session, String role, long studentId) {
        return Api.id(instructor.post(sessionPath(session) + "/roles/" + roleId(role) + "/signups", Map.of("studentId", studentId)).body());
    }

    /** Staff hand in a critique of the session's paper for a student; returns the critique id. */
    long critique(int session, String paper, long studentId) {
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(sessionId(session)))
                .addPart("paperId", String.valueOf(paper(paper)))
                .addPart("studentId", String.valueOf(studentId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        Map<String, Object> receipt = instructor.http().retrieve(instructor.authorize(
                HttpRequest.POST(base + "/critiques", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                Argument.mapOf(String.class, Object.class));
        return Api.longOf(receipt, "critiqueId");
    }

    /** Staff grade something (a path under /grades/); returns the grades given. */
    List<Map<String, Object>> grade(String path, Map<String, Object> body) {
        return instructor.http().retrieve(instructor.authorize(HttpRequest.PUT(base + "/grades/" + path, body)),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** The session as the session form sends it back, with these fields changed. */
    Map<String, Object> sessionWith(int number, Map<String, Object> changes) {
        Map<String, Object> s = session(number);
        Map<String, Object> body = new HashMap<>();
        for (String key : List.of("number", "date", "startTime", "endTime", "topic", "location", "kind", "presentationSlots")) {
            if (s.get(key) != null) {
                body.put(key, s.get(key));
            }
        }
        body.putAll(changes);
        return body;
    }

    /** The person's notices of this course, newest first, of one kind. */
    List<Map<String, Object>> notices(Api.Session who, NoticeKind kind) {
        return Api.listOf(who.get("/api/me/notifications?limit=100"), "items").stream()
                .filter(n -> Api.longOf(n, "courseId") == id && kind.name().equals(n.get("kind")))
                .collect(Collectors.toList());
    }
}
