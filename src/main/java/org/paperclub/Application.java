package org.paperclub;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.paperclub.system.ClassPreloader;

@OpenAPIDefinition(info = @Info(title = "Paperclub", version = "1",
        description = "The reading side of a paper-seminar course: schedule, sign-ups, critiques, grades. "
                + "Sign in with POST /api/auth/login; send the X-XSRF-TOKEN header (the csrfToken of /api/me) on every "
                + "POST, PUT and DELETE. Errors are application/problem+json."))
public class Application {
    /** The environment of campus sign-in: it adds application-sso.yml, Micronaut's OpenID client for the campus provider. */
    public static final String SSO = "sso";

    public static void main(String[] args) {
        // The second core reads the bean definition classes while this thread builds the context.
        ClassPreloader.start(Application.class.getClassLoader());
        Micronaut micronaut = Micronaut.build(args).mainClass(Application.class);
        // Micronaut's OpenID client must not exist at all without a provider (an empty issuer would still make its
        // beans and routes), and configuration cannot switch a whole block on by a value: so the variable picks
        // the environment whose file holds that block.
        String issuer = System.getenv("PAPERCLUB_OIDC_ISSUER");
        if (issuer != null && !issuer.isBlank()) {
            micronaut.environments(SSO);
        }
        micronaut.start();
    }
}
