package org.paperclub.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.paperclub.course.Commands.CourseCommand;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.CourseViews.CourseView;
import org.paperclub.people.CourseRole;
import org.paperclub.people.Identities;
import org.paperclub.people.PeopleService;
import org.paperclub.people.SiteAdmins;
import org.paperclub.people.User;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verified launch does: maps the LMS course (context) to its Paperclub course and the person to their account
 * and course role, then says where they go. Nothing is written for a launch that goes nowhere (a student of an LMS
 * course not set up yet, a role Paperclub has no place for).
 * <p>
 * Roles: the LMS is the source of truth for the roles in a linked course, so a launch sets the person's role to the
 * one its LTI roles map to ({@link LtiRoles}), up or down, with one exception: the last instructor of a course is never
 * made a TA or student by a launch (a course must keep someone who can change its staff); they are told by their
 * Paperclub role as it stands. Roles Paperclub has no place for (Mentor, guest, only institution roles) are refused
 * with a sentence rather than treated as a student: a parent or observer must not be counted on a roster or sent
 * critique reminders.
 */
@Singleton
class Launches {

    /** How long an instructor may take to choose the course or the links to place. */
    static final Duration CHOICE_LIFETIME = Duration.ofMinutes(30);
    /** The new-window sign-in: opened with one click of the landing page. */
    static final Duration HANDOFF_LIFETIME = Duration.ofMinutes(2);

    /** Where a launch leads. */
    sealed interface Outcome permits Enter, NotSetUp, ChooseCourse, ChooseLinks {
    }

    /** Signed in, into this course page; {@code handoff} opens the same in a new window when the frame loses the cookie. */
    record Enter(User user, long courseId, String path, String handoff, String platformName, @Nullable String frameOrigin)
            implements Outcome {
    }

    record NotSetUp(String platformName, @Nullable String frameOrigin) implements Outcome {
    }

    /** An instructor's first launch from an LMS course: link one of their courses or create one. */
    record ChooseCourse(String ticket, User user, LtiContext context, List<CourseView> courses, CourseCommand suggestion,
                        String platformName, @Nullable String frameOrigin) implements Outcome {

        /** The same choice with these values in the new course's fields (what the instructor typed). */
        ChooseCourse suggesting(CourseCommand typed) {
            return new ChooseCourse(ticket, user, context, courses, typed, platformName, frameOrigin);
        }
    }

    /** A deep-linking request: which course (fixed when the LMS course is linked) and which of its pages. */
    record ChooseLinks(String ticket, User user, List<CourseView> courses, @Nullable Long linkedCourseId, boolean acceptMultiple,
                       String platformName, @Nullable String frameOrigin) implements Outcome {
    }

    /** A page of a course that a link may open: the course's schedule, its sign-up board, its critiques. */
    enum Page {
        COURSE("", "Course page (schedule and readings)"),
        BOARD("/signups", "Sign-up board"),
        CRITIQUES("/critiques", "Critiques");

        final String suffix;
        final String label;

        Page(String suffix, String label) {
            this.suffix = suffix;
            this.label = label;
        }

        String path(long courseId) {
            return "/#/courses/" + courseId + suffix;
        }

        String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The page a launch's target_link_uri names ({@code ?page=board}); the course page otherwise. */
        static Page of(@Nullable String targetLinkUri) {
            if (targetLinkUri != null) {
                int q = targetLinkUri.indexOf('?');
                if (q >= 0) {
                    for (String pair : targetLinkUri.substring(q + 1).split("&")) {
                        for (Page p : values()) {
                            if (pair.equals("page=" + p.param())) {
                                return p;
                            }
                        }
                    }
                }
            }
            return COURSE;
        }
    }

    private final LtiContextRepository contexts;
    private final ContextLinkRepository links;
    private final CourseLink courseLink;
    private final TicketRepository tickets;
    private final Identities identities;
    private final PeopleService people;
    private final SiteAdmins admins;
    private final CourseService courses;
    private final ApplicationEventPublisher<ContextLaunched> launched;
    private final Clock clock;
    private final String defaultTimeZone;

