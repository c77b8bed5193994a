package org.paperclub.people;

import java.time.ZoneId;

/**
 * What an invitation e-mail says of the course it comes from, given by the caller (people knows nothing of courses):
 * its name ("CS 6785 Paper Seminar") and the zone in which the link's expiry is told.
 */
public record InvitingCourse(String name, ZoneId zone) {
}
