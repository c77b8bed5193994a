package org.paperclub.signup;

/** A paper off the official list holds its slot as PROPOSED until staff approve it (or decline: the team goes). */
public enum PresentationStatus {
    CONFIRMED, PROPOSED
}
