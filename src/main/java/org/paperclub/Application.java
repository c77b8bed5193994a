package org.paperclub;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Paperclub", version = "1",
        description = "The reading side of a paper-seminar course: schedule, sign-ups, critiques, grades. "
                + "Sign in with POST /api/auth/login; send the X-XSRF-TOKEN header (the csrfToken of /api/me) on every "
                + "POST, PUT and DELETE. Errors are application/problem+json."))
public class Application {
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
