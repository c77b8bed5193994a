package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import org.paperclub.course.Commands.CourseCommand;
import org.paperclub.course.CourseViews.CourseView;

import java.util.List;

import static org.paperclub.system.Html.escape;

/**
 * The pages of the launch, rendered here rather than by the app: they are read inside the LMS's frame, often before
 * the session cookie works there. Every value from a platform or a person is escaped; the only scripts are the site's
 * own files ({@code /lti-landing.js}, {@code /lti-autopost.js}), so the pages run under a CSP without inline script.
 */
final class LtiPages {

    private LtiPages() {
    }

    static String refusal(String sentence, String detail) {
        return page("Paperclub could not open", """
                <h1>Paperclub could not open</h1>
                <div class="problem" role="alert"><p>%s</p></div>
                <details><summary>Details for your LMS administrator</summary><p><code>%s</code></p></details>
                """.formatted(escape(sentence), escape(detail)));
    }

    static String notSetUp(String platformName) {
        return page("Not set up yet", """
                <h1>Not set up yet</h1>
                <p class="notice" role="status">Your instructor has not set up Paperclub for this course yet.</p>
                <p>Once they have, the same link in %s opens the course. Nothing was saved about you.</p>
                """.formatted(escape(platformName)));
    }

    /** {@code chosen}: the radio the instructor had chosen when the form comes back with an error; null for the first offer. */
    static String chooseCourse(Launches.ChooseCourse c, @Nullable String error, @Nullable String chosen) {
        boolean known = chosen != null && (chosen.equals("new")
                || c.courses().stream().anyMatch(course -> String.valueOf(course.id()).equals(chosen)));
        String checked = known ? chosen : c.courses().isEmpty() ? "new" : String.valueOf(c.courses().get(0).id());
        StringBuilder options = new StringBuilder();
        for (CourseView course : c.courses()) {
            options.append("<label><input type=\"radio\" name=\"course\" value=\"").append(course.id()).append("\"")
                    .append(checked.equals(String.valueOf(course.id())) ? " checked" : "").append("> ").append(escape(course.code())).append(" · ")
                    .append(escape(course.title())).append(" (").append(escape(course.term())).append(")</label>\n");
        }
        options.append("<label><input type=\"radio\" name=\"course\" value=\"new\"").append(checked.equals("new") ? " checked" : "")
                .append("> A new course, as below</label>\n");
        CourseCommand s = c.suggestion();
        String lms = c.context().title() != null ? c.context().title() : c.context().contextId();
        return page("Set up Paperclub for " + lms, """
                <h1>Set up Paperclub for %s</h1>
                <p>This %s course is not linked to a Paperclub course yet. As its instructor, choose the Paperclub course it
                opens: one you teach, or a new one. Students and TAs who open Paperclub from %s then land in it, with their
                role in the LMS. The link is made once; it is not changed from the LMS afterwards.</p>
                %s
                <form method="post" action="/lti/link" class="card narrow">
                  <input type="hidden" name="ticket" value="%s">
                  <fieldset class="choice"><legend>Paperclub course</legend>
                  %s</fieldset>
                  <fieldset><legend>New course</legend>
                    <div class="field"><label for="code">Code</label><input id="code" name="code" value="%s" maxlength="40"></div>
                    <div class="field"><label for="title">Title</label><input id="title" name="title" value="%s" maxlength="200"></div>
                    <div class="field"><label for="term">Term</label><input id="term" name="term" value="%s" maxlength="60"></div>
                    <div class="field"><label for="timeZone">Time zone</label><input id="timeZone" name="timeZone" value="%s" maxlength="60"
                      aria-describedby="zone-hint"><p class="hint" id="zone-hint">An IANA name, such as America/New_York: deadlines are in it.</p></div>
                  </fieldset>
                  <div class="actions"><button type="submit">Link and open</button></div>
                </form>
                """.formatted(escape(lms), escape(c.platformName()), escape(c.platformName()), errorBox(error), escape(c.ticket()),
                options, escape(s.code()), escape(s.title()), escape(s.term()), escape(s.timeZone())));
    }

