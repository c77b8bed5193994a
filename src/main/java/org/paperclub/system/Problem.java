package org.paperclub.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document: what every error of the API looks like. {@code detail} is the sentence shown to
 * the user; {@code errors} lists the individual failed checks (a field or a line, and what is wrong with it).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, @Nullable List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(@Nullable String field, String message) {
    }
}
