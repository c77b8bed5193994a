package org.paperclub.critique;

import org.paperclub.system.FreeText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.paperclub.course.CourseAccess;
import org.paperclub.course.CourseMember;
import org.paperclub.course.CourseStaff;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.people.Viewer;
import org.paperclub.system.Downloads;
import org.paperclub.system.Problem;
import org.paperclub.system.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Critiques")
class CritiqueController {

    private final CritiqueService critiques;
    private final PrintService print;
    private final CourseAccess access;
    private final PeopleService people;
    private final GradedCritiques graded;
    private final UploadMemory memory;
    private final StoredFiles files;

    CritiqueController(CritiqueService critiques, PrintService print, CourseAccess access, PeopleService people,
                       GradedCritiques graded, UploadMemory memory, StoredFiles files) {
        this.critiques = critiques;
        this.print = print;
        this.access = access;
        this.people = people;
        this.graded = graded;
        this.memory = memory;
        this.files = files;
    }

    /**
     * The stored file, streamed in chunks from the database (StoredFiles): only now, after the caller's permission
     * was checked. Never kept by the browser or a proxy (as every other API answer, system/SecurityHeadersFilter): said
     * here, because a file's answer would otherwise be marked cacheable for a minute by Micronaut's file writer.
     */
    private MutableHttpResponse<StreamedFile> pdf(CritiqueVersion v, String disposition) {
        StreamedFile body = new StreamedFile(files.open(v.id(), v.sizeBytes()), MediaType.of("application/pdf"),
                v.uploadedAt().toEpochMilli(), v.sizeBytes());
        return HttpResponse.ok(body).contentType("application/pdf").header("Content-Disposition", disposition)
                .header("X-Content-SHA256", v.sha256()).header("Cache-Control", "no-store");
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded file could not be read back from its temporary file", e);
        }
    }

    @Get(value = "/courses/{courseId}/sessions/{sessionId}/critiques.pdf", produces = {"application/pdf", Downloads.WHATEVER_IS_ACCEPTED})
    @Operation(summary = "All critiques of a session (latest versions) merged into one PDF for printing, each page headed with student and paper (staff)")
    @CourseStaff("print the critiques of a session")
    HttpResponse<StreamedFile> printSession(long courseId, long sessionId, Authentication auth) {
        return HttpResponse.ok(print.merged(courseId, sessionId)).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"session-" + sessionId + "-critiques.pdf\"");
    }

    @Serdeable
    record ExtensionCommand(@NotNull Long studentId, @Nullable Long sessionId, @Min(1) @Max(2000) int hours,
                            @Nullable @Size(max = 500) @FreeText String reason) {
    }

    /** What file systems allow; the form's buffer (micronaut.server.netty.form-max-buffered-bytes) holds longer ones. */
    static final int MAX_FILE_NAME = 255;

    @Post(value = "/courses/{courseId}/critiques", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a critique PDF (multipart: sessionId, paperId, file; staff also studentId): 201 with a receipt, or 422 listing every failed check")
    @CourseMember
    HttpResponse<CritiqueViews.Receipt> upload(long courseId, @Part("sessionId") Long sessionId, @Part("paperId") Long paperId,
                                                @Nullable @Part("studentId") Long studentId, @Part("file") CompletedFileUpload file,
                                                Authentication auth) throws IOException {
        CourseRole role = access.role(courseId);
        if (file.getFilename() != null && file.getFilename().length() > MAX_FILE_NAME) {
            throw ProblemException.invalid("The file name is too long (at most " + MAX_FILE_NAME + " characters). Rename the file "
                    + "and upload it again.", List.of(new Problem.Violation("file", "the file name has " + file.getFilename().length()
                    + " characters; at most " + MAX_FILE_NAME + " are allowed")));
        }
        long me = Viewer.id(auth);
        long student = access.studentFor(courseId, studentId, "You can hand in only your own critiques.",
                "Say for which student you upload (studentId).", "is required when staff upload");
        CritiqueViews.Receipt receipt = memory.within(file.getSize(), () -> critiques.upload(courseId, me, role, student,
                new CritiqueService.Upload(sessionId, paperId, file.getFilename(), bytes(file))));
        return HttpResponse.created(receipt, URI.create("/api/critiques/" + receipt.versionId() + "/file"));
    }

    @Get("/courses/{courseId}/critiques")
    @Operation(summary = "Critiques with all their versions: a student sees only their own; staff filter by ?studentId and ?sessionId")
    @CourseMember
    List<CritiqueViews.CritiqueView> list(long courseId, @Nullable @QueryValue Long studentId, @Nullable @QueryValue Long sessionId,
                                          Authentication auth) {
        Long student = access.studentOrEveryone(courseId, studentId, "You can see only your own critiques.");
        return critiques.list(courseId, student, sessionId);
    }

    @Get("/courses/{courseId}/critiques/progress")
    @Operation(summary = "My critiques counted toward the term's total, and my deadlines (staff: ?studentId)")
    @CourseMember
    CritiqueViews.Progress progress(long courseId, @Nullable @QueryValue Long studentId, Authentication auth) {
        // Staff who name nobody see their own (empty) progress, as the page asks for it without a student.
        Long student = access.studentOrEveryone(courseId, studentId, "You can see only your own progress.");
        return critiques.progress(courseId, student != null ? student : Viewer.id(auth));
    }

    @Get(value = "/critiques/{versionId}/file", produces = {"application/pdf", Downloads.WHATEVER_IS_ACCEPTED})
    @Operation(summary = "Download one version of a critique (its student, or staff of the course)")
    HttpResponse<StreamedFile> file(long versionId, Authentication auth) {
        CritiqueService.Download d = critiques.download(versionId);
        CourseRole role = access.roleOf(auth, d.courseId()).orElse(null);
        if (role == null || !role.isStaff() && d.studentId() != Viewer.id(auth)) {
            // Not 403: whether another student's critique exists, or in which course, is itself not theirs to know.
            throw ProblemException.notFound("There is no critique file " + versionId + ".");
        }
        return pdf(d.version(), "attachment; filename=\"critique-" + versionId + ".pdf\"");
    }

    /** The one answer the page may show in a frame of its own (system/SecurityHeadersFilter.FRAMED names its path). */
    @Get(value = "/courses/{courseId}/critiques/{critiqueId}/pdf", produces = {"application/pdf", Downloads.WHATEVER_IS_ACCEPTED})
    @Operation(summary = "Read the latest version of a critique in the browser (inline), e.g. beside the grading sheet (staff, or its student)")
    @CourseMember
    HttpResponse<StreamedFile> read(long courseId, long critiqueId, Authentication auth) {
        CourseRole role = access.role(courseId);
        CritiqueService.Download d = critiques.latest(courseId, critiqueId);
        if (!role.isStaff() && d.studentId() != Viewer.id(auth)) {
            // Not 403: whether another student's critique exists is itself not theirs to know.
            throw ProblemException.notFound("There is no critique " + critiqueId + " in this course.");
        }
        // The name is made of numbers only, so that no student's file name reaches a header.
        return pdf(d.version(), "inline; filename=\"critique-" + critiqueId + "-v" + d.version().version() + ".pdf\"");
    }

    @Post("/courses/{courseId}/extensions")
    @Operation(summary = "Grant a student more time: for one session (sessionId) or the whole term (staff)")
    @CourseStaff("grant extensions")
    HttpResponse<CritiqueViews.ExtensionView> grant(long courseId, @Body @Valid ExtensionCommand command, Authentication auth) {
        CritiqueViews.ExtensionView view = critiques.grant(courseId, Viewer.id(auth), command.studentId(), command.sessionId(),
                command.hours(), command.reason());
        return HttpResponse.created(view, URI.create("/api/courses/" + courseId + "/extensions"));
    }

    @Get("/courses/{courseId}/extensions")
    @Operation(summary = "Extensions: a student's own, or everyone's for staff")
    @CourseMember
    List<CritiqueViews.ExtensionView> extensions(long courseId, Authentication auth) {
        return critiques.extensions(courseId, access.studentOrEveryone(courseId, null, "You can see only your own extensions."));
    }

    /**
     * The critiques page's own data in one answer: what {@code /critiques/progress}, {@code /critiques} and
     * {@code /extensions} answer without parameters, and for staff the roster and which critiques have a grade.
     */
    @Serdeable
    record Overview(CourseRole role, CritiqueViews.Progress progress, List<CritiqueViews.CritiqueView> critiques,
                    List<CritiqueViews.ExtensionView> extensions, @Nullable List<RosterEntry> roster,
                    @Nullable List<Long> gradedCritiques) {
    }

    @Get("/courses/{courseId}/critiques/overview")
    @Operation(summary = "The critiques page in one answer: my role, my progress and deadlines, the critiques and extensions I may see; "
            + "staff also get the roster and the ids of the critiques graded")
    @CourseMember
    Overview overview(long courseId, Authentication auth) {
        CourseRole role = access.role(courseId);
        Long student = access.studentOrEveryone(courseId, null, "You can see only your own critiques.");
        boolean staff = role.isStaff();
        return new Overview(role, critiques.progress(courseId, student != null ? student : Viewer.id(auth)),
                critiques.list(courseId, student, null), critiques.extensions(courseId, student),
                staff ? people.roster(courseId) : null, staff ? graded.graded(courseId) : null);
    }
}
