package org.paperclub.system;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers that make the browser refuse what Paperclub never needs: framing by other sites (clickjacking),
 * content sniffing, and leaking addresses in the Referer; API answers are never cached by shared caches.
 *
 * <p>The Content-Security-Policy runs only the app's own script files: no inline script, no {@code javascript:}
 * URL, no plugin, no foreign {@code <base>}. The page's one inline script, its import map, is allowed by its
 * SHA-256, computed here from the served {@code index.html} so that editing the import map cannot break the page.
 * {@code 'unsafe-eval'} is there because Vue's full browser build compiles the views' templates with
 * {@code new Function}; it lets the app's own code evaluate strings, not pages or links run inline script.
 *
 * <p>Frames: the page may frame only its own site ({@code frame-src 'self'}), and only one answer may be framed, by
 * this site alone: a critique's PDF, read beside the grading sheet ({@link #FRAMED}). Everything else refuses any frame,
 * except the Dynamic Registration page ({@link #EMBEDDED}), which any LMS may frame, an answer that brings its own policy
 * (the LTI launch pages, which the launching LMS may frame), and the app's
 * page, which the LMSs that launch Paperclub may frame ({@link FrameAncestors}): the app then works inside the LMS
 * wherever the browser lets its cookie through.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

    /** A critique's PDF served inline (critique/CritiqueController.read): framed by the grading sheet. */
    static final Pattern FRAMED = Pattern.compile("/api/courses/\\d+/critiques/\\d+/pdf");

    /** For the framed PDF: nothing runs or loads but the browser's own viewer, and only this site may frame it. */
    static final String FRAMED_POLICY = "default-src 'none'; object-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /** The app's page: the one answer an LMS may frame (besides the LTI pages, which bring their own policy). */
    private static final java.util.Set<String> SHELL = java.util.Set.of("/", "/index.html");

    /**
     * The page an LMS opens in its own frame for LTI Dynamic Registration (lti/RegistrationPageController): any site
     * may frame it. It holds no control to trick a click on; its link's secret is what authorizes it.
     */
    static final Pattern EMBEDDED = Pattern.compile("/lti/register/[^/]+");

    private final String policy;
    private final List<FrameAncestors> frameAncestors;

    SecurityHeadersFilter(ResourceResolver resources, List<FrameAncestors> frameAncestors) {
        this.frameAncestors = frameAncestors;
        List<String> hashes = new ArrayList<>();
        try (InputStream in = resources.getResourceAsStream("classpath:frontend/index.html").orElse(null)) {
            if (in != null) {
                Matcher m = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    hashes.add("'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.policy = "default-src 'self'; script-src 'self' 'unsafe-eval'" + hashes.stream().map(h -> " " + h).reduce("", String::concat)
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-src 'self'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    private String lmsOrigins() {
        StringBuilder b = new StringBuilder();
        frameAncestors.forEach(f -> f.origins().forEach(o -> b.append(' ').append(o)));
        return b.toString();
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        if (response.getHeaders().contains("Content-Security-Policy")) {
            // An answer that set its own policy keeps it: the LTI launch pages, framed by the LMS that launched them
            // (their frame-ancestors name it) and posting to it. X-Frame-Options has no way to name another site, and
            // browsers obey frame-ancestors over it, so it is left out rather than contradicting the policy.
            return;
        }
        String path = request.getPath();
        // The cheap tests first: this runs on every answer, and nearly none is one of these two.
        boolean framed = path.endsWith("/pdf") && FRAMED.matcher(path).matches();
        boolean embedded = path.startsWith("/lti/register/") && EMBEDDED.matcher(path).matches();
        String lms = SHELL.contains(path) ? lmsOrigins() : "";
        if (!lms.isEmpty()) {
            // The app inside the LMS that launched it (where its cookie reaches it: an LMS on the same site).
            response.header("Content-Security-Policy", policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'" + lms));
            return;
        }
        if (!embedded) {
            response.header("X-Frame-Options", framed ? "SAMEORIGIN" : "DENY");
        }
        response.header("Content-Security-Policy", framed ? FRAMED_POLICY
                : embedded ? policy.replace("frame-ancestors 'none'", "frame-ancestors *") : policy);
        // An answer with an entity tag (system/ETags) says itself how it may be kept: by the browser only.
        if (path.startsWith("/api/") && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
