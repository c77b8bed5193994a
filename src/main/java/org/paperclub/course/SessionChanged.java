package org.paperclub.course;

/**
 * A session was cancelled, held again, or moved to another day or time. Published synchronously inside the
 * transaction of the change, so that what listeners write (the notices of the people signed up for it) is committed
 * with it or not at all; the course package so tells later features without knowing them.
 */
public record SessionChanged(long courseId, ClassSession before, ClassSession after) {

    public boolean cancelled() {
        return before.held() && !after.held();
    }

    public boolean heldAgain() {
        return !before.held() && after.held();
    }

    public boolean moved() {
        return !before.date().equals(after.date()) || !before.startTime().equals(after.startTime())
                || !before.endTime().equals(after.endTime());
    }

    /** Whether anything a person signed up for the session must know changed (not its topic, room or number). */
    boolean matters() {
        return cancelled() || heldAgain() || (after.held() && moved());
    }
}
