/**
 * The iCalendar feed of a course (sessions, the student&#39;s deadlines and roles) and the secret calendar links.
 * <p>
 * Owns {@code calendar_link}. Reads the other features through their services and ledgers; nothing depends on it.
 */
package org.paperclub.calendar;
