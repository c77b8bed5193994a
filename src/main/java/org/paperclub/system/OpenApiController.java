package org.paperclub.system;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Serves the OpenAPI document that the build generates from the controllers, and Swagger UI to browse it. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OpenApiController {

    private static final String SPEC = "classpath:META-INF/swagger/paperclub-1.yml";
    // Every WebJar carries its Maven coordinates: the version on the classpath is the one the pom chose, so the
    // pom's swagger-ui.version is the only place it is written.
    private static final String SWAGGER_POM = "classpath:META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final String spec;
    private final String swagger;

    OpenApiController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(SPEC).orElse(null)) {
            this.spec = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties pom = new Properties();
        try (InputStream in = resources.getResourceAsStream(SWAGGER_POM)
                .orElseThrow(() -> new IllegalStateException("Swagger UI's WebJar is not on the classpath"))) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.swagger = "/webjars/swagger-ui/" + pom.getProperty("version");
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    HttpResponse<String> spec() {
        if (spec == null) {
            throw ProblemException.notFound("The OpenAPI document was not built into this jar.");
        }
        return HttpResponse.ok(spec);
    }

    @Get(value = "/openapi", produces = MediaType.TEXT_HTML)
    String ui() {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Paperclub API</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
                <body><div id="swagger-ui"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script src="/openapi-ui.js"></script>
                </body></html>""".formatted(swagger);
    }

    // A file rather than an inline script, which the Content-Security-Policy refuses.
    @Get(value = "/openapi-ui.js", produces = "text/javascript")
    String uiScript() {
        return "SwaggerUIBundle({url: '/openapi.yml', dom_id: '#swagger-ui'});\n";
    }
}
