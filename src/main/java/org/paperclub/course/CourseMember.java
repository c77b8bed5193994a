package org.paperclub.course;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is for everyone in the course {@code courseId} (enrolled in any role, not withdrawn). Checked by
 * {@link CourseGate} before the method runs: a course that does not exist is 404, a course the caller is not in 403.
 * One of {@code @CourseMember}, {@link CourseStaff} and {@link CourseInstructor} is on every endpoint under
 * {@code /api/courses/{courseId}} ({@code CourseGateTest} walks the routes).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
@Type(CourseGate.class)
public @interface CourseMember {

    /**
     * Who calls: by default the signed-in user (the method's {@link io.micronaut.security.authentication.Authentication});
     * an endpoint called without a session (a calendar app with a secret link) names a {@link CourseCaller} bean.
     */
    Class<? extends CourseCaller> caller() default CourseCaller.class;
}
