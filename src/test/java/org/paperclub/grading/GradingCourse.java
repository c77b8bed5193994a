package org.paperclub.grading;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import org.paperclub.support.Api;
import org.paperclub.support.TestPdfs;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A small seminar made for grading tests: four presentation sessions (the first one yesterday, so a critique of
 * it is late), two assigned papers each, two roles, and a grading policy with hand-checkable numbers — presentation
 * out of 10 points, roles on ✓-/✓/✓+ (1, 2, 3), critiques out of 4 points; weights 40/40/20; missing work counts 0;
 * two critiques required; late critiques keep 50 %.
 */
final class GradingCourse {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    final Api.Session instructor;
    final long id;
    final String base;
    List<Map<String, Object>> sessions;

    GradingCourse(Api.Session instructor, String code, List<String> studentEmails) {
        this.instructor = instructor;
        Map<String, Object> course = instructor.post("/api/courses/import", yaml(code), "application/yaml").body();
        this.id = Api.id(course);
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
                  title: Grading Seminar
                  term: Fall 2026
                  timeZone: America/New_York
                policies:
                  critiquesRequired: 2
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
                  - name: Peer Reviewer
                    description: Reviews the paper as a conference reviewer would.
                    capacity: 2
                  - name: Hacker
                    description: Implements a small piece of the paper.
                    capacity: 2
                papers:
                  - {key: p1a, title: Paper 1A}
                  - {key: p1b, title: Paper 1B}
                  - {key: p2a, title: Paper 2A}
                  - {key: p2b, title: Paper 2B}
                  - {key: p3a, title: Paper 3A}
                  - {key: p3b, title: Paper 3B}
                  - {key: p4a, title: Paper 4A}
                  - {key: p4b, title: Paper 4B}
                sessions:
                  - {number: 1, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: One, presentationSlots: 1, assigned: [p1a, p1b]}
                  - {number: 2, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: Two, presentationSlots: 1, assigned: [p2a, p2b]}
                  - {number: 3, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: Three, presentationSlots: 1, assigned: [p3a, p3b]}
                  - {number: 4, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: Four, presentationSlots: 1, location: Room 4, assigned: [p4a, p4b]}
                """.formatted(code, today.minusDays(1), today.plusDays(7), today.plusDays(9), today.plusDays(14));
    }

    /**
     * Sessions 2 to {@code last} take place now: they move to yesterday afternoon (after session 1, in their order),
     * because presentations and roles are graded only once their session has started. Critiques keep the timing
     * they were handed in with.
     */
    void held(int last) {
        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
        for (int n = 2; n <= last; n++) {
            Map<String, Object> s = session(n);
            Map<String, Object> moved = new java.util.HashMap<>();
            moved.put("number", n);
            moved.put("date", yesterday.toString());
            moved.put("startTime", (10 + 2 * n) + ":00");
            moved.put("endTime", (10 + 2 * n) + ":30");
            moved.put("topic", s.get("topic"));
            moved.put("location", s.get("location"));
            moved.put("kind", s.get("kind"));
            moved.put("presentationSlots", s.get("presentationSlots"));
            instructor.put(base + "/sessions/" + s.get("id"), moved);
        }
        sessions = instructor.list(base + "/sessions");
    }

    String grades(String path) {
        return base + "/grades/" + path;
    }

    Map<String, Object> session(int number) {
        return sessions.stream().filter(s -> Api.intOf(s, "number") == number).findFirst().orElseThrow();
    }

    long sessionId(int number) {
        return Api.id(session(number));
    }

    /** The k-th assigned paper (0 or 1) of a session. */
    long paper(int number, int k) {
        List<Map<String, Object>> readings = Api.listOf(session(number), "readings");
        return Api.longOf(readings.get(k), "paperId");
    }

    long roleId(String name) {
        return instructor.list(base + "/roles").stream().filter(r -> name.equals(r.get("name")))
                .map(r -> Api.id(r)).findFirst().orElseThrow();
    }

    long userId(String email) {
        return instructor.list(base + "/roster").stream().filter(r -> email.equals(r.get("email")))
                .map(r -> Api.longOf(r, "userId")).findFirst().orElseThrow();
    }

    /** Staff put a team on a paper; returns the presentation id. */
    long present(int session, int paperIndex, long studentId, Long partnerId) {
        Map<String, Object> body = partnerId == null ? Map.of("paperId", paper(session, paperIndex), "studentId", studentId)
                : Map.of("paperId", paper(session, paperIndex), "studentId", studentId, "partnerId", partnerId);
        return Api.id(instructor.post(base + "/sessions/" + sessionId(session) + "/presentations", body).body());
    }

    /** Staff put a student in a role; returns the sign-up id. */
    long takeRole(int session, String role, long studentId) {
        return Api.id(instructor.post(base + "/sessions/" + sessionId(session) + "/roles/" + roleId(role) + "/signups",
                Map.of("studentId", studentId)).body());
    }

    /** Staff hand in a critique for a student; returns the critique id. */
    long critique(int session, int paperIndex, long studentId) {
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(sessionId(session)))
                .addPart("paperId", String.valueOf(paper(session, paperIndex)))
                .addPart("studentId", String.valueOf(studentId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        Map<String, Object> receipt = instructor.http().retrieve(instructor.authorize(
                HttpRequest.POST(base + "/critiques", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                Argument.mapOf(String.class, Object.class));
        return Api.longOf(receipt, "critiqueId");
    }
}
