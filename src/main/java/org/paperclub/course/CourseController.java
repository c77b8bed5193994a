package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.paperclub.course.Commands.CourseCommand;
import org.paperclub.course.CourseViews.CourseView;
import org.paperclub.people.CourseRole;
import org.paperclub.people.Viewer;
import org.paperclub.system.Downloads;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@Controller("/api/courses")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Courses")
class CourseController {

    static final String YAML = "application/yaml";

    private final CourseService courses;
    private final CourseFileService files;
    private final CourseAccess access;

    private final PolicyWarnings warnings;
    private final CourseCopy copies;
    private final LmsLinks lmsLinks;

    CourseController(CourseService courses, CourseFileService files, CourseAccess access, PolicyWarnings warnings,
                     CourseCopy copies, LmsLinks lmsLinks) {
        this.copies = copies;
        this.lmsLinks = lmsLinks;
        this.courses = courses;
        this.files = files;
        this.access = access;
        this.warnings = warnings;
    }

    @Get
    @Operation(summary = "The courses the caller is enrolled in, with their role in each")
    List<CourseView> list(Authentication auth) {
        return courses.coursesOf(Viewer.id(auth));
    }

    @Post
    @Operation(summary = "Create a course (the caller becomes its instructor; needs an account that may create courses)")
    HttpResponse<CourseView> create(@Body @Valid CourseCommand command, Authentication auth) {
        Course course = courses.create(command, Viewer.id(auth));
        return HttpResponse.created(CourseView.of(course, CourseRole.INSTRUCTOR), URI.create("/api/courses/" + course.id()));
    }

    @Get("/{courseId}")
    @Operation(summary = "A course with its policies; for staff, warnings about policies its schedule cannot meet")
    @CourseMember
    CourseView get(long courseId, Authentication auth) {
        CourseRole role = access.role(courseId);
        CourseView view = CourseView.of(courses.get(courseId), role).withLmsLinked(!lmsLinks.linked(List.of(courseId)).isEmpty());
        return role.isStaff() ? view.withWarnings(warnings.of(courseId)) : view;
    }

    @Put("/{courseId}")
    @Operation(summary = "Change a course's details and policies (instructors); the answer warns of policies the schedule cannot meet")
    @CourseInstructor("change the course and its policies")
    CourseView update(long courseId, @Body @Valid CourseCommand command, Authentication auth) {
        CourseRole role = access.role(courseId);
        return CourseView.of(courses.update(courseId, command), role).withWarnings(warnings.of(courseId));
    }

    @Post("/import")
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Create a whole course from a course file (YAML or JSON); every error is reported with its line or field. "
            + "With firstDay, the sessions move so that the term starts in that week, each on its own weekday")
    HttpResponse<CourseView> importCourse(@Body String file, @Nullable @QueryValue LocalDate firstDay, Authentication auth) {
        Course course = firstDay == null ? files.importCourse(file, Viewer.id(auth)) : copies.importMoved(file, firstDay, Viewer.id(auth));
        return HttpResponse.created(CourseView.of(course, CourseRole.INSTRUCTOR).withWarnings(warnings.of(course.id())), URI.create("/api/courses/" + course.id()));
    }

    @Post("/{courseId}/copy")
    @Operation(summary = "Copy a course into a new term (instructors who may create courses): policies, roles, papers and the "
            + "schedule, dates moved so that each session keeps its weekday; no students and no work")
    @CourseInstructor("copy the course into a new term")
    HttpResponse<CourseView> copy(long courseId, @Body @Valid CourseCopy.CopyCommand command, Authentication auth) {
        Course course = copies.copy(courseId, command, Viewer.id(auth));
        return HttpResponse.created(CourseView.of(course, CourseRole.INSTRUCTOR).withWarnings(warnings.of(course.id())),
                URI.create("/api/courses/" + course.id()));
    }

    @Get(value = "/{courseId}/export", produces = {YAML, MediaType.APPLICATION_JSON, Downloads.WHATEVER_IS_ACCEPTED})
    @Operation(summary = "The whole course as a course file: YAML, or JSON with ?format=json")
    @CourseStaff("export the course")
    HttpResponse<String> export(long courseId, @Nullable @QueryValue String format, Authentication auth) {
        boolean json = "json".equalsIgnoreCase(format);
        String body = json ? files.exportJson(courseId) : files.exportYaml(courseId);
        String name = "course-" + courseId + (json ? ".json" : ".yml");
        return HttpResponse.ok(body)
                .contentType(json ? MediaType.APPLICATION_JSON : YAML + ";charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
