package org.paperclub.people;

/**
 * Where an account without a password stands, as staff see it on the roster: its newest invitation still works
 * ({@code PENDING}), or it has none that works ({@code EXPIRED}: staff send it again).
 */
public enum InvitationState {
    PENDING, EXPIRED
}
