package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import org.paperclub.system.ProblemException;

/** Who is calling: the signed-in user's id is the name of their {@link Authentication}. */
public final class Viewer {

    private Viewer() {
    }

    public static long id(Authentication authentication) {
        Long id = parseId(authentication.getName());
        if (id == null) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Your sign-in is not valid. Please sign in again.");
        }
        return id;
    }

    /** The user id a token names, or null when it names none (not a positive number). */
    @Nullable
    static Long parseId(@Nullable Object subject) {
        if (!(subject instanceof String s) || s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long id = Long.parseLong(s);
        return id > 0 ? id : null;
    }
}
