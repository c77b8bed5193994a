package org.paperclub.lti;

/**
 * A verified launch from a context that is linked to a course: published by the launch (after its transaction), heard
 * by the roster sync (an instructor's launch syncs the roster).
 */
public record ContextLaunched(long contextId, long courseId, long userId, boolean byInstructor) {
}
