package org.paperclub.people;

/** What a person is in one course. Staff (TA and instructor) run the course; only instructors change its staff. */
public enum CourseRole {
    STUDENT, TA, INSTRUCTOR;

    public boolean isStaff() {
        return this != STUDENT;
    }
}
