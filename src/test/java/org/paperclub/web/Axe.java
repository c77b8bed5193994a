package org.paperclub.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (bundled in Deque's jar, nothing downloaded) run on the page as it stands, against WCAG 2.0 and 2.1,
 * levels A and AA. The bar is none of the findings axe rates serious or critical; minor and moderate ones are
 * printed so they can be read, not failed on.
 */
final class Axe {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Axe() {
    }

    /** Fails with every serious or critical WCAG 2.1 AA finding on the current page, each with where it is. */
    static void assertNoSeriousFindings(WebDriver driver, String where) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        assertTrue(results.getErrorMessage() == null || results.getErrorMessage().isBlank(),
                () -> "axe-core could not check " + where + ": " + results.getErrorMessage());
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        results.getViolations().stream().filter(rule -> !BLOCKING.contains(rule.getImpact())).forEach(rule ->
                System.out.println("axe (" + rule.getImpact() + ") on " + where + ": " + describe(rule)));
        assertTrue(blocking.isEmpty(), () -> "WCAG 2.1 AA findings on " + where + ":\n"
                + blocking.stream().map(Axe::describe).collect(Collectors.joining("\n")));
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream().limit(5)
                .map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " at " + nodes;
    }
}
