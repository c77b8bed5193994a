package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.paperclub.support.Api;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/** A syllabus's names for its grade components are what students and staff read; a component of weight 0 is not shown. */
@MicronautTest
class GradeNamesPageTest extends BrowserTest {

    static final String COURSE = """
            format: paperclub-course/1
            course: {code: NAMES 1, title: Names, term: Fall 2026, timeZone: America/New_York}
            policies:
              critiquesRequired: 1
              grading:
                presentationScale: {type: POINTS, max: 10}
                roleScale: {type: POINTS, max: 3}
                critiqueScale: {type: POINTS, max: 3}
                weights: {presentation: 40, roles: 0, critiques: 60}
                missing: EXCLUDED
                regradeWindowDays: 7
                names: {presentation: In-class Presentation, critiques: Reading and Review}
            papers:
              - {key: p1, title: Paper One}
            sessions:
              - {number: 1, date: 2031-01-21, start: "10:00", end: "11:15", kind: PRESENTATION, topic: One, presentationSlots: 1, assigned: [p1]}
            """;

    @Test
    void the_student_and_the_staff_read_the_courses_names_for_its_components() {
        Api.Session instructor = instructor();
        long id = Api.id(instructor.post("/api/courses/import", COURSE, "application/yaml").body());
        instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student1@example.edu"));

        browser.signIn(base, "student1@example.edu");
        browser.open(base, "#/courses/" + id + "/my-grades");
        browser.waiting().until(textToBePresentInElementLocated(By.id("components"), "In-class Presentation"));
        List<String> rows = browser.driver.findElements(By.cssSelector("#components tbody th")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("In-class Presentation", "Reading and Review"), rows, "no row for a component of weight 0");
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/{id}/my-grades with named components");

        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + id + "/grades");
        WebElement head = browser.await(By.cssSelector("#grade-summary thead"));
        browser.waiting().until(textToBePresentInElementLocated(By.cssSelector("#grade-summary thead"), "Reading and Review"));
        assertTrue(head.getText().contains("In-class Presentation"), head.getText());
        assertTrue(!head.getText().contains("Supporting roles"), head.getText());
        String formula = browser.await(By.id("summary-policy")).getText();
        assertTrue(formula.startsWith("Participation = In-class Presentation 40 %, Reading and Review 60 %"), formula);
        assertTrue(!formula.contains("upporting roles 0"), "a component of weight 0 is not in the formula: " + formula);
    }
}
