package org.paperclub.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A value of the address or of an upload form that is not of its kind ({@code /api/courses/abc},
 * {@code ?drafts=maybe}, {@code ?firstDay=tomorrow}): Micronaut's own answer is "Failed to convert argument
 * [courseId] for value [abc] due to: For input string...", which names Java's parse error and means nothing to a
 * student. This says in words which value it is and what it should be.
 * <p>
 * The value is echoed so that a typo can be seen, but it is whatever the caller put in the address: cut short and
 * with its invisible and control characters shown as "?", so that it cannot flood or disguise the sentence.
 * Signing in still comes first: the security filter answers 401 before any argument is read.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(ConversionErrorHandler.class)
class UnreadableParameterHandler extends ConversionErrorHandler {

    /** Long enough for any typo of an id or a date, short enough that a pasted page cannot fill the message. */
    static final int ECHO_LIMIT = 40;

    /** What an id names, where its name ("userId") alone would not say it in the page's words. */
    private static final Map<String, String> NOUNS = Map.of(
            "user", "person",
            "signup", "sign-up",
            "request", "regrade request",
            "link", "LMS link",
            "version", "critique version");

    UnreadableParameterHandler(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
        Argument<?> argument = e.getArgument();
        String name = argument.getName();
        boolean part = argument.getAnnotationMetadata().hasAnnotation(Part.class);
        boolean query = argument.getAnnotationMetadata().hasAnnotation(QueryValue.class);
        if (!part && !query && !inPath(request, name)) {
            // A JSON body that does not fit its record: the strict reader's answer names the field
            // (ProblemErrorResponseProcessor).
            return super.handle(request, e);
        }
        String value = echo(e.getConversionError().getOriginalValue().orElse(null));
        String what = expected(argument);
        String detail;
        if (part) {
            detail = "The upload form's \"" + name + "\" field is " + value + ", which is not " + what + ".";
        } else if (query) {
            detail = "The address's \"" + name + "\" option is " + value + ", which is not " + what + ".";
        } else if (noun(name) != null) {
            String noun = noun(name);
            detail = "The address names " + article(noun) + " " + noun + " as " + value + ", which is not " + what + ".";
        } else {
            detail = "The address holds " + value + " where there should be " + what + ".";
        }
        // errors[] names the field as every other 400 does, for a script (and the page) that marks the field.
        return Problems.response(HttpStatus.BAD_REQUEST, detail,
                List.of(new Problem.Violation(name, "is " + value + ", which is not " + what)));
    }

    private static boolean inPath(HttpRequest<?> request, String name) {
        return RouteAttributes.getRouteMatch(request)
                .filter(m -> m instanceof UriRouteMatch<?, ?> uri && uri.getVariableValues().containsKey(name))
                .isPresent();
    }

    /** "a course number", "true or false": what the value should have been. */
    private static String expected(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date written like 2025-09-02";
        }
        if (Number.class.isAssignableFrom(argument.getWrapperType())) {
            String noun = noun(argument.getName());
            return noun == null ? "a whole number" : article(noun) + " " + noun + " number";
        }
        return "a value it accepts";
    }

    /** "courseId" is a course, "signupId" a sign-up; null for a name that is not an id. */
    static String noun(String name) {
        if (!name.endsWith("Id") || name.length() == 2) {
            return null;
        }
        String stem = name.substring(0, name.length() - 2);
        return NOUNS.getOrDefault(stem, stem.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase());
    }

    private static String article(String noun) {
        return noun.startsWith("LMS") || "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    /** The caller's value in quotes, cut to {@link #ECHO_LIMIT} characters and with nothing invisible left in it. */
    static String echo(Object original) {
        if (original == null) {
            return "empty";
        }
        String value = original.toString();
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(ECHO_LIMIT).forEach(c -> shown.appendCodePoint(visible(c) ? c : '?'));
        if (value.codePointCount(0, value.length()) > ECHO_LIMIT) {
            shown.append('…');
        }
        return "\"" + shown + "\"";
    }

    /** Control characters, lone surrogates, and the format characters (bidi overrides, zero-width) are not shown. */
    private static boolean visible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
