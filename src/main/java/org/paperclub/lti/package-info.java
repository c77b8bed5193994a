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
 * Owns the {@code lti_*} tables. Uses {@code people} (accounts, identities, sign-in), {@code course}, {@code grading}
 * and {@code system} through their services; nothing depends on it.
 */
package org.paperclub.lti;
