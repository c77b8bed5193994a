package org.paperclub.system;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A date or time of a course: {@link Dates#problem}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface PlausibleDate {
    String message() default "must be a date from " + Dates.FIRST + " to " + Dates.LAST;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
