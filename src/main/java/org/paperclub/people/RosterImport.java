package org.paperclub.people;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.ProblemException;
import org.paperclub.system.Text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a roster CSV: our own columns ({@code email, name, role, section}) or Canvas's roster and gradebook
 * exports ("Student", "SIS Login ID", "Section", "Role"). Every row is checked before anything is written: one bad
 * row refuses the whole file, with each bad row named by its line, so that a fixed file can simply be sent again.
 */
final class RosterImport {

    /** {@code canvasUserId} and {@code sisUserId} come from Canvas's "ID" and "SIS User ID" columns, when present. */
    record Row(long line, String email, String name, CourseRole role, String section, String canvasUserId, String sisUserId) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "email", List.of("email", "e-mail", "email address", "sis login id", "login id"),
            "name", List.of("name", "full name", "student", "student name", "sortable name"),
            "role", List.of("role", "type"),
            "section", List.of("section", "section name"),
            "canvasUserId", List.of("id"),
            "sisUserId", List.of("sis user id"));

    private RosterImport() {
    }

    /** The file as sent: it must be UTF-8, which every spreadsheet can save ("CSV UTF-8") and Canvas exports. */
    static List<Row> parse(byte[] csv) {
        return parse(utf8(csv == null ? new byte[0] : csv));
    }

    /**
     * Decodes strictly: a Latin-1 or Windows-1252 file is refused rather than guessed, since the same bytes spell
     * different names in each, and a wrong guess would be stored for good.
     */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw notUtf8(line);
        }
        decoder.flush(out);
        String text = out.flip().toString();
        // U+FFFD is what a reader leaves where it could not decode: the file was converted wrongly before it got here.
        int lost = text.indexOf('\uFFFD');
        if (lost >= 0) {
            throw notUtf8(1 + (int) text.substring(0, lost).chars().filter(c -> c == '\n').count());
        }
        return text;
    }

    private static ProblemException notUtf8(long line) {
        return ProblemException.badRequest("The roster file is not UTF-8 text (see line " + line + "); nobody was added. "
                + "Save it from your spreadsheet as \"CSV UTF-8\" and send it again.");
    }

    static List<Row> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.badRequest("The roster file is empty.");
        }
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            repeatedColumn(parser.getHeaderNames());
            String emailColumn = column(header, "email");
            String nameColumn = column(header, "name");
            if (emailColumn == null) {
                throw ProblemException.invalid("The roster has no email column; its first line must name the columns, e.g. "
                        + "\"email,name,role,section\".", List.of(new Violation("line 1", "no column named email or SIS Login ID")));
            }
            String roleColumn = column(header, "role");
            String sectionColumn = column(header, "section");
            // "ID" is Canvas's user id only in a Canvas export (known by its SIS columns); elsewhere it may be anything.
            boolean canvas = column(header, "sisUserId") != null || header.keySet().stream().anyMatch(h -> h != null
                    && h.trim().equalsIgnoreCase("sis login id"));
            String canvasIdColumn = canvas ? column(header, "canvasUserId") : null;
            String sisIdColumn = column(header, "sisUserId");
            List<Row> rows = new ArrayList<>();
            List<Violation> errors = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String email = value(record, emailColumn);
                if (email.isEmpty() && record.size() <= 1) {
                    continue;
                }
                // Canvas puts a "Points Possible" row under the header of a gradebook export.
                if (email.isEmpty() && value(record, nameColumn).toLowerCase(Locale.ROOT).contains("points possible")) {
                    continue;
                }
                String name = value(record, nameColumn);
                String unreadable = unreadable(record, emailColumn, nameColumn, roleColumn, sectionColumn, canvasIdColumn, sisIdColumn);
                if (unreadable != null) {
                    errors.add(new Violation("line " + line, unreadable));
                    continue;
                }
                if (!EMAIL.matcher(email).matches()) {
                    errors.add(new Violation("line " + line, email.isEmpty() ? "has no email" : "\"" + email + "\" is not an email address"));
                    continue;
                }
                String normalized = PeopleService.normalizeEmail(email);
                if (!seen.add(normalized)) {
                    errors.add(new Violation("line " + line, normalized + " is listed twice"));
                    continue;
                }
                CourseRole role = role(value(record, roleColumn));
                if (role == null) {
                    errors.add(new Violation("line " + line, "\"" + value(record, roleColumn)
                            + "\" is not a role (student, TA or instructor)"));
                    continue;
                }
                if (name.length() > 200) {
                    errors.add(new Violation("line " + line, "the name is longer than 200 characters"));
                    continue;
                }
                String section = value(record, sectionColumn);
                rows.add(new Row(line, normalized, name.isEmpty() ? normalized : displayName(name), role,
                        section.isEmpty() ? null : section.length() > 60 ? section.substring(0, 60) : section,
                        clip(value(record, canvasIdColumn), 40), clip(value(record, sisIdColumn), 100)));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid("The roster has " + errors.size() + (errors.size() == 1 ? " bad row" : " bad rows")
                        + "; nobody was added. Fix the rows below and send the file again.", errors);
            }
            if (rows.isEmpty()) {
                throw ProblemException.invalid("The roster lists nobody.", List.of());
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest("The roster is not a readable CSV file: " + e.getMessage());
        }
    }

    /** Two columns of one name: which one holds the email (or role) is a guess, so the file is refused. */
    private static void repeatedColumn(List<String> names) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            if (name.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i + 1);
            if (first != null) {
                throw ProblemException.invalid("The roster names the column \"" + name + "\" twice (columns " + first + " and "
                        + (i + 1) + "); nobody was added. Remove or rename one of them and send the file again.",
                        List.of(new Violation("line 1", "the column \"" + name + "\" is named twice")));
            }
        }
    }

    /**
     * The first field of the row that breaks the single-line rule, said in words: every field read is stored, and
     * the Canvas ids come back out in gradebook.csv. A raw control character is not echoed back in the message.
     */
    private static String unreadable(CSVRecord record, String email, String name, String role, String section, String canvasId,
                                     String sisId) {
        String[][] fields = {{email, "the email"}, {name, "the name"}, {role, "the role"}, {section, "the section"},
                {canvasId, "the Canvas ID"}, {sisId, "the SIS User ID"}};
        for (String[] field : fields) {
            String problem = Text.singleLine(value(record, field[0]));
            if (problem != null) {
                return field == fields[0] ? "the email is not an email address: it " + problem : field[1] + " " + problem;
            }
        }
        return null;
    }

    private static String column(Map<String, Integer> header, String field) {
        for (String candidate : COLUMNS.get(field)) {
            for (String name : header.keySet()) {
                if (name != null && name.trim().equalsIgnoreCase(candidate)) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String value(CSVRecord record, String column) {
        if (column == null || !record.isMapped(column) || !record.isSet(column)) {
            return "";
        }
        String v = record.get(column);
        return v == null ? "" : v.trim();
    }

    private static String clip(String v, int max) {
        return v.isEmpty() ? null : v.length() > max ? v.substring(0, max) : v;
    }

    static CourseRole role(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "student", "studentenrollment" -> CourseRole.STUDENT;
            case "ta", "teaching assistant", "taenrollment" -> CourseRole.TA;
            case "instructor", "teacher", "teacherenrollment" -> CourseRole.INSTRUCTOR;
            default -> null;
        };
    }

    /** Canvas writes "Lovelace, Ada"; people read "Ada Lovelace". */
    private static String displayName(String name) {
        int comma = name.indexOf(',');
        if (comma > 0 && name.indexOf(',', comma + 1) < 0) {
            return (name.substring(comma + 1).trim() + " " + name.substring(0, comma).trim()).trim();
        }
        return name;
    }
}
