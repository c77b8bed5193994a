package org.paperclub.grading;

import org.paperclub.course.GradingPolicy;

/** What a grade is for; the grade's subject is the paper presented, the role held, or the paper critiqued. */
public enum GradeKind {
    PRESENTATION, ROLE, CRITIQUE;

    /** The course's scale for this kind of item. */
    GradingPolicy.Scale scaleIn(GradingPolicy policy) {
        return switch (this) {
            case PRESENTATION -> policy.presentationScale();
            case ROLE -> policy.roleScale();
            case CRITIQUE -> policy.critiqueScale();
        };
    }
}
