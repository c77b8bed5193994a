package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.paperclub.mail.Mail;
import org.paperclub.mail.MailSettings;
import org.paperclub.notify.CourseLabels.CourseLabel;
import org.paperclub.people.User;
import org.paperclub.system.Html;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Notices as e-mail: a plain text part and an HTML part of the same words, the course named in the subject, times in
 * the course's zone and (when it differs) the reader's, a link to the thing, and the way out: which setting sent it,
 * and a one-click unsubscribe link (RFC 8058) for that kind. Everything a person typed is escaped in the HTML part.
 */
@Singleton
class NoticeMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    private final MailSettings settings;

    NoticeMail(MailSettings settings) {
        this.settings = settings;
    }

    /** One notice sent at once. */
    Mail single(User to, MailProfile profile, @Nullable CourseLabel course, Notice notice) {
        String subject = (course == null ? "" : "[" + course.code() + "] ") + notice.title();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">");
        item(text, html, profile, course, notice, "h1");
        footer(text, html, profile, course, notice.kind(), "You get this e-mail because of your setting for \""
                + notice.kind().label() + "\".");
        html.append("</body></html>");
        return new Mail(to.id(), to.email(), notice.kind().name(), subject, text.toString(), html.toString(),
                unsubscribeUrl(profile, notice.kind().name()));
    }

    /** The day's digest: every notice owed, grouped by course in the order they came. */
    Mail digest(User to, MailProfile profile, List<Notification> owed, Map<Long, CourseLabel> courses) {
        String subject = "Paperclub: " + owed.size() + (owed.size() == 1 ? " update" : " updates") + " today";
        StringBuilder text = new StringBuilder("Your daily Paperclub digest.\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
                + "<p>Your daily Paperclub digest.</p>");
        for (Notification n : owed) {
            CourseLabel course = n.courseId() == null ? null : courses.get(n.courseId());
            Notice notice = new Notice(n.kind(), n.courseId(), (course == null ? "" : "[" + course.code() + "] ") + n.title(),
                    n.body(), n.link(), n.happensAt());
            item(text, html, profile, course, notice, "h2");
            text.append('\n');
        }
        footer(text, html, profile, null, null, "You get this digest because you chose a daily digest for some kinds of notice.");
        html.append("</body></html>");
        return new Mail(to.id(), to.email(), "DIGEST", subject, text.toString(), html.toString(),
                unsubscribeUrl(profile, "DIGEST"));
    }

    private void item(StringBuilder text, StringBuilder html, MailProfile profile, @Nullable CourseLabel course,
                      Notice notice, String heading) {
        String link = settings.link(notice.link());
        text.append(notice.title()).append("\n\n").append(notice.body()).append("\n");
        html.append('<').append(heading).append(" style=\"font-size:1.2em\">").append(Html.escape(notice.title()))
                .append("</").append(heading).append('>');
        for (String paragraph : notice.body().split("\n")) {
            html.append("<p>").append(Html.escape(paragraph)).append("</p>");
        }
        String when = when(notice.happensAt(), course, profile);
        if (when != null) {
            text.append("\nWhen: ").append(when).append('\n');
            html.append("<p><strong>When:</strong> ").append(Html.escape(when)).append("</p>");
        }
        if (course != null) {
            text.append("Course: ").append(course.code()).append(" ").append(course.title()).append('\n');
            html.append("<p>Course: ").append(Html.escape(course.code() + " " + course.title())).append("</p>");
        }
        text.append("\nOpen in Paperclub: ").append(link).append('\n');
        html.append("<p><a href=\"").append(Html.escape(link)).append("\">Open in Paperclub</a></p>");
    }

    private void footer(StringBuilder text, StringBuilder html, MailProfile profile, @Nullable CourseLabel course,
                        @Nullable NoticeKind kind, String why) {
        String settingsLink = settings.link("/#/account");
        String stop = settings.link("/#/unsubscribe/" + profile.userId() + "/" + (kind == null ? "DIGEST" : kind.name())
                + "/" + profile.unsubscribeKey());
        String stopWhat = kind == null ? "Stop the daily digest" : "Stop e-mails of this kind";
        text.append("\n--\n").append(why).append("\nChange your settings: ").append(settingsLink)
                .append("\n").append(stopWhat).append(": ").append(stop).append('\n');
        html.append("<hr><p style=\"color:#555;font-size:0.9em\">").append(Html.escape(why))
                .append(" <a href=\"").append(Html.escape(settingsLink)).append("\">Change your settings</a> · ")
                .append("<a href=\"").append(Html.escape(stop)).append("\">").append(stopWhat).append("</a></p>");
    }

    private String unsubscribeUrl(MailProfile profile, String kind) {
        return settings.link("/api/mail/unsubscribe/" + profile.userId() + "/" + kind + "/" + profile.unsubscribeKey());
    }

    /** "Thu 10 Dec 2026, 14:00 EST (course time); Fri 11 Dec 2026, 04:00 JST (your time)". */
    @Nullable
    static String when(@Nullable Instant at, @Nullable CourseLabel course, MailProfile profile) {
        if (at == null) {
            return null;
        }
        ZoneId courseZone = course == null ? null : ZoneId.of(course.timeZone());
        ZoneId mine = MailProfiles.valid(profile.timeZone()) ? ZoneId.of(profile.timeZone()) : null;
        if (courseZone == null) {
            return WHEN.format(ZonedDateTime.ofInstant(at, mine == null ? ZoneId.of("UTC") : mine));
        }
        String inCourse = WHEN.format(ZonedDateTime.ofInstant(at, courseZone)) + " (course time)";
        if (mine == null || mine.getRules().getOffset(at).equals(courseZone.getRules().getOffset(at))) {
            return inCourse;
        }
        return inCourse + "; " + WHEN.format(ZonedDateTime.ofInstant(at, mine)) + " (your time)";
    }
}
