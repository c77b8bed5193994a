package org.paperclub.system;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that make the browser refuse what Paperclub never needs: framing by other sites (clickjacking),
 * content sniffing, and leaking addresses in the Referer; API answers are never cached by shared caches.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    @ResponseFilter
    void headers(io.micronaut.http.HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        if (request.getPath().startsWith("/api/")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
