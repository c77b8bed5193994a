package org.paperclub.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.validation.validator.Validator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import org.paperclub.course.Commands.CourseCommand;
import org.paperclub.mail.MailSettings;
import org.paperclub.people.ClientAddress;
import org.paperclub.people.SignIns;
import org.paperclub.people.User;
import org.paperclub.system.ProblemException;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The LTI 1.3 tool's browser endpoints (LTI Core 1.3 section 5, 1EdTech Security Framework 5.1.1): the platform's
 * third-party-initiated login, the launch it posts back, the instructor's choices after a launch (the course to link,
 * the links to place by Deep Linking 2.0), and the new-window sign-in. They are not under {@code /api} and carry no
 * CSRF header: the platform posts them cross-site by design. What protects them instead: the login state (random,
 * single use, kept server-side), the id_token's signature and nonce, and random single-use tickets for the steps after.
 * <p>
 * The browser-binding cookie. The login also sets {@value #BROWSER_COOKIE}, a random value whose hash is kept with
 * the state; a launch posted by a browser that presents a different value is refused (someone else's login being
 * finished in this browser: login CSRF). A launch without the cookie is accepted all the same, because the server-side
 * state is the authority: an LMS frame in a browser that blocks third-party cookies (Safari, Chrome's tracking
 * protection, any http site where {@code SameSite=None} cannot be used) never sends it back, and refusing those
 * launches would make Paperclub unusable inside the LMS. The cookie is {@code SameSite=None; Secure} when the site is
 * served over https (so that the platform's cross-site form post carries it), {@code Lax} otherwise.
 */
@Controller("/lti")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "LTI")
class LaunchController {

    static final String BROWSER_COOKIE = "PAPERCLUB_LTI_BROWSER";
    private static final int MAX_FORM = 128 * 1024;
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");

    private final Registrations registrations;
    private final LoginStates states;
    private final LaunchVerifier verifier;
    private final Launches launches;
    private final SignIns signIns;
    private final ToolKeys toolKeys;
    private final Validator validator;
    private final MailSettings site;
    private final Clock clock;
    private final LmsFrames lmsFrames;
    private final LoginFlood flood;
    private final ClientAddress clientAddress;
    private final boolean secure;

    LaunchController(Registrations registrations, LoginStates states, LaunchVerifier verifier, Launches launches,
                     SignIns signIns, ToolKeys toolKeys, Validator validator, MailSettings site, Clock clock, LmsFrames lmsFrames,
                     LoginFlood flood, ClientAddress clientAddress,
                     @Value("${micronaut.security.token.cookie.cookie-secure:false}") boolean secureCookies) {
        this.registrations = registrations;
        this.states = states;
        this.verifier = verifier;
        this.launches = launches;
        this.signIns = signIns;
        this.toolKeys = toolKeys;
        this.validator = validator;
        this.site = site;
        this.clock = clock;
        this.lmsFrames = lmsFrames;
        this.flood = flood;
        this.clientAddress = clientAddress;
        this.secure = secureCookies || site.publicUrl().startsWith("https://");
    }

    // Login

    @Get("/login")
    @Operation(summary = "OIDC third-party-initiated login (LTI Core 1.3, 5.1.1): redirects to the platform's authorization endpoint")
    HttpResponse<?> loginByGet(HttpRequest<?> request) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        request.getParameters().forEach((k, v) -> p.put(k, v));
        return login(request, p);
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "OIDC third-party-initiated login sent as a form post")
    HttpResponse<?> loginByPost(HttpRequest<?> request, @Body @Nullable String body) {
        return login(request, form(body));
    }

    private HttpResponse<?> login(HttpRequest<?> request, Map<String, List<String>> p) {
        try {
            String issuer = one(p, "iss");
            String loginHint = one(p, "login_hint");
            String target = one(p, "target_link_uri");
            if (issuer == null || loginHint == null || target == null) {
                throw LaunchRefused.bad("Your LMS started Paperclub without the details a login needs. Tell your LMS administrator.",
                        "The login initiation lacks " + (issuer == null ? "iss" : loginHint == null ? "login_hint" : "target_link_uri") + ".");
            }
            Registration registration = registrations.forLogin(issuer, one(p, "client_id")).orElseThrow(() -> LaunchRefused.bad(
                    "Paperclub does not know this LMS. A Paperclub site administrator needs to register it first.",
                    "No registration for issuer " + issuer + (one(p, "client_id") == null ? " (and no client_id was sent, or the issuer has several)"
                            : " and client id " + one(p, "client_id")) + "."));
            if (!flood.allow(clientAddress.of(request))) {
                throw new LaunchRefused(429, "Too many sign-ins from your network in the last minutes. Wait a few minutes, then "
                        + "open Paperclub from your LMS again.", "More LMS logins from this client address than paperclub.lti.login-limit "
                        + "allows in paperclub.lti.login-window.");
            }
            if (!verifier.onThisSite(target)) {
                throw LaunchRefused.bad("This LMS link points somewhere other than Paperclub.",
                        "target_link_uri \"" + target + "\" is not on " + site.publicUrl() + ".");
            }
            String browser = request.getCookies().findCookie(BROWSER_COOKIE).map(Cookie::getValue).filter(Tokens::plausible)
                    .orElseGet(Tokens::random);
            LoginStates.Started started = states.start(registration, target, browser);
            StringBuilder to = new StringBuilder(registration.authLoginUrl()).append(registration.authLoginUrl().contains("?") ? '&' : '?');
            Map<String, String> q = new LinkedHashMap<>();
            q.put("scope", "openid");
            q.put("response_type", "id_token");
            q.put("client_id", registration.clientId());
            q.put("redirect_uri", site.link("/lti/launch"));
            q.put("login_hint", loginHint);
            if (one(p, "lti_message_hint") != null) {
                q.put("lti_message_hint", one(p, "lti_message_hint"));
            }
            q.put("state", started.state());
            q.put("response_mode", "form_post");
            q.put("nonce", started.nonce());
            q.put("prompt", "none");
            to.append(String.join("&", q.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).toList()));
            return HttpResponse.status(HttpStatus.FOUND).header("Location", to.toString())
                    .header("Cache-Control", "no-store").cookie(browserCookie(browser));
        } catch (LaunchRefused e) {
            return refusal(e);
        }
    }

    // Launch

    @Post(value = "/launch", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The launch (LTI Core 1.3, 5.1.2): the platform's id_token and state, posted by the browser")
    HttpResponse<?> launch(HttpRequest<?> request, @Body @Nullable String body) {
        try {
            Map<String, List<String>> form = form(body);
            String browser = request.getCookies().findCookie(BROWSER_COOKIE).map(Cookie::getValue).orElse(null);
            Launch launch = verifier.verify(one(form, "id_token"), one(form, "state"), browser);
            // The signed return_url is the platform's word on where its pages are; the Origin header is only the word of
            // whichever page posted the form, which a person can write themselves around their own valid id_token. So
            // the Origin may frame this launch's own pages (they sign in that very person), but only what the platform
            // signed is kept as a frame of the app for everyone.
            Set<String> vouched = new LinkedHashSet<>();
            String returnOrigin = origin(launch.returnUrl());
            if (returnOrigin != null) {
                vouched.add(returnOrigin);
            }
            Set<String> frames = new LinkedHashSet<>(vouched);
            String posted = origin(request.getHeaders().get("Origin"));
            if (posted != null) {
                frames.add(posted);
            }
            Launches.Outcome outcome = launches.handle(launch, frames.isEmpty() ? null : String.join(" ", frames));
            if (!(outcome instanceof Launches.NotSetUp)) {
                vouched.addAll(LmsFrames.of(launch.registration()));
                lmsFrames.record(launch.registration().id(), vouched);
            }
            return outcome(request, launch.registration(), outcome, null);
        } catch (LaunchRefused e) {
            return refusal(e);
        }
    }

    // After the launch: the course to link

    @Post(value = "/link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "An instructor's choice of the course an LMS course opens (after their first launch from it)")
    HttpResponse<?> link(HttpRequest<?> request, @Body @Nullable String body) {
        try {
            Map<String, List<String>> form = form(body);
            String token = one(form, "ticket");
            Ticket ticket = launches.openTicket(token, Ticket.Purpose.LINK);
            Registration registration = registrations.find(ticket.registrationId()).orElseThrow(Launches::expired);
            String choice = one(form, "course");
            try {
                if (choice == null) {
                    throw ProblemException.badRequest("Choose a course, or a new one.");
                }
                Launches.Enter enter;
                if (choice.equals("new")) {
                    CourseCommand command = new CourseCommand(trim(one(form, "code")), trim(one(form, "title")), trim(one(form, "term")),
                            trim(one(form, "timeZone")), null, null);
                    Set<ConstraintViolation<CourseCommand>> violations = validator.validate(command);
                    if (!violations.isEmpty()) {
                        ConstraintViolation<CourseCommand> v = violations.iterator().next();
                        throw ProblemException.badRequest("The new course's " + field(v.getPropertyPath().toString()) + " " + v.getMessage() + ".");
                    }
                    enter = launches.link(ticket, null, command);
                } else if (choice.matches("\\d{1,18}")) {
                    enter = launches.link(ticket, Long.parseLong(choice), null);
                } else {
                    throw ProblemException.badRequest("Choose a course, or a new one.");
                }
                return outcome(request, registration, enter, null);
            } catch (ProblemException e) {
                // The form again, with the sentence (a course code already taken in that term, a time zone misspelt) and
                // with what the instructor chose and typed: sent back the suggestion instead, one more click would make
                // the course in the default time zone, or link the course offered first.
                Launches.ChooseCourse again = launches.again(ticket, token);
                if ("new".equals(choice)) {
                    again = again.suggesting(new CourseCommand(trim(one(form, "code")), trim(one(form, "title")),
                            trim(one(form, "term")), trim(one(form, "timeZone")), null, null));
                }
                return html(HttpStatus.UNPROCESSABLE_ENTITY, LtiPages.chooseCourse(again, e.getMessage(), choice),
                        policy(frameAncestors(registration, again.frameOrigin()), null));
            }
        } catch (LaunchRefused e) {
            return refusal(e);
        }
    }

    // After a deep-linking launch: the links to place

    @Post(value = "/deep-link", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "An instructor's choice of Paperclub pages to place in the LMS: answers the platform (Deep Linking 2.0)")
    HttpResponse<?> deepLink(HttpRequest<?> request, @Body @Nullable String body) {
        try {
            Map<String, List<String>> form = form(body);
            String token = one(form, "ticket");
            Ticket ticket = launches.openTicket(token, Ticket.Purpose.DEEP_LINK);
            Registration registration = registrations.find(ticket.registrationId()).orElseThrow(Launches::expired);
            Map<String, String> settings = launches.payload(ticket);
            String course = one(form, "course");
            List<Launches.Page> pages = new ArrayList<>();
            for (String page : form.getOrDefault("page", List.of())) {
                for (Launches.Page p : Launches.Page.values()) {
                    if (p.param().equals(page) && !pages.contains(p)) {
                        pages.add(p);
                    }
                }
            }
            String problem = course == null || !course.matches("\\d{1,18}") ? "Choose a course."
                    : pages.isEmpty() ? "Choose at least one page to link."
                    : pages.size() > 1 && !"true".equals(settings.get("multiple")) ? "Your LMS takes one link here: choose one page." : null;
            if (problem != null) {
                return outcome(request, registration, launches.linksAgain(ticket, token), problem);
            }
            long courseId = launches.deepLinkCourse(ticket, Long.parseLong(course));
            launches.use(ticket);
            String jwt = deepLinkingResponse(registration, settings, courseId, pages);
            String returnUrl = settings.get("returnUrl");
            return html(HttpStatus.OK, LtiPages.autoPost(returnUrl, "JWT", jwt, settings.getOrDefault("platform", "your LMS")),
                    policy(frameAncestors(registration, settings.get("frame")), origin(returnUrl)));
        } catch (LaunchRefused e) {
            return refusal(e);
        }
    }

    /**
     * The LtiDeepLinkingResponse (Deep Linking 2.0, 4.2): signed by the tool's current key, one ltiResourceLink per page,
     * each opening this site's launch address with the page named ({@code ?page=board}); the platform's {@code data}
     * comes back unchanged.
     */
    private String deepLinkingResponse(Registration registration, Map<String, String> settings, long courseId, List<Launches.Page> pages) {
        List<Map<String, Object>> items = new ArrayList<>();
        String courseName = launches.courseTitle(courseId);
        for (Launches.Page p : pages) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", "ltiResourceLink");
            item.put("title", courseName + ": " + p.label);
            item.put("url", site.link("/lti/launch") + (p == Launches.Page.COURSE ? "" : "?page=" + p.param()));
            items.add(item);
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(registration.clientId())
                .audience(registration.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(Launch.LTI + "deployment_id", settings.get("deploymentId"))
                .claim(Launch.LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(Launch.LTI + "version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items", items);
        String data = settings.get("data");
        if (data != null && !data.isEmpty()) {
            claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/data", data);
        }
        try {
            RSAKey key = toolKeys.signingKey();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the deep-linking response", e);
        }
    }

    // The new-window sign-in

    @Get("/continue/{token}")
    @Operation(summary = "Signs in with a one-time link from the launch page (when the LMS frame lost the cookie) and opens the course")
    HttpResponse<?> continueInNewWindow(HttpRequest<?> request, @PathVariable String token) {
        try {
            // The link signs in whoever follows it, so it must be followed from the landing page that showed it (this
            // site's page in the LMS frame): a browser says so in Sec-Fetch-Site. Another site linking to it, or the link
            // pasted into the address bar, would sign the person in front of that browser in as someone else. A browser
            // too old to send the header is let through, as before; the ticket is left unused either way.
            String from = request.getHeaders().get("Sec-Fetch-Site");
            if (from != null && !from.equalsIgnoreCase("same-origin")) {
                throw new LaunchRefused(403, "This link opens Paperclub only from the Paperclub page in your LMS. Go back to "
                        + "your course in the LMS and open Paperclub again.",
                        "A new-window sign-in followed from another site or typed in (Sec-Fetch-Site: " + from + ").");
            }
            Map.Entry<User, String> handoff = launches.handoff(token);
            MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.SEE_OTHER).header("Location", handoff.getValue())
                    .header("Cache-Control", "no-store");
            signIns.start(handoff.getKey(), request).forEach(response::cookie);
            return response;
        } catch (LaunchRefused e) {
            return refusal(e);
        }
    }

    // Answers

    private HttpResponse<?> outcome(HttpRequest<?> request, Registration registration, Launches.Outcome outcome, @Nullable String error) {
        if (outcome instanceof Launches.Enter e) {
            MutableHttpResponse<?> response = html(HttpStatus.OK, LtiPages.landing(e), policy(frameAncestors(registration, e.frameOrigin()), null));
            signIns.start(e.user(), request).forEach(response::cookie);
            return response;
        }
        if (outcome instanceof Launches.NotSetUp n) {
            return html(HttpStatus.OK, LtiPages.notSetUp(n.platformName()), policy("*", null));
        }
        if (outcome instanceof Launches.ChooseCourse c) {
            return html(error == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, LtiPages.chooseCourse(c, error, null),
                    policy(frameAncestors(registration, c.frameOrigin()), null));
        }
        Launches.ChooseLinks l = (Launches.ChooseLinks) outcome;
        MutableHttpResponse<?> response = html(error == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, LtiPages.chooseLinks(l, error),
                policy(frameAncestors(registration, l.frameOrigin()), null));
        if (error == null) {
            signIns.start(l.user(), request).forEach(response::cookie);
        }
        return response;
    }

    private HttpResponse<?> refusal(LaunchRefused e) {
        // Frameable anywhere: it has nothing to click, and the person must read it inside the LMS.
        return html(HttpStatus.valueOf(e.status()), LtiPages.refusal(e.sentence(), e.detail()), policy("*", null));
    }

    private static MutableHttpResponse<String> html(HttpStatus status, String page, String policy) {
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", policy).header("Cache-Control", "no-store").body(page);
    }

    /**
     * The launch pages' CSP: the site's own scripts and styles only, forms posting to this site (and to the platform's
     * deep-linking return address on that answer), framed only by the LMS.
     */
    private static String policy(String frameAncestors, @Nullable String formTarget) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "base-uri 'none'; form-action 'self'" + (formTarget == null ? "" : " " + formTarget)
                + "; frame-ancestors " + frameAncestors;
    }

    /**
     * Who may frame a launch page: this site, the platform's own addresses, and where the launch came from (its
     * {@code Origin}, which a browser sets, and the signed launch_presentation return_url):
     * Canvas's issuer is canvas.instructure.com while its pages are on the school's own host, so only the launch
     * itself tells which host frames Paperclub (see {@link LmsFrames}).
     */
    private static String frameAncestors(Registration registration, @Nullable String launchOrigins) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add("'self'");
        origins.addAll(LmsFrames.of(registration));
        if (launchOrigins != null) {
            for (String o : launchOrigins.split(" ")) {
                if (ORIGIN.matcher(o).matches()) {
                    origins.add(o);
                }
            }
        }
        return String.join(" ", origins);
    }

    /** The scheme, host and port of an address, when it has the shape a CSP source takes; null otherwise. */
    @Nullable
    static String origin(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String o = u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getHost().toLowerCase(java.util.Locale.ROOT)
                    + (u.getPort() == -1 ? "" : ":" + u.getPort());
            return ORIGIN.matcher(o).matches() ? o : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Cookie browserCookie(String value) {
        Cookie cookie = Cookie.of(BROWSER_COOKIE, value).path("/lti").httpOnly(true).maxAge(LoginStates.LIFETIME.toSeconds());
        if (secure) {
            cookie.secure(true).sameSite(SameSite.None);
        } else {
            cookie.sameSite(SameSite.Lax);
        }
        return cookie;
    }

    // Forms

    private static Map<String, List<String>> form(@Nullable String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        if (body.length() > MAX_FORM) {
            throw LaunchRefused.bad("The request is too large.", "A form of " + body.length() + " characters.");
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw LaunchRefused.bad("The request is not a readable form.", "A form field is not URL-encoded: " + e.getMessage());
            }
        }
        return form;
    }

    @Nullable
    private static String one(Map<String, List<String>> p, String name) {
        List<String> v = p.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0);
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static String field(String path) {
        return switch (path.substring(path.lastIndexOf('.') + 1)) {
            case "timeZone" -> "time zone";
            default -> path.substring(path.lastIndexOf('.') + 1);
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
