package org.paperclub.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.lti.ServiceRepositories.LineItem;
import org.paperclub.lti.ServiceRepositories.LineItemRepository;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line items of a context, made on the platform on first need and found again by their {@code resourceId}, so that
 * a lost answer or a second instance never makes a second column in the LMS gradebook. The context row is locked while
 * one is looked up and made: a second sender waits, then finds it stored.
 */
@Singleton
class LineItems {

    private final LineItemRepository items;
    private final ServiceTokens tokens;
    private final PlatformHttp http;
    private final Clock clock;

    LineItems(LineItemRepository items, ServiceTokens tokens, PlatformHttp http, Clock clock) {
        this.items = items;
        this.tokens = tokens;
        this.http = http;
        this.clock = clock;
    }

    /** The URL of the context's line item for {@code resourceId}: stored, found on the platform, or made there. */
    @Transactional
    String ensure(Registration r, LtiContext c, String resourceId, String tag, String label) {
        var known = items.findByContextIdAndResourceId(c.id(), resourceId);
        if (known.isPresent()) {
            return known.get().url();
        }
        items.lockContext(c.id());
        known = items.findByContextIdAndResourceId(c.id(), resourceId);
        if (known.isPresent()) {
            return known.get().url();
        }
        List<String> scopes = List.of(Ags.SCOPE_LINEITEM, Ags.SCOPE_SCORE);
        var listUri = http.uri(Ags.withParam(c.lineitemsUrl(), "resource_id", resourceId), r.name() + "'s line items address");
        PlatformHttp.Answer found = http.call(tokens, r, scopes, bearer -> HttpRequest.newBuilder(listUri)
                .header("Accept", Ags.LINEITEM_CONTAINER).header("Authorization", bearer).GET().build());
        check(r, found, "listing its grade columns");
        String url = null;
        try {
            for (Object o : com.nimbusds.jose.util.JSONArrayUtils.parse(found.body())) {
                if (o instanceof Map<?, ?> m && resourceId.equals(m.get("resourceId")) && m.get("id") instanceof String id) {
                    url = id;
                    break;
                }
            }
        } catch (java.text.ParseException e) {
            throw new LtiServiceException(r.name() + " answered the list of grade columns with something that is not a JSON list.", 200, false);
        }
        if (url == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scoreMaximum", 100);
            body.put("label", label);
            body.put("resourceId", resourceId);
            body.put("tag", tag);
            var createUri = http.uri(c.lineitemsUrl(), r.name() + "'s line items address");
            String json = JSONObjectUtils.toJSONString(body);
            PlatformHttp.Answer made = http.call(tokens, r, scopes, bearer -> HttpRequest.newBuilder(createUri)
                    .header("Content-Type", Ags.LINEITEM).header("Accept", Ags.LINEITEM).header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
            check(r, made, "making the grade column \"" + label + "\"");
            try {
                Object id = JSONObjectUtils.parse(made.body()).get("id");
                if (!(id instanceof String s) || s.isBlank()) {
                    throw new LtiServiceException(r.name() + " made the grade column \"" + label + "\" but did not say where it is.", made.status(), false);
                }
                url = s;
            } catch (java.text.ParseException e) {
                throw new LtiServiceException(r.name() + " answered the new grade column with something that is not JSON.", made.status(), false);
            }
        }
        http.uri(url, r.name() + "'s grade column address");
        items.save(new LineItem(null, c.id(), resourceId, url, label, clock.instant()));
        return url;
    }

    private static void check(Registration r, PlatformHttp.Answer a, String doing) {
        if (a.status() / 100 != 2) {
            throw new LtiServiceException(r.name() + " answered HTTP " + a.status() + " when " + doing
                    + (a.body().isBlank() ? "." : ": " + PlatformHttp.said(a.body())), a.status(),
                    LtiServiceException.transientStatus(a.status()));
        }
    }
}
