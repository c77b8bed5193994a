package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.paperclub.support.TestPdfs;
import org.paperclub.support.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A student uploads a good PDF and sees the receipt, then a two-page PDF and sees why it was refused. */
@MicronautTest
class CritiquePageTest extends BrowserTest {

    @Test
    void a_student_uploads_a_good_critique_and_a_two_page_one() throws IOException {
        Map<String, Object> upcoming = student(3).list("/api/courses/1/sessions").stream()
                .filter(s -> !"NO_CLASS".equals(s.get("kind"))
                        && Api.listOf(s, "readings").stream().filter(r -> "ASSIGNED".equals(r.get("kind"))).count() >= 2
                        && OffsetDateTime.parse((String) s.get("startsAt")).isAfter(OffsetDateTime.now().plusDays(1)))
                .findFirst().orElseThrow();
        List<Map<String, Object>> assigned = Api.listOf(upcoming, "readings").stream()
                .filter(r -> "ASSIGNED".equals(r.get("kind"))).toList();
        Path good = Files.createTempFile("critique", ".pdf");
        Path twoPages = Files.createTempFile("two-pages", ".pdf");
        Files.write(good, TestPdfs.goodCritique());
        Files.write(twoPages, TestPdfs.twoPages());

        browser.signIn(base, "student3@example.edu");
        browser.open(base, "#/courses/1/critiques");
        choose(upcoming.get("id"), assigned.get(0).get("paperId"));
        browser.driver.findElement(By.id("critique-file")).sendKeys(good.toString());
        browser.driver.findElement(By.id("critique-submit")).click();
        WebElement receipt = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
        browser.waiting().until(d -> receipt.getText().toLowerCase().contains("sha"));
        assertTrue(receipt.getText().contains("On time"), receipt.getText());
        assertEquals(1, student(3).list("/api/courses/1/critiques").size(), "stored");

        browser.open(base, "#/courses/1/critiques");
        choose(upcoming.get("id"), assigned.get(0).get("paperId"));
        browser.driver.findElement(By.id("critique-file")).sendKeys(twoPages.toString());
        browser.driver.findElement(By.id("critique-submit")).click();
        WebElement problem = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-problem")));
        browser.waiting().until(d -> problem.getText().contains("2 pages"));
        assertTrue(problem.getText().contains("a critique has at most 1 page"), problem.getText());
    }

    private void choose(Object sessionId, Object paperId) {
        new Select(browser.await(By.id("critique-session"))).selectByValue(String.valueOf(sessionId));
        browser.waiting().until(d -> !new Select(d.findElement(By.id("critique-paper"))).getOptions().isEmpty());
        new Select(browser.driver.findElement(By.id("critique-paper"))).selectByValue(String.valueOf(paperId));
    }
}
