package org.paperclub.grading;

import java.util.List;

/**
 * Grades of these students were published, inside the publishing transaction: a listener that writes its own rows
 * (the LMS grade passback's outbox) commits or rolls back with the publish.
 */
public record GradesPublished(long courseId, List<Long> studentIds) {
}
