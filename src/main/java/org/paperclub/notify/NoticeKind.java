package org.paperclub.notify;

/**
 * The kinds of notice, each with the label a person chooses a delivery for, and its delivery until they choose.
 * Urgent ones (reminders, a partner waiting for an answer or answering, a moved session) go by e-mail at once; news that can wait
 * (grades) goes in the daily digest.
 */
public enum NoticeKind {
    GRADE_PUBLISHED("Grades published", Delivery.DIGEST),
    REGRADE_ANSWERED("Regrade requests answered", Delivery.EMAIL),
    PROPOSAL_DECIDED("Paper proposals approved or declined", Delivery.EMAIL),
    PARTNER_INVITATION("Invitations to present as a partner", Delivery.EMAIL),
    PARTNER_ANSWERED("A classmate answered my invitation to present together", Delivery.EMAIL),
    SIGNUP_CHANGED("Staff moved or removed my sign-up", Delivery.EMAIL),
    SESSION_CHANGED("A session I am part of was moved or cancelled", Delivery.EMAIL),
    EXTENSION_GRANTED("Extensions granted to me", Delivery.EMAIL),
    ANNOUNCEMENT("Course announcements", Delivery.EMAIL),
    CRITIQUE_REMINDER("Reminder: a critique due soon that I have not handed in", Delivery.EMAIL),
    SIGNUP_REMINDER("Reminder: sign-ups freezing while I still lack a role or presentation", Delivery.EMAIL),
    PRESENTATION_REMINDER("Reminder: my presentation or role in a few days", Delivery.EMAIL);

    private final String label;
    private final Delivery byDefault;

    NoticeKind(String label, Delivery byDefault) {
        this.label = label;
        this.byDefault = byDefault;
    }

    public String label() {
        return label;
    }

    public Delivery byDefault() {
        return byDefault;
    }
}
