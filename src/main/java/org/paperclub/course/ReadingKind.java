package org.paperclub.course;

/** ASSIGNED readings are required and may be critiqued; ADDITIONAL ones are optional resources. */
public enum ReadingKind {
    ASSIGNED, ADDITIONAL
}
