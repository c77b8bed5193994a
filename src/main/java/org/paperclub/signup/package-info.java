/**
 * Presentation sign-ups (teams, slots, approvals) and supporting-role seats: the board, coverage per block, role
 * switches, auto-fill and the audit trail. The syllabus rules (freeze, blocks, slots, seats,
 * team size, presentations per student, one role per session, no role where you present) are in
 * {@link org.paperclub.signup.SignupRules}.
 * <p>
 * Owns {@code presentation}, {@code presentation_member}, {@code role_signup}, {@code signup_event}. Uses {@code course},
 * {@code people}, {@code notify} ({@link org.paperclub.signup.SignupNotices}: what students are told), {@code system}; others read it through {@link org.paperclub.signup.SignupLedger}. A sign-up locks
 * the session row, then the students&#39; enrollment rows in user id order (README, "Locks").
 */
package org.paperclub.signup;
