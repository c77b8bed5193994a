package org.paperclub.course;

import org.paperclub.system.SingleLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.paperclub.people.CourseRole;
import org.paperclub.people.InvitingCourse;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.people.Viewer;
import org.paperclub.system.Downloads;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.List;

@Controller("/api/courses/{courseId}/roster")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Roster")
class RosterController {

    private static final String MANAGE = "manage the roster";

    private final PeopleService people;
    private final CourseAccess access;
    private final Withdrawals withdrawals;
    private final CourseRepository courses;

    RosterController(PeopleService people, CourseAccess access, Withdrawals withdrawals, CourseRepository courses) {
        this.people = people;
        this.access = access;
        this.withdrawals = withdrawals;
        this.courses = courses;
    }

    /** How invitation e-mails name the course and tell the link's expiry (people knows nothing of courses). */
    private InvitingCourse invitingCourse(long courseId) {
        return courses.findById(courseId).map(c -> new InvitingCourse(c.code() + " " + c.title(), c.zone()))
                .orElse(new InvitingCourse("your course", ZoneId.of("UTC")));
    }

    @Serdeable
    record EnrollCommand(@NotBlank @Email @Size(max = 320) @SingleLine String email,
                         @Nullable @Size(max = 200) @SingleLine String name,
                         @Nullable CourseRole role,
                         @Nullable @Size(max = 60) @SingleLine String section) {
    }

    @Get
    @Operation(summary = "Everyone in the course with their role (staff)")
    @CourseStaff(MANAGE)
    List<RosterEntry> list(long courseId, Authentication auth) {
        return people.roster(courseId);
    }

    @Post
    @Operation(summary = "Enroll one person, or change their role or section (staff; only instructors add staff or change "
            + "theirs). A new account gets an invitation: e-mailed when e-mail is on (invitationEmailed), else its "
            + "set-password link is returned once.")
    @CourseStaff(MANAGE)
    HttpResponse<PeopleService.Added> add(long courseId, @Body @Valid EnrollCommand command, Authentication auth) {
        CourseRole actor = access.role(courseId);
        PeopleService.Added added = people.addToRoster(courseId, Viewer.id(auth), actor, command.email(), command.name(),
                command.role() == null ? CourseRole.STUDENT : command.role(), command.section(), invitingCourse(courseId));
        return HttpResponse.created(added, URI.create("/api/courses/" + courseId + "/roster"));
    }

    @Post("/{userId}/invitation")
    @Operation(summary = "Send a person the invitation again (staff who answer for all their course roles): their older links "
            + "stop working; e-mailed when e-mail is on, else the new link is returned once. With e-mail on, only for someone "
            + "who has no password yet.")
    @CourseStaff(MANAGE)
    PeopleService.Added resendInvitation(long courseId, long userId, Authentication auth) {
        return people.resendInvitation(courseId, Viewer.id(auth), userId, invitingCourse(courseId));
    }

    @Delete("/{userId}")
    @Operation(summary = "Remove a student from the course (staff): their work stays, counted as withdrawn; they lose access; "
            + "their sign-ups for sessions still to come are released. Adding them again re-enrolls them.")
    @CourseStaff(MANAGE)
    Withdrawals.Removed remove(long courseId, long userId, Authentication auth) {
        return withdrawals.remove(courseId, userId, Viewer.id(auth));
    }

    @Get(value = "/export", produces = {"text/csv", Downloads.WHATEVER_IS_ACCEPTED})
    @Operation(summary = "The roster as CSV with the columns the roster import takes (email,name,role,section); withdrawn "
            + "students are left out, so that importing the file again changes nobody")
    @CourseStaff(MANAGE)
    HttpResponse<String> export(long courseId, Authentication auth) {
        StringWriter text = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            out.printRecord("email", "name", "role", "section");
            for (RosterEntry e : people.roster(courseId)) {
                if (!e.withdrawn()) {
                    out.printRecord(e.email(), safe(e.name()), e.role() == CourseRole.TA ? "TA" : e.role().name().toLowerCase(Locale.ROOT),
                            e.section() == null ? "" : safe(e.section()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(text.toString()).contentType("text/csv;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"roster-course-" + courseId + ".csv\"");
    }

    /** A cell starting with = + - @ would run as a formula in a spreadsheet: such text gets a leading apostrophe. */
    private static String safe(String v) {
        return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    @Post("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a roster CSV in UTF-8 (email,name,role,section or Canvas's columns); one bad row refuses the "
            + "whole file. Each new account gets an invitation: e-mailed when e-mail is on, else its set-password link is "
            + "returned once.")
    @CourseStaff(MANAGE)
    PeopleService.ImportResult importCsv(long courseId, @Body byte[] csv, Authentication auth) {
        CourseRole actor = access.role(courseId);
        return people.importRoster(courseId, Viewer.id(auth), actor, csv, invitingCourse(courseId));
    }
}
