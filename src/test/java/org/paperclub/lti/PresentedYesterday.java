package org.paperclub.lti;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The course file the grade-passback tests start from: one presentation session held yesterday (UTC) with {@code n}
 * papers and slots, graded on presentations alone (points out of 10), so each student's participation is their one
 * presentation's grade.
 */
final class PresentedYesterday {

    private PresentedYesterday() {
    }

    static String courseFile(String code, String title, int n) {
        StringBuilder yaml = new StringBuilder("""
                format: paperclub-course/1
                course: {code: %s, title: %s, term: Fall 2027, timeZone: UTC}
                policies:
                  presentationsPerStudent: 1
                  grading:
                    presentationScale: {type: POINTS, max: 10}
                    roleScale: {type: POINTS, max: 10}
                    critiqueScale: {type: POINTS, max: 10}
                    weights: {presentation: 100, roles: 0, critiques: 0}
                    missing: ZERO
                    regradeWindowDays: 7
                papers:
                """.formatted(code, title));
        StringBuilder assigned = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            yaml.append("  - {key: p").append(i).append(", title: Paper ").append(i).append("}\n");
            assigned.append(i == 1 ? "" : ", ").append("p").append(i);
        }
        yaml.append("sessions:\n  - {number: 1, date: ").append(LocalDate.now(ZoneOffset.UTC).minusDays(1))
                .append(", start: \"10:00\", end: \"11:00\", kind: PRESENTATION, topic: Talks, presentationSlots: ").append(n)
                .append(", assigned: [").append(assigned).append("]}\n");
        return yaml.toString();
    }
}
