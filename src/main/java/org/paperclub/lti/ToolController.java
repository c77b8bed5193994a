package org.paperclub.lti;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/**
 * What platforms fetch from Paperclub without signing in: its public keys and its Canvas configuration. Both are read
 * from the database at each request and may be cached for five minutes only, so that a key added on one instance is
 * published by all of them at once and no cache outlives a rotation for long.
 */
@Controller("/lti")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "LTI tool")
class ToolController {

    static final String CACHE = "public, max-age=300";

    private final ToolKeys keys;
    private final ToolDocuments documents;

    ToolController(ToolKeys keys, ToolDocuments documents) {
        this.keys = keys;
        this.documents = documents;
    }

    @Get("/jwks")
    @Operation(summary = "The tool's public keys (JWKS, RFC 7517): every key not retired, with its kid; platforms verify Paperclub's signatures with them")
    HttpResponse<String> jwks() {
        return HttpResponse.ok(keys.publicKeys().toString(true)).contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", CACHE);
    }

    @Get("/config/canvas.json")
    @Operation(summary = "The Canvas developer-key JSON (Developer Keys, + LTI Key, Paste JSON or Enter URL)")
    HttpResponse<Map<String, Object>> canvas() {
        return HttpResponse.ok(documents.canvas()).contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", CACHE);
    }
}
