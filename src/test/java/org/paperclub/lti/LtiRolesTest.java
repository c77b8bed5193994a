package org.paperclub.lti;

import org.junit.jupiter.api.Test;
import org.paperclub.people.CourseRole;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** LTI context roles as a course role: the one mapping the launch and the roster sync share. */
class LtiRolesTest {

    private static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final String SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/";

    @Test
    void an_instructor_a_learner_and_a_teaching_assistant_are_what_they_say() {
        assertEquals(Optional.of(CourseRole.INSTRUCTOR), LtiRoles.of(List.of(M + "Instructor")));
        assertEquals(Optional.of(CourseRole.STUDENT), LtiRoles.of(List.of(M + "Learner")));
        assertEquals(Optional.of(CourseRole.TA), LtiRoles.of(List.of(SUB + "Instructor#TeachingAssistant")));
    }

    @Test
    void a_teaching_assistant_also_listed_as_instructor_is_a_ta_because_the_sub_role_is_the_narrower_claim() {
        assertEquals(Optional.of(CourseRole.TA), LtiRoles.of(List.of(M + "Instructor", SUB + "Instructor#TeachingAssistant")));
        assertEquals(Optional.of(CourseRole.TA), LtiRoles.of(List.of(M + "Instructor", SUB + "Instructor#Grader")));
    }

    @Test
    void the_simple_names_nrps_uses_are_read_as_the_full_roles() {
        assertEquals(Optional.of(CourseRole.INSTRUCTOR), LtiRoles.of(List.of("Instructor")));
        assertEquals(Optional.of(CourseRole.STUDENT), LtiRoles.of(List.of("Learner")));
    }

    @Test
    void an_institution_role_or_a_role_the_course_does_not_have_makes_nobody_anything() {
        assertEquals(Optional.empty(), LtiRoles.of(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor")));
        assertEquals(Optional.empty(), LtiRoles.of(List.of(M + "Mentor")));
        assertEquals(Optional.empty(), LtiRoles.of(List.of()));
    }

    @Test
    void an_instructor_who_is_also_enrolled_as_a_learner_is_an_instructor() {
        assertEquals(Optional.of(CourseRole.INSTRUCTOR), LtiRoles.of(List.of(M + "Learner", M + "Instructor")));
    }
}
