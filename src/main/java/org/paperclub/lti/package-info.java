/**
 * Paperclub as an LTI 1.3 Advantage tool: the LMS platforms registered by site administrators
 * ({@link org.paperclub.lti.Registrations}), the tool's signing keys ({@link org.paperclub.lti.ToolKeys}, published at
 * {@code /lti/jwks}), the OpenID Connect launch, and the services (roster, grades, deep linking).
 * <p>
 * Site administrators manage it through {@code /api/lti/*} (every route there is {@code @SiteAdmin}, which
 * {@code people.SiteAdminTest} checks by walking the routes): platforms ({@code RegistrationController}), keys and the
 * values to paste into an LMS ({@code ToolAdminController}), one-time LTI Dynamic Registration links
 * ({@link org.paperclub.lti.DynamicRegistration}). Platforms read, without signing in, {@code /lti/jwks},
 * {@code /lti/config/canvas.json} ({@code ToolController}) and {@code /lti/register/{secret}}.
 * <p>
 * The launch: {@code LaunchController} ({@code /lti/login}, {@code /lti/launch}), {@link org.paperclub.lti.LaunchVerifier}
 * (every check of the id_token, against the platform's keys kept by {@code PlatformKeys}), {@link org.paperclub.lti.Launches}
 * (the person, the role by {@link org.paperclub.lti.LtiRoles}, the linked course, the sign-in), deep linking, and the
 * LMS origins that may frame Paperclub ({@code LmsFrames}, heard by {@code system} through
 * {@link org.paperclub.system.FrameAncestors}).
 * <p>
 * The Advantage services: {@link org.paperclub.lti.ServiceTokens} (client-credentials tokens with a signed assertion,
 * cached), {@link org.paperclub.lti.RosterSync} (NRPS 2.0: every page fetched, then applied in one transaction; after an
 * instructor's launch too), {@link org.paperclub.lti.GradePassback} (AGS 2.0: scores queued in the transaction that
 * publishes grades, heard as {@code grading.GradesPublished}) and {@link org.paperclub.lti.ScoreSender} (the score
 * outbox, posted like the mail outbox: leases, SKIP LOCKED, back-off, give-up). One mapping of LTI roles to course
 * roles: {@link org.paperclub.lti.LtiRoles}. An instructor unlinks an LMS course chosen by mistake
 * ({@code ContextUnlink}, {@code DELETE /api/courses/{courseId}/lti/links/{linkId}}): it is then as if never linked.
 * <p>
 * Owns the {@code lti_*} tables. Uses {@code people} (accounts, identities, sign-in), {@code course}, {@code grading}
 * and {@code system} through their services; nothing depends on it.
 */
package org.paperclub.lti;
