/**
 * Courses and their schedule: details and policies ({@code CoursePolicies}, {@code LatePolicy},
 * {@code GradingPolicy}, {@code ReminderPolicy}, {@code PolicyWarnings}), class sessions, papers and their links ({@code PaperLinks}), readings,
 * supporting roles, course files (import and export), the roster endpoints, the demo loader, and
 * {@link org.paperclub.course.CourseAccess}: who may call an endpoint of a course.
 * <p>
 * Owns {@code course}, {@code class_session}, {@code paper}, {@code reading}, {@code supporting_role}. Uses {@code people}
 * and {@code system}. Later features plug in through {@link org.paperclub.course.ScheduleGuard} (veto a delete) and
 * {@link org.paperclub.course.DemoSeeder} (demo activity), and hear of a session cancelled or moved through
 * {@link org.paperclub.course.SessionChanged} (published inside the change's transaction), never the other way round.
 */
package org.paperclub.course;
