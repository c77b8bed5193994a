package org.paperclub.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * Strong entity tags for JSON answers kept as bytes: {@code "<version>-<hash of the bytes>"}, and a 304 when the
 * request's {@code If-None-Match} names the current one. Such answers are cacheable by the browser only, which
 * asks again each time ({@code Cache-Control: private, no-cache}).
 */
public final class ETags {

    private ETags() {
    }

    /** The JSON bytes of an answer with their entity tag. */
    public record Tagged(byte[] json, String etag) {
        public static Tagged of(long version, byte[] json) {
            return new Tagged(json, "\"" + version + "-" + Sha256.hex(json).substring(0, 24) + "\"");
        }
    }

    /** 304 when the request already holds this answer, else the answer; both carry the tag. */
    public static MutableHttpResponse<byte[]> answer(HttpRequest<?> request, Tagged tagged) {
        MutableHttpResponse<byte[]> response = matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tagged.etag())
                ? HttpResponse.notModified()
                : HttpResponse.ok(tagged.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, tagged.etag()).header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    /** RFC 9110 weak comparison of an If-None-Match list ({@code *}, {@code W/} prefixes) with our tag. */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
