package org.paperclub.course;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is for the instructors of the course {@code courseId} (policies and staff are theirs alone); checked
 * by {@link CourseGate} before the method runs (404 no such course, 403 not in it, 403 "Only the instructors of this
 * course can ..." for a TA or student).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
@Type(CourseGate.class)
public @interface CourseInstructor {

    /** What the endpoint does, completing "Only the instructors of this course can ...". */
    String value();
}
