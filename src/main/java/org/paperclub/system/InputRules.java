package org.paperclub.system;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The validators of {@link SingleLine}, {@link FreeText} and {@link PlausibleDate}; each message says what was found. */
@Factory
class InputRules {

    @Singleton
    ConstraintValidator<SingleLine, CharSequence> singleLine() {
        return (value, annotation, context) -> check(context, Text.singleLine(value));
    }

    @Singleton
    ConstraintValidator<FreeText, CharSequence> freeText() {
        return (value, annotation, context) -> check(context, Text.freeText(value));
    }

    @Singleton
    ConstraintValidator<PlausibleDate, LocalDate> plausibleDate() {
        return (value, annotation, context) -> check(context, Dates.problem(value));
    }

    @Singleton
    ConstraintValidator<PlausibleDate, OffsetDateTime> plausibleTime() {
        return (value, annotation, context) -> check(context, Dates.problem(value));
    }

    private static boolean check(ConstraintValidatorContext context, String problem) {
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$")).addConstraintViolation();
        return false;
    }
}