    Launches(LtiContextRepository contexts, ContextLinkRepository links, CourseLink courseLink, TicketRepository tickets, Identities identities,
             PeopleService people, SiteAdmins admins, CourseService courses, ApplicationEventPublisher<ContextLaunched> launched,
             Clock clock, @Value("${paperclub.lti.course-time-zone:UTC}") String defaultTimeZone) {
        this.admins = admins;
        this.contexts = contexts;
        this.links = links;
        this.courseLink = courseLink;
        this.tickets = tickets;
        this.identities = identities;
        this.people = people;
        this.courses = courses;
        this.launched = launched;
        this.clock = clock;
        this.defaultTimeZone = defaultTimeZone;
    }

    Outcome handle(Launch launch, @Nullable String frameOrigin) {
        Optional<CourseRole> role = LtiRoles.of(launch.roles());
        if (role.isEmpty()) {
            throw new LaunchRefused(403, "Paperclub has a place for the instructors, teaching assistants and students of a "
                    + "course, and your role in this LMS course is none of these, so Paperclub did not open.",
                    "LTI roles " + launch.roles() + " map to no course role.");
        }
        if (launch.deepLinking()) {
            return deepLinking(launch, role.get(), frameOrigin);
        }
        String contextId = launch.contextId();
        if (contextId == null) {
            throw LaunchRefused.bad("Paperclub opens from a course in your LMS; this link is not in one.",
                    "The launch has no context claim (https://purl.imsglobal.org/spec/lti/claim/context).");
        }
        Optional<LtiContext> known = contexts.findByRegistrationIdAndDeploymentIdAndContextId(launch.registration().id(),
                launch.deploymentId(), contextId);
        boolean linked = known.map(c -> c.courseId() != null).orElse(false);
        if (!linked && role.get() != CourseRole.INSTRUCTOR) {
            return new NotSetUp(launch.platformName(), frameOrigin);
        }
        LtiContext context = upsertContext(launch, contextId);
        if (context.courseId() == null && role.get() != CourseRole.INSTRUCTOR) {
            return new NotSetUp(launch.platformName(), frameOrigin); // unlinked a moment ago
        }
        User user = account(launch);
        if (context.courseId() == null) {
            String ticket = ticket(Ticket.Purpose.LINK, launch.registration().id(), user.id(), context.id(), role.get(),
                    Map.of("frame", frameOrigin == null ? "" : frameOrigin,
                            "target", launch.targetLinkUri(), "platform", launch.platformName()), CHOICE_LIFETIME);
            return new ChooseCourse(ticket, user, context, taught(user.id()), suggestion(context), launch.platformName(), frameOrigin);
        }
        return enter(user, context, role.get(), Page.of(launch.targetLinkUri()), launch.platformName(), frameOrigin);
    }

    // Linking

    /** A LINK ticket still valid, for showing its form again. */
    Ticket openTicket(@Nullable String token, Ticket.Purpose purpose) {
        if (!Tokens.plausible(token)) {
            throw expired();
        }
        Ticket t = tickets.findById(Tokens.hash(token)).orElseThrow(Launches::expired);
        if (t.purpose() != purpose || t.expiresAt().isBefore(clock.instant())) {
            throw expired();
        }
        return t;
    }

    ChooseCourse again(Ticket t, String token) {
        LtiContext context = contexts.findById(t.contextRowId()).orElseThrow(Launches::expired);
        User user = people.user(t.userId()).orElseThrow(Launches::expired);
        return new ChooseCourse(token, user, context, taught(user.id()), suggestion(context), platformName(t), frame(t));
    }

