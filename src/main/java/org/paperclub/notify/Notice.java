package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One thing to tell people. {@code title} is a line ("Session 5 moved to Thursday"), {@code body} a sentence or two
 * of plain text (never markup: it is escaped wherever it is shown), {@code link} a path of the page
 * ("/#/courses/2/signups"), {@code happensAt} the moment it is about (a deadline, a session), shown in the course's
 * zone and the reader's. {@code subject}, when given, names what the notice is about in the poster's words
 * ("announcement:42"), so that the poster can later correct ({@link Notices#revise}) or take back
 * ({@link Notices#withdraw}) the notices it gave.
 */
public record Notice(NoticeKind kind, @Nullable Long courseId, String title, String body, String link,
                     @Nullable Instant happensAt, @Nullable String subject) {

    public Notice(NoticeKind kind, @Nullable Long courseId, String title, String body, String link,
                  @Nullable Instant happensAt) {
        this(kind, courseId, title, body, link, happensAt, null);
    }

    public Notice {
        title = clip(title, 300);
        body = clip(body, 4300);   // V26: an announcement's 4000 characters and the line naming its author
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
