package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A student asks a partner by email; the partner sees the invitation on the board and accepts it from the keyboard. */
@MicronautTest
class PartnerInvitationPageTest extends BrowserTest {

    @Test
    void a_partner_sees_the_invitation_on_the_board_and_accepts_it() {
        Map<String, Object> board = student(1).get("/api/courses/2/signups/board");
        Map<String, Object> session = ((List<Map<String, Object>>) board.get("sessions")).stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles")) && !Boolean.TRUE.equals(s.get("frozen"))).findFirst().orElseThrow();
        Object paperId = ((List<Map<String, Object>>) session.get("papers")).get(0).get("paperId");
        Map<String, Object> asked = student(11).post("/api/courses/2/sessions/" + session.get("id") + "/presentations",
                Map.of("paperId", paperId, "partnerEmail", "student12@example.edu")).body();
        By slot = By.cssSelector("li.slot[data-presentation-id='" + asked.get("id") + "']");

        browser.signIn(base, "student12@example.edu");
        browser.open(base, "#/courses/2/signups");
        WebElement answer = browser.await(slot).findElement(By.cssSelector(".invitation-answer"));
        assertTrue(answer.getText().startsWith("Student 11 asked you to present"), answer.getText());
        assertTrue(browser.driver.findElement(slot).getText().contains("Asked to join: Student 12"));
        Axe.assertNoSeriousFindings(browser.driver, "the sign-up board with an invitation to answer");

        answer.findElement(By.cssSelector("button.accept-invitation")).sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfNestedElementLocatedBy(slot, By.cssSelector("li.member.mine")));
        browser.waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("You joined Student 11"));
        Map<String, Object> mine = (Map<String, Object>) student(12).get("/api/courses/2/signups/board").get("mine");
        assertEquals(List.of(((Number) asked.get("id")).longValue()),
                ((List<Object>) mine.get("presentationIds")).stream().map(x -> ((Number) x).longValue()).toList());
        assertTrue(((List<?>) mine.get("invitations")).isEmpty());
    }
}
