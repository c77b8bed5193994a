package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.paperclub.grading.GradingViews.StudentLine;
import org.paperclub.grading.GradingViews.Summary;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gradebook as CSV. The Canvas file follows Canvas's gradebook import: the columns Student, ID, SIS User ID,
 * SIS Login ID and Section, one column per graded item, and a "Points Possible" row under the header.
 * ID and SIS User ID are Canvas's own ids, written back as a Canvas roster import gave them (empty when the roster
 * came from elsewhere; never guessed); SIS Login ID is the email the roster was imported with.
 */
@Singleton
class GradebookExport {

    static final String[] CANVAS_ITEMS = {"Main presentation", "Supporting roles", "Critiques", "Participation"};

    private final GradeSheets sheets;
    private final PeopleService people;

    GradebookExport(GradeSheets sheets, PeopleService people) {
        this.sheets = sheets;
        this.people = people;
    }

    String canvas(long courseId, boolean draftsToo) {
        Summary summary = sheets.summary(courseId, draftsToo);
        Map<Long, RosterEntry> roster = people.roster(courseId).stream()
                .collect(Collectors.toMap(RosterEntry::userId, Function.identity(), (a, b) -> a));
        return write(out -> {
            out.print("Student");
            out.print("ID");
            out.print("SIS User ID");
            out.print("SIS Login ID");
            out.print("Section");
            for (String item : CANVAS_ITEMS) {
                out.print(item + " (%)");
            }
            out.println();
            out.printRecord("    Points Possible", "", "", "", "", "100", "100", "100", "100");
            for (StudentLine s : summary.students()) {
                RosterEntry e = roster.get(s.studentId());
                out.printRecord(cell(sortable(s.name())), cell(blank(e == null ? null : e.canvasUserId())),
                        cell(blank(e == null ? null : e.sisUserId())), cell(s.email()), cell(blank(s.section())),
                        number(s.presentation()), number(s.roles()), number(s.critiques()), number(s.participation()));
            }
        });
    }

    String breakdown(long courseId, boolean draftsToo) {
        Summary summary = sheets.summary(courseId, draftsToo);
        return write(out -> {
            out.printRecord("Student", "Email", "Section", "Main presentation (%)", "Presentations graded", "Presentations required",
                    "Supporting roles (%)", "Roles graded", "Roles held", "Roles required", "Critiques (%)", "Critiques handed in",
                    "Critiques graded", "Critiques required", "Participation (%)", "Not graded yet", "Flagged grades", "Draft grades");
            for (StudentLine s : summary.students()) {
                out.printRecord(cell(s.name()), cell(s.email()), cell(blank(s.section())),
                        number(s.presentation()), s.presentationsGraded(), summary.required().presentations(),
                        number(s.roles()), s.rolesGraded(), s.rolesHeld(), summary.required().roles(),
                        number(s.critiques()), s.critiquesAccepted(), s.critiquesGraded(), summary.required().critiques(),
                        number(s.participation()), s.ungraded(), s.flagged(), s.unpublished());
            }
        });
    }

    /** Canvas lists students as "Last, First"; a one-word name stays as it is. */
    static String sortable(String name) {
        String n = name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 || n.contains(",") ? n : n.substring(space + 1) + ", " + n.substring(0, space);
    }

    /**
     * Text from the roster, made safe for spreadsheets: a cell that starts with = + - @ (or a tab or return) would run
     * as a formula when the file is opened, so it is prefixed with an apostrophe, which spreadsheets show as text.
     */
    static String cell(String v) {
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    private static String blank(@Nullable String v) {
        return v == null ? "" : v;
    }

    private static String number(@Nullable Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** What writes the rows of one CSV file. */
    private interface CsvRows {
        void write(CSVPrinter out) throws IOException;
    }

    private static String write(CsvRows rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            rows.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
