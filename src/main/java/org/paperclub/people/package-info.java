/**
 * People and sign-in: accounts, enrollments (a role per course), roster import, set-password links, sign-in sessions
 * kept in the database, the password-guessing throttle, CSRF tokens.
 * <p>
 * Owns the tables {@code app_user}, {@code enrollment}, {@code invitation}, {@code signing_secret},
 * {@code sign_in_session}, {@code sign_in_throttle}. Others use it through {@link org.paperclub.people.PeopleService}
 * (roles, the enrollment lock that orders every per-student rule) and {@link org.paperclub.people.Viewer}. It uses
 * only {@code system}; what it needs of courses it asks through {@link org.paperclub.people.CoursesOfUser}.
 */
package org.paperclub.people;