    static String landing(Launches.Enter e) {
        return page("Opening Paperclub", """
                <main id="landing" data-path="%s">
                <h1>Opening Paperclub</h1>
                <p id="landing-status" role="status" aria-live="polite">Signing you in…</p>
                <div id="landing-blocked" hidden>
                  <p class="notice">Your browser blocked Paperclub inside %s, so you are not signed in here.
                  Continue in a new window: you stay signed in there.</p>
                  <p><a id="landing-continue" class="button" href="/lti/continue/%s" target="_blank" rel="noopener">Continue in a new window</a></p>
                </div>
                <noscript><p><a href="/lti/continue/%s" target="_blank" rel="noopener">Open Paperclub in a new window</a></p></noscript>
                </main>
                <script src="/lti-landing.js"></script>
                """.formatted(escape(e.path()), escape(e.platformName()), escape(e.handoff()), escape(e.handoff())), true);
    }

    static String chooseLinks(Launches.ChooseLinks c, @Nullable String error) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Place Paperclub in ").append(escape(c.platformName())).append("</h1>\n").append(errorBox(error));
        if (c.courses().isEmpty()) {
            body.append(c.linkedCourseId() == null
                    ? "<p class=\"notice\">You teach no course in Paperclub yet. Add Paperclub to your LMS course as a plain "
                    + "link first and open it: you can create the course there.</p>"
                    : "<p class=\"notice\">This LMS course is linked to a Paperclub course that you do not teach.</p>");
            return page("Place Paperclub", body.toString());
        }
        body.append("<form method=\"post\" action=\"/lti/deep-link\" class=\"card narrow\">\n")
                .append("<input type=\"hidden\" name=\"ticket\" value=\"").append(escape(c.ticket())).append("\">\n")
                .append("<fieldset class=\"choice\"><legend>Course</legend>\n");
        boolean first = true;
        for (CourseView course : c.courses()) {
            body.append("<label><input type=\"radio\" name=\"course\" value=\"").append(course.id()).append("\"")
                    .append(first ? " checked" : "").append("> ").append(escape(course.code())).append(" · ")
                    .append(escape(course.title())).append(" (").append(escape(course.term())).append(")</label>\n");
            first = false;
        }
        body.append("</fieldset>\n<fieldset class=\"choice\"><legend>")
                .append(c.acceptMultiple() ? "Pages to link (one LMS link each)" : "Page to link").append("</legend>\n");
        first = true;
        for (Launches.Page p : Launches.Page.values()) {
            String type = c.acceptMultiple() ? "checkbox" : "radio";
            body.append("<label><input type=\"").append(type).append("\" name=\"page\" value=\"").append(p.param()).append("\"")
                    .append(first ? " checked" : "").append("> ").append(escape(p.label)).append("</label>\n");
            first = false;
        }
        body.append("</fieldset>\n<div class=\"actions\"><button type=\"submit\">Place in ").append(escape(c.platformName()))
                .append("</button></div>\n</form>\n");
        return page("Place Paperclub", body.toString());
    }

    /** The answer to the platform: a form that posts itself (by the site's script; by a button without script). */
    static String autoPost(String action, String field, String value, String platformName) {
        return page("Back to " + platformName, """
                <h1>Back to %s</h1>
                <form id="autopost" method="post" action="%s">
                  <input type="hidden" name="%s" value="%s">
                  <p role="status">Sending your choice to %s…</p>
                  <button type="submit">Continue</button>
                </form>
                <script src="/lti-autopost.js"></script>
                """.formatted(escape(platformName), escape(action), escape(field), escape(value), escape(platformName)));
    }

    private static String errorBox(@Nullable String error) {
        return error == null ? "" : "<div class=\"problem\" role=\"alert\"><p>" + escape(error) + "</p></div>\n";
    }

    private static String page(String title, String main) {
        return page(title, main, false);
    }

    private static String page(String title, String content, boolean ownMain) {
        String body = ownMain ? content : "<main id=\"main\">\n" + content + "</main>\n";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – Paperclub</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/style.css">
                <link rel="stylesheet" href="/lti.css">
                </head>
                <body>
                <header class="site-header"><div class="bar"><span class="brand">Paperclub</span></div></header>
                %s</body>
                </html>
                """.formatted(escape(title), body);
    }
}