    /**
     * Links the ticket's LMS course to the instructor's course {@code courseId}, or to a new course made from
     * {@code create}. When another instructor linked it meanwhile, that link stands (a linked LMS course is never
     * re-linked by a launch: only its instructors unlink it, in Paperclub) and this instructor enters the course it is
     * linked to, as its instructor: the LMS says they teach it.
     */
    Enter link(Ticket t, @Nullable Long courseId, @Nullable CourseCommand create) {
        LtiContext context = contexts.findById(t.contextRowId()).orElseThrow(Launches::expired);
        User user = people.user(t.userId()).orElseThrow(Launches::expired);
        if (context.courseId() == null) {
            if (courseId != null) {
                if (people.roleIn(user.id(), courseId).filter(r -> r == CourseRole.INSTRUCTOR).isEmpty()) {
                    throw LaunchRefused.bad("You can link only a course that you teach in Paperclub.",
                            "User " + user.id() + " is not an instructor of course " + courseId + ".");
                }
                links.link(context.id(), courseId, clock.instant());
            } else {
                linkNew(context, create, user);
            }
        }
        LtiContext now = contexts.findById(context.id()).orElseThrow();
        if (now.courseId() == null) {
            throw expired(); // unlinked again in the moment since: a new launch chooses afresh
        }
        tickets.take(t.tokenHash());
        return enter(user, now, CourseRole.INSTRUCTOR, Page.of(target(t)), platformName(t), frame(t));
    }

    private void linkNew(LtiContext context, CourseCommand create, User user) {
        try {
            courseLink.createAndLink(context.id(), create, user.id());
        } catch (CourseLink.AlreadyLinked e) {
            // The course made for nothing was rolled back; the other instructor's link stands.
        }
    }

    // Deep linking

