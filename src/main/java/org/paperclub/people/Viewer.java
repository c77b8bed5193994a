package org.paperclub.people;

import io.micronaut.security.authentication.Authentication;

/** Who is calling: the signed-in user's id is the name of their {@link Authentication}. */
public final class Viewer {

    private Viewer() {
    }

    public static long id(Authentication authentication) {
        return Long.parseLong(authentication.getName());
    }
}
