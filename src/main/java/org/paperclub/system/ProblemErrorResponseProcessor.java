package org.paperclub.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.NotAcceptableException;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every error Micronaut itself answers (no route, unreadable JSON, failed validation, 401/403 from
 * security, 413 upload too large, 500) into the same problem+json shape our own {@link ProblemException}s use,
 * with a sentence a student can act on rather than a stack-trace fragment.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException cve) {
            // Micronaut flattens these into "create.command.topic: must not be blank"; keep field and message apart.
            for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                violations.add(new Problem.Violation(fieldOf(v.getPropertyPath().toString()), v.getMessage()));
            }
            violations.sort(Comparator.comparing(v -> String.valueOf(v.field())));
        } else if (badField(context) instanceof StrictJsonMapper.BadField bad) {
            violations.add(new Problem.Violation(bad.field(), bad.problem()));
        } else for (Error error : context.getErrors()) {
            if (error.getPath().isPresent()) {
                violations.add(new Problem.Violation(fieldOf(error.getPath().get()), error.getMessage()));
            }
        }
        String detail = detail(status, context, violations);
        if (status.getCode() >= 500) {
            LOG.error("Unexpected error on {} {}", context.getRequest().getMethod(), context.getRequest().getPath(),
                    context.getRootCause().orElse(null));
        }
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                violations.isEmpty() ? null : violations);
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            // The server stops reading a too-large body; closing the connection lets the browser see the 413 at
            // once instead of waiting for ever to send the rest.
            response.header("Connection", "close");
        }
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static String detail(HttpStatus status, ErrorContext context, List<Problem.Violation> violations) {
        return switch (status) {
            case UNAUTHORIZED -> "Please sign in first.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept a " + context.getRequest().getMethodName() + " request.";
            case REQUEST_ENTITY_TOO_LARGE -> formFieldTooLong(context)
                    ? "The file name, or another field of the upload form, is too long (a file name has at most 255 characters)."
                    : "The upload is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body is not in a format this address accepts (send JSON).";
            case NOT_ACCEPTABLE -> notAcceptable(context);
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side and nothing was saved. Please try again.";
            default -> {
                if (!violations.isEmpty()) {
                    yield "Some fields are not valid: " + violations.stream()
                            .map(v -> v.field() == null ? v.message() : v.field() + " " + v.message())
                            .collect(Collectors.joining("; ")) + ".";
                }
                String messages = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
                yield messages.isBlank() ? status.getReason() + "." : "The request could not be read: " + readable(messages);
            }
        };
    }

    /** Downloads send their file whatever is accepted ({@link Downloads}); this is left for the API document and pages. */
    private static String notAcceptable(ErrorContext context) {
        String types = context.getRootCause().filter(NotAcceptableException.class::isInstance)
                .map(e -> String.join(" or ", ((NotAcceptableException) e).getProduceableContentTypes())).orElse("");
        return types.isEmpty() ? "This address does not send what the Accept header asks for: ask for */*."
                : "This address sends " + types + ": ask for it in the Accept header, or for */*.";
    }

    /** Netty's form decoder refuses a part header or field over its buffer the way it refuses a too-large body. */
    private static boolean formFieldTooLong(ErrorContext context) {
        return context.getRootCause().map(Throwable::getMessage).filter(m -> m.contains("form field")).isPresent();
    }

    /** The strict JSON reader's refusal, however deep the codec wrapped it. */
    private static Throwable badField(ErrorContext context) {
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause()) {
            if (t instanceof StrictJsonMapper.BadField) {
                return t;
            }
        }
        return null;
    }

    /** "create.command.title" names the field "title" to the user. */
    private static String fieldOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String readable(String message) {
        // Jackson messages carry a "(through reference chain ...)" and source excerpts nobody needs to see.
        int cut = message.indexOf(" at [Source");
        String m = cut > 0 ? message.substring(0, cut) : message;
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
