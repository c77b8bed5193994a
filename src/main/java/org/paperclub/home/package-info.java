/**
 * The home page: for each course of the signed-in person, what is next for them — critiques due with the late
 * policy's verdict now and the grace left, sign-ups that still lack a role and freeze soon, their presentations
 * and roles, grades published and regrades answered lately; for staff, what waits for them.
 * <p>
 * Owns no table. Reads {@code grading}, {@code signup}, {@code critique}, {@code course} and {@code people} through
 * their services and ledgers; nothing depends on it.
 */
package org.paperclub.home;
