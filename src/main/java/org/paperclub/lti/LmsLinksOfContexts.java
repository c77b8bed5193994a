package org.paperclub.lti;

import jakarta.inject.Singleton;
import org.paperclub.course.LmsLinks;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The courses linked to an LMS course: those an lti_context row points at. */
@Singleton
class LmsLinksOfContexts implements LmsLinks {

    private final LtiContextRepository contexts;

    LmsLinksOfContexts(LtiContextRepository contexts) {
        this.contexts = contexts;
    }

    @Override
    public Set<Long> linked(Collection<Long> courseIds) {
        return courseIds.isEmpty() ? Set.of() : new HashSet<>(contexts.findLinkedCourseIds(courseIds));
    }
}
