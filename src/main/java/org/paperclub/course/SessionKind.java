package org.paperclub.course;

/** What happens in a class meeting. NO_CLASS keeps a cancelled or holiday meeting on the schedule. */
public enum SessionKind {
    LECTURE, PRESENTATION, NO_CLASS
}
