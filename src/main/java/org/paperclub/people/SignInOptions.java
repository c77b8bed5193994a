package org.paperclub.people;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import org.paperclub.system.ProblemException;

/**
 * How people sign in to this site: with a password (the default), with the campus account (OpenID Connect, when
 * {@code PAPERCLUB_OIDC_ISSUER} is set), or both. A site may switch passwords off once campus sign-in is set up.
 */
@Context
public class SignInOptions {

    /** Where the sign-in page sends the browser to sign in with the campus account. */
    public static final String CAMPUS_LOGIN_PATH = "/oauth/login/" + CampusSignIn.PROVIDER;

    private final boolean password;
    private final boolean campus;
    private final String campusLabel;

    SignInOptions(@Value("${paperclub.sign-in.password:true}") boolean password,
                  @Value("${" + CampusSignIn.ISSUER_PROPERTY + ":}") String issuer,
                  @Value("${paperclub.oidc.client-id:}") String clientId,
                  @Value("${paperclub.oidc.label:}") String label) {
        this.campus = !issuer.isBlank();
        if (campus && clientId.isBlank()) {
            throw new ConfigurationException("PAPERCLUB_OIDC_ISSUER is set but PAPERCLUB_OIDC_CLIENT_ID is not: "
                    + "campus sign-in needs the client id this site is registered under at the provider.");
        }
        if (!password && !campus) {
            // Starting would lock everyone out; saying so now beats a site nobody can enter.
            throw new ConfigurationException("PAPERCLUB_PASSWORD_SIGN_IN=false turns password sign-in off, but campus "
                    + "sign-in is not set up (PAPERCLUB_OIDC_ISSUER): nobody could sign in.");
        }
        this.password = password;
        this.campusLabel = label.isBlank() ? "Sign in with your campus account" : label.strip();
    }

    public boolean passwordSignIn() {
        return password;
    }

    public boolean campusSignIn() {
        return campus;
    }

    /** The text of the campus sign-in button, when campus sign-in is on. */
    @Nullable
    public String campusLabel() {
        return campus ? campusLabel : null;
    }

    /** Refuses what needs a password on a site that signs in with the campus account only. */
    void requirePasswords() {
        if (!password) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "This site signs in with the campus account only, not with a "
                    + "password: use “" + campusLabel + "” on the sign-in page.");
        }
    }
}
