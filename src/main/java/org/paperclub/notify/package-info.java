/**
 * Notifications: what a person is told in the app (the bell: {@link org.paperclub.notify.Notices#post}), and, by
 * their choice per kind ({@link org.paperclub.notify.Delivery}), by e-mail at once or in a daily digest
 * ({@link org.paperclub.notify.DigestJob}); one-click unsubscribe links (RFC 8058).
 * <p>
 * Owns {@code notification}, {@code notification_preference}, {@code mail_profile}. Uses {@code people}, {@code mail}
 * and {@code system}; features post through {@link org.paperclub.notify.Notices}, and learn a course's name and zone
 * through {@link org.paperclub.notify.CourseLabels}, which the course package implements.
 */
package org.paperclub.notify;
