package org.paperclub.grading;

/** What a grade is for; the grade's subject is the paper presented, the role held, or the paper critiqued. */
public enum GradeKind {
    PRESENTATION, ROLE, CRITIQUE
}
