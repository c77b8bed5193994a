package org.paperclub.system;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * Micronaut reads every text that is not "true", "yes", "y" or "on" as false, so {@code ?drafts=maybe} or a
 * misspelt {@code ?drafts=ture} quietly exported the gradebook without its drafts. An option of the address is
 * now true or false (yes/no, on/off, y/n too), and anything else is refused with a 400 that says so
 * ({@link UnreadableParameterHandler}).
 * <p>
 * Only the address's options are strict: the same converter reads the configuration, whose booleans keep
 * Micronaut's reading.
 */
@Singleton
class QueryBooleans implements TypeConverter<CharSequence, Boolean> {

    @Override
    public Optional<Boolean> convert(CharSequence text, Class<Boolean> targetType, ConversionContext context) {
        String value = text.toString().toLowerCase(Locale.ENGLISH);
        if (!context.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
            return Optional.of(value.equals("true") || value.equals("yes") || value.equals("y") || value.equals("on"));
        }
        return switch (value.strip()) {
            case "" -> Optional.empty();
            case "true", "yes", "y", "on" -> Optional.of(true);
            case "false", "no", "n", "off" -> Optional.of(false);
            default -> {
                context.reject(text, new IllegalArgumentException("neither true nor false"));
                yield Optional.empty();
            }
        };
    }
}
