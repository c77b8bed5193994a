/**
 * Paperclub as an LTI 1.3 Advantage tool: the LMS platforms registered by site administrators
 * ({@link org.paperclub.lti.Registrations}), the tool's signing keys ({@link org.paperclub.lti.ToolKeys}, published at
 * {@code /lti/jwks}), the OpenID Connect launch, and the services (roster, grades, deep linking).
 * <p>
 * Owns the {@code lti_*} tables. Uses {@code people} (accounts, identities, sign-in), {@code course}, {@code grading}
 * and {@code system} through their services; nothing depends on it.
 */
package org.paperclub.lti;
