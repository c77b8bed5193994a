/**
 * Participation grading: grades per item with scales ({@link org.paperclub.grading.GradeScaleRules}), the
 * participation formula ({@link org.paperclub.grading.ParticipationRules}), session sheets, publishing, regrades
 * and their window ({@link org.paperclub.grading.RegradeRules}),
 * the audit, and the gradebook and breakdown CSVs. Published grades (and published grades changed) are announced as
 * {@link org.paperclub.grading.GradesPublished} inside their transaction, for whoever sends them on (the LMS).
 * <p>
 * Owns {@code grade}, {@code grade_event}, {@code regrade_request}. Uses {@code course}, {@code people},
 * {@code signup} and {@code critique} through their services and ledgers, {@code notify} (grades published, regrades
 * answered) and {@code system}.
 */
package org.paperclub.grading;
