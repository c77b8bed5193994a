/**
 * Reminders: a critique due soon that a student has not handed in, a sign-up freeze while they still lack a role in
 * a block or their presentation, and their own presentation or supporting role in a few days, each with a lead
 * time the course sets ({@link org.paperclub.course.ReminderPolicy}). The rules are
 * {@link org.paperclub.reminders.ReminderRules}; {@link org.paperclub.reminders.ReminderJob} applies them on a
 * schedule and posts the notices, each once per person and item.
 * <p>
 * Owns {@code reminder_sent}. Uses {@code course}, {@code critique}, {@code signup}, {@code notify}, {@code people}
 * and {@code system} through their services and ledgers; nothing depends on it.
 */
package org.paperclub.reminders;