    private Outcome deepLinking(Launch launch, CourseRole role, @Nullable String frameOrigin) {
        if (role != CourseRole.INSTRUCTOR) {
            throw new LaunchRefused(403, "Only an instructor of the course places Paperclub links in the LMS.",
                    "A deep-linking request from a user whose LTI roles " + launch.roles() + " are not an instructor's.");
        }
        Map<String, Object> settings = launch.object(Launch.DEEP_LINKING);
        List<?> acceptTypes = (List<?>) settings.get("accept_types");
        if (!acceptTypes.contains("ltiResourceLink")) {
            throw LaunchRefused.bad("Your LMS asked for a kind of content that Paperclub does not make: Paperclub places links "
                    + "to its pages.", "deep_linking_settings.accept_types " + acceptTypes + " lacks ltiResourceLink.");
        }
        User user = account(launch);
        Long contextRow = null;
        Long linkedCourse = null;
        if (launch.contextId() != null) {
            LtiContext context = upsertContext(launch, launch.contextId());
            contextRow = context.id();
            linkedCourse = context.courseId();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("frame", frameOrigin == null ? "" : frameOrigin);
        payload.put("platform", launch.platformName());
        payload.put("returnUrl", Launch.string(settings, "deep_link_return_url"));
        payload.put("data", Launch.string(settings, "data") == null ? "" : Launch.string(settings, "data"));
        payload.put("deploymentId", launch.deploymentId());
        // Deep Linking 2.0 makes accept_multiple optional without a default: absent, one item is what any platform takes.
        boolean multiple = Boolean.TRUE.equals(settings.get("accept_multiple"));
        payload.put("multiple", String.valueOf(multiple));
        String ticket = ticket(Ticket.Purpose.DEEP_LINK, launch.registration().id(), user.id(), contextRow, role, payload,
                CHOICE_LIFETIME);
        return new ChooseLinks(ticket, user, choices(user.id(), linkedCourse), linkedCourse, multiple, launch.platformName(),
                frameOrigin);
    }

    ChooseLinks linksAgain(Ticket t, String token) {
        User user = people.user(t.userId()).orElseThrow(Launches::expired);
        Long linked = t.contextRowId() == null ? null : context(t.contextRowId()).courseId();
        return new ChooseLinks(token, user, choices(user.id(), linked), linked, "true".equals(payload(t).get("multiple")), platformName(t), frame(t));
    }

    /**
     * The course whose pages the instructor chose to place: one they teach; when the LMS course is linked, that one;
     * when it is not linked yet, it is linked to the chosen course now (the same rule as a first launch's choice).
     */
    long deepLinkCourse(Ticket t, long courseId) {
        if (people.roleIn(t.userId(), courseId).filter(r -> r == CourseRole.INSTRUCTOR).isEmpty()) {
            throw LaunchRefused.bad("You can place links only to a course that you teach in Paperclub.",
                    "User " + t.userId() + " is not an instructor of course " + courseId + ".");
        }
        if (t.contextRowId() != null) {
            LtiContext context = context(t.contextRowId());
            if (context.courseId() == null) {
                links.link(context.id(), courseId, clock.instant());
                context = context(t.contextRowId());
            }
            if (context.courseId() != courseId) {
                throw LaunchRefused.bad("This LMS course is linked to another Paperclub course; place links to that one.",
                        "Context " + context.contextId() + " is linked to course " + context.courseId() + ", not " + courseId + ".");
            }
        }
        return courseId;
    }

    String courseTitle(long courseId) {
        return courses.get(courseId).title();
    }

    void use(Ticket t) {
        tickets.take(t.tokenHash());
    }

    Map<String, String> payload(Ticket t) {
        if (t.payload() == null) {
            return Map.of();
        }
        try {
            Map<String, String> out = new LinkedHashMap<>();
            JSONObjectUtils.parse(t.payload()).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
            return out;
        } catch (ParseException e) {
            throw new IllegalStateException("Ticket payload is not JSON", e);
        }
    }

    // The new-window sign-in

    /** The user and the page of a HANDOFF ticket, used up now; refused when unknown, used or expired. */
    Map.Entry<User, String> handoff(@Nullable String token) {
        Ticket t = openTicket(token, Ticket.Purpose.HANDOFF);
        if (tickets.take(t.tokenHash()) != 1) {
            throw expired();
        }
        User user = people.user(t.userId()).orElseThrow(Launches::expired);
        return Map.entry(user, payload(t).getOrDefault("path", "/"));
    }

    // Parts

    private Enter enter(User user, LtiContext context, CourseRole role, Page page, String platformName, @Nullable String frame) {
        long courseId = context.courseId();
        CourseRole current = people.roleIn(user.id(), courseId).orElse(null);
        CourseRole applied = role;
        if (current == CourseRole.INSTRUCTOR && role != CourseRole.INSTRUCTOR && lastInstructor(courseId)) {
            applied = CourseRole.INSTRUCTOR;
        }
        if (applied != current) {
            people.enroll(courseId, user.id(), applied, null);
        }
        String path = page.path(courseId);
        String handoff = ticket(Ticket.Purpose.HANDOFF, context.registrationId(), user.id(), context.id(), applied,
                Map.of("path", path), HANDOFF_LIFETIME);
        // After the writes: the roster sync, hearing it, reads the enrollment made here.
        launched.publishEvent(new ContextLaunched(context.id(), courseId, user.id(), applied == CourseRole.INSTRUCTOR));
        return new Enter(user, courseId, path, handoff, platformName, frame);
    }

    private boolean lastInstructor(long courseId) {
        return people.roster(courseId).stream().filter(e -> e.role() == CourseRole.INSTRUCTOR && !e.withdrawn()).count() <= 1;
    }

    /**
     * The person's account. The e-mail claim counts as verified: the platform was registered by a site administrator,
     * who thereby trusts its directory to say whose address is whose, as the campus does for its own sign-in; an
     * LMS launch with a colleague's address is the LMS's breach, not a stranger's claim.
     */
    private User account(Launch launch) {
        String email = launch.email();
        // Except a site administrator's account: an LMS's word on an address vouches for a course's people, and an
        // LMS user who can set their own address there must not become the administrator of Paperclub. Such a launch
        // gets an account of its own (no password, a placeholder address), like any unverified claim.
        boolean vouched = email == null || email.isBlank()
                || people.userByEmail(email).map(u -> !admins.isAdmin(u.id())).orElse(true);
        return identities.resolve(launch.issuer(), launch.subject(), email, vouched, launch.name());
    }

    /** The context row of this launch, made or brought up to date with the title, label and service endpoints it names. */
    private LtiContext upsertContext(Launch launch, String contextId) {
        Map<String, Object> ctx = launch.context();
        Map<String, Object> nrps = launch.object(Launch.NRPS);
        Map<String, Object> ags = launch.object(Launch.AGS);
        String title = clip(Launch.string(ctx, "title"), 500);
        String label = clip(Launch.string(ctx, "label"), 255);
        String memberships = clip(Launch.string(nrps, "context_memberships_url"), 1000);
        String lineitems = clip(Launch.string(ags, "lineitems"), 1000);
        String scopes = null;
        if (ags != null && ags.get("scope") instanceof List<?> list) {
            scopes = clip(String.join(" ", list.stream().filter(String.class::isInstance).map(String.class::cast).toList()), 1000);
        }
        Instant now = clock.instant();
        long registrationId = launch.registration().id();
        for (int attempt = 0; ; attempt++) {
            Optional<LtiContext> found = contexts.findByRegistrationIdAndDeploymentIdAndContextId(registrationId,
                    launch.deploymentId(), contextId);
            try {
                if (found.isPresent()) {
                    // Not the whole row: the link it read may have changed since (an instructor linked or unlinked it).
                    long id = found.get().id();
                    links.refresh(id, title, label, memberships, lineitems, scopes, now);
                    return contexts.findById(id).orElseThrow();
                }
                return contexts.save(new LtiContext(null, registrationId, launch.deploymentId(), contextId, null, title, label,
                        memberships, lineitems, scopes, now, now));
            } catch (DataAccessException e) {
                // Two first launches from one LMS course at once: the unique key let the other one make the row.
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private CourseCommand suggestion(LtiContext context) {
        String title = context.title() != null ? context.title() : context.label() != null ? context.label() : context.contextId();
        String code = context.label() != null ? context.label() : title;
        return new CourseCommand(oneLine(code, 40), oneLine(title, 200), term(), defaultTimeZone, null, null);
    }

    /** The term a course made today most likely runs in. */
    private String term() {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        int m = now.getMonthValue();
        return (m <= 5 ? "Spring " : m <= 7 ? "Summer " : "Fall ") + now.getYear();
    }

    /** The courses a deep link may point to: the linked one when the instructor teaches it, else every one they teach. */
    private List<CourseView> choices(long userId, @Nullable Long linked) {
        return taught(userId).stream().filter(c -> linked == null || c.id().equals(linked)).toList();
    }

    private List<CourseView> taught(long userId) {
        return courses.coursesOf(userId).stream().filter(c -> c.role() == CourseRole.INSTRUCTOR).toList();
    }

    private String ticket(Ticket.Purpose purpose, long registrationId, long userId, @Nullable Long contextRow,
                          @Nullable CourseRole role, Map<String, ?> payload, Duration lifetime) {
        Instant now = clock.instant();
        tickets.deleteExpired(now);
        String token = Tokens.random();
        tickets.save(new Ticket(Tokens.hash(token), purpose, registrationId, userId, contextRow, role,
                JSONObjectUtils.toJSONString(new LinkedHashMap<>(payload)), now.plus(lifetime)));
        return token;
    }

    private LtiContext context(long id) {
        return contexts.findById(id).orElseThrow(Launches::expired);
    }

    private String platformName(Ticket t) {
        return payload(t).getOrDefault("platform", "your LMS");
    }

    @Nullable
    private String frame(Ticket t) {
        String f = payload(t).get("frame");
        return f == null || f.isEmpty() ? null : f;
    }

    @Nullable
    private String target(Ticket t) {
        return payload(t).get("target");
    }

    static LaunchRefused expired() {
        return LaunchRefused.bad("This page has expired or was used already. Open Paperclub from your LMS again.",
                "Unknown, used or expired ticket.");
    }

    @Nullable
    private static String clip(@Nullable String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }

    private static String oneLine(String s, int max) {
        String line = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max).strip();
    }
}
