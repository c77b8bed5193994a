package org.paperclub.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The roster from the LMS (Names and Role Provisioning Services 2.0): every page of each linked context's membership
 * is fetched first, then applied in one transaction ({@link RosterApply}), so that a page that fails changes nothing.
 * A failed sync is kept (with the platform's answer) for the roster page, as a successful one is.
 */
@Singleton
class RosterSync {

    static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    /** Guards against a platform whose "next" pages never end: a course of this size has no more. */
    static final int MAX_PAGES = 500;
    static final int MAX_MEMBERS = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(RosterSync.class);
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;[^,<]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    /** One member as the platform lists them. */
    record Member(String userId, List<String> roles, String status, @Nullable String name, @Nullable String email) {
        boolean active() {
            return "Active".equalsIgnoreCase(status);
        }
    }

    /** The members of one context, every page read. */
    record Fetched(Registration registration, LtiContext context, List<Member> members) {
    }

    @Serdeable
    record Result(int added, int updated, int withdrawn, int unchanged, Instant at) {
    }

    private final LtiContextRepository contexts;
    private final Registrations registrations;
    private final ServiceTokens tokens;
    private final PlatformHttp http;
    private final RosterApply apply;
    private final Clock clock;

    RosterSync(LtiContextRepository contexts, Registrations registrations, ServiceTokens tokens, PlatformHttp http,
               RosterApply apply, Clock clock) {
        this.contexts = contexts;
        this.registrations = registrations;
        this.tokens = tokens;
        this.http = http;
        this.apply = apply;
        this.clock = clock;
    }

    /** The contexts linked to the course that announced a roster service. */
    List<LtiContext> rosterContexts(long courseId) {
        return contexts.findByCourseId(courseId).stream().filter(c -> c.membershipsUrl() != null && !c.membershipsUrl().isBlank()).toList();
    }

    /** Syncs the course's roster; the result, or a 4xx/502 with a sentence (and the failure kept for the roster page). */
    Result sync(long courseId) {
        List<LtiContext> linked = rosterContexts(courseId);
        if (linked.isEmpty()) {
            throw ProblemException.conflict("This course is not linked to an LMS course that shares its roster. "
                    + "Launch Paperclub from the LMS course as an instructor to link it.");
        }
        List<Fetched> fetched = new ArrayList<>();
        try {
            for (LtiContext c : linked) {
                Registration r = registrations.find(c.registrationId()).orElseThrow();
                fetched.add(new Fetched(r, c, fetch(r, c)));
            }
        } catch (LtiServiceException e) {
            apply.failed(courseId, e.getMessage());
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "The roster was not synced; nothing changed. " + e.getMessage());
        }
        return apply.apply(courseId, fetched);
    }

    /** After an instructor's launch: sync, unless a sync ran a moment ago; a failure is kept and logged, never thrown. */
    void syncAfterLaunch(long courseId) {
        if (apply.syncedSince(courseId, clock.instant().minusSeconds(300))) {
            return;
        }
        try {
            sync(courseId);
        } catch (RuntimeException e) {
            LOG.info("Roster sync after a launch of course {} did not complete: {}", courseId, e.getMessage());
        }
    }

    List<Member> fetch(Registration r, LtiContext c) {
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String url = c.membershipsUrl();
        int page = 0;
        while (url != null) {
            page++;
            if (page > MAX_PAGES || !seen.add(url)) {
                throw new LtiServiceException(r.name() + "'s roster kept sending more pages (" + (page - 1)
                        + " read, the next one already seen or too many); Paperclub stopped.", 200, false);
            }
            URI uri = http.uri(url, r.name() + "'s roster address");
            PlatformHttp.Answer a = http.call(tokens, r, List.of(SCOPE), bearer -> HttpRequest.newBuilder(uri)
                    .header("Accept", MEDIA_TYPE).header("Authorization", bearer).GET().build());
            if (a.status() != 200) {
                throw new LtiServiceException(r.name() + " answered page " + page + " of the roster with HTTP " + a.status()
                        + (a.body().isBlank() ? "." : ": " + PlatformHttp.said(a.body())), a.status(),
                        LtiServiceException.transientStatus(a.status()));
            }
            members.addAll(parse(r, a.body(), page));
            if (members.size() > MAX_MEMBERS) {
                throw new LtiServiceException(r.name() + "'s roster lists more than " + MAX_MEMBERS + " people; Paperclub stopped.", 200, false);
            }
            url = next(uri, a.headers().allValues("Link"));
        }
        return members;
    }

    private static List<Member> parse(Registration r, String body, int page) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            if (!(json.get("members") instanceof List<?> list)) {
                throw new LtiServiceException(r.name() + "'s roster page " + page + " has no members list.", 200, false);
            }
            List<Member> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m) || !(m.get("user_id") instanceof String userId) || userId.isBlank()) {
                    continue; // a member without a user id cannot be told apart from anyone: nothing to do with it
                }
                List<String> roles = m.get("roles") instanceof List<?> rs ? rs.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
                String status = m.get("status") instanceof String s ? s : "Active";
                out.add(new Member(userId, roles, status, string(m.get("name"), m), string(m.get("email"), null)));
            }
            return out;
        } catch (java.text.ParseException e) {
            throw new LtiServiceException(r.name() + "'s roster page " + page + " is not JSON.", 200, false);
        }
    }

    /** The name, or given and family names when the platform sends only those. */
    private static String string(Object v, @Nullable Map<?, ?> member) {
        if (v instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (member != null) {
            String given = member.get("given_name") instanceof String g ? g.strip() : "";
            String family = member.get("family_name") instanceof String f ? f.strip() : "";
            String both = (given + " " + family).strip();
            return both.isEmpty() ? null : both;
        }
        return null;
    }

    /** The {@code rel="next"} target of the Link headers (RFC 8288), resolved against the page's address. */
    static String next(URI page, List<String> links) {
        for (String header : links) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                Matcher rel = REL_NEXT.matcher(m.group(2));
                while (rel.find()) {
                    for (String v : rel.group(1).trim().split("\\s+")) {
                        if (v.equalsIgnoreCase("next")) {
                            return page.resolve(m.group(1).trim()).toString();
                        }
                    }
                }
            }
        }
        return null;
    }
}
