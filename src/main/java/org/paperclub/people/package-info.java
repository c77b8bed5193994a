/**
 * People and sign-in: accounts, enrollments (a role per course), roster import, set-password links (invitations and
 * password resets, e-mailed when e-mail is on), sign-in sessions kept in the database, the password-guessing and
 * reset-request throttles, CSRF tokens, the mark of an address the SMTP server refused, and site administrators
 * ({@link org.paperclub.people.SiteAdmins}: named by {@code PAPERCLUB_ADMIN_EMAILS} or granted at
 * {@code /api/admin/site-admins}; {@link org.paperclub.people.SiteAdmin} gates their endpoints). Sign-in with the campus
 * account (OpenID Connect, {@link org.paperclub.people.CampusSignIn}) runs through Micronaut's OAuth 2.0 client and
 * ends in the same sessions; {@link org.paperclub.people.SignInOptions} says which ways in a site offers.
 * <p>
 * Owns the tables {@code app_user}, {@code enrollment}, {@code invitation}, {@code signing_secret},
 * {@code sign_in_session}, {@code sign_in_throttle}, {@code site_admin}. Others use it through {@link org.paperclub.people.PeopleService}
 * (roles, the enrollment lock that orders every per-student rule) and {@link org.paperclub.people.Viewer}. It uses
 * only {@code system} and {@code mail}; what it needs of courses it asks through
 * {@link org.paperclub.people.CoursesOfUser} or is given by the caller (the course's name and time zone for an
 * invitation, {@link org.paperclub.people.InvitingCourse}).
 */
package org.paperclub.people;
