package org.paperclub.course;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.paperclub.course.CourseFile.PaperEntry;
import org.paperclub.course.CourseFile.SessionEntry;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.Dates;
import org.paperclub.system.ProblemException;
import org.paperclub.system.Text;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes the course file. An import is checked whole before anything is written, then written in one
 * transaction: a file with any error creates nothing, and the reply lists every error with its line or field.
 */
@Singleton
public class CourseFileService {

    private final ObjectMapper yaml = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    // A key given twice would otherwise keep its last value without a word.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // A second YAML document (after "---") would otherwise be dropped without a word.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final CourseService courses;
    private final CourseRepository courseRepository;
    private final SessionRepository sessions;
    private final PaperRepository papers;
    private final ReadingRepository readings;
    private final SupportingRoleRepository roles;
    private final Validator validator;

    CourseFileService(CourseService courses, CourseRepository courseRepository, SessionRepository sessions,
                      PaperRepository papers, ReadingRepository readings, SupportingRoleRepository roles,
                      Validator validator) {
        this.courses = courses;
        this.courseRepository = courseRepository;
        this.sessions = sessions;
        this.papers = papers;
        this.readings = readings;
        this.roles = roles;
        this.validator = validator;
    }

    /** Parses a YAML or JSON course file; a syntax or type error is a 400 naming its line and column. */
    CourseFile parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("The course file is empty.");
        }
        try {
            // JSON is read by the JSON parser for exact error positions; YAML 1.1 would accept most of it too.
            ObjectMapper mapper = text.stripLeading().startsWith("{") ? json : yaml;
            CourseFile file = mapper.readValue(text, CourseFile.class);
            if (file == null) {
                throw ProblemException.badRequest("The course file is empty.");
            }
            return file;
        } catch (JsonProcessingException e) {
            throw new ProblemException(io.micronaut.http.HttpStatus.BAD_REQUEST, describe(e, text), List.of(violationOf(e, text)));
        }
    }

    /**
     * The line to show: where the parser stopped, except for a misspelt key, which the parser reports after having
     * read past it (records are buffered); then the nearest line above that holds the key.
     */
    private static int lineOf(JsonProcessingException e, String text) {
        JsonLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        if (line > 0 && e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            String[] lines = text.split("\n", -1);
            java.util.regex.Pattern key = java.util.regex.Pattern.compile(
                    "^\\s*(-\\s+)?[\"']?" + java.util.regex.Pattern.quote(u.getPropertyName()) + "[\"']?\\s*:.*");
            for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
                if (key.matcher(lines[i]).matches()) {
                    return i + 1;
                }
            }
        }
        return line;
    }

    private static String describe(JsonProcessingException e, String text) {
        int line = lineOf(e, text);
        JsonLocation at = e.getLocation();
        String where = line < 1 ? "" : line == at.getLineNr() ? "Line " + line + ", column " + at.getColumnNr() + ": " : "Line " + line + ": ";
        return "The course file could not be read. " + where + message(e);
    }

    private static Violation violationOf(JsonProcessingException e, String text) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).substring(1).replace(".[", "[");
        }
        int line = lineOf(e, text);
        return new Violation(field, (line < 1 ? "" : "line " + line + ": ") + message(e));
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "\"" + u.getPropertyName() + "\" is not a field of the course file here (known: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ").";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            return "\"" + f.getValue() + "\" is not a valid " + typeName(f.getTargetType()) + ".";
        }
        String m = e.getOriginalMessage();
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(m);
        if (duplicate.find()) {
            return "\"" + duplicate.group(1) + "\" is given twice; give each field once.";
        }
        if (m.startsWith("Trailing token")) {
            return "a course file is one document, and another one starts here.";
        }
        int cut = m.indexOf("\n");
        return cut > 0 ? m.substring(0, cut) : m;
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    private static String typeName(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "date (write it as 2024-09-04)";
        }
        if (type == java.time.LocalTime.class) {
            return "time of day (write it as \"14:00\")";
        }
        if (type.isEnum()) {
            return "value (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return type.getSimpleName().toLowerCase();
    }

    /** Checks the whole file and collects every error, so that one round of fixes is enough. */
    void check(CourseFile f) {
        List<Violation> errors = new ArrayList<>();
        if (f.format() != null && !CourseFile.FORMAT.equals(f.format())) {
            errors.add(new Violation("format", "must be " + CourseFile.FORMAT));
        }
        if (f.course() == null) {
            errors.add(new Violation("course", "is missing (code, title, term, timeZone)"));
        } else {
            CourseDetails d = details(f);
            validator.validate(d).forEach(v -> errors.add(new Violation("course." + v.getPropertyPath(), v.getMessage())));
            if (d.timeZone() != null && !d.timeZone().isBlank()) {
                try {
                    ZoneId.of(d.timeZone());
                } catch (DateTimeException e) {
                    errors.add(new Violation("course.timeZone", "\"" + d.timeZone() + "\" is not a time zone such as America/New_York"));
                }
            }
        }
        CoursePolicies policies = policies(f);
        for (ConstraintViolation<CoursePolicies> v : validator.validate(policies)) {
            errors.add(new Violation("policies." + v.getPropertyPath(), v.getMessage()));
        }
        if (policies.latePolicy() != null) {
            policies.latePolicy().problems().forEach(m -> errors.add(new Violation("policies.latePolicy", m)));
        }
        if (policies.grading() != null) {
            policies.grading().problems().forEach(m -> errors.add(new Violation("policies.grading", m)));
        }
        if (policies.maxTeamSize() < policies.minTeamSize()) {
            errors.add(new Violation("policies.maxTeamSize", "must be at least minTeamSize"));
        }
        Set<String> roleNames = new HashSet<>();
        List<CourseFile.Role> roleList = nonNull(f.roles());
        for (int i = 0; i < roleList.size(); i++) {
            CourseFile.Role r = roleList.get(i);
            String at = "roles[" + i + "]";
            if (r == null || blank(r.name())) {
                errors.add(new Violation(at + ".name", "must not be blank"));
                continue;
            }
            if (!roleNames.add(r.name().trim().toLowerCase())) {
                errors.add(new Violation(at + ".name", "\"" + r.name() + "\" is listed twice"));
            }
            if (blank(r.description())) {
                errors.add(new Violation(at + ".description", "must not be blank"));
            }
            text(errors, at + ".name", Text.singleLine(r.name()));
            text(errors, at + ".description", Text.freeText(r.description()));
            if (r.capacity() != null && (r.capacity() < 1 || r.capacity() > 2)) {
                errors.add(new Violation(at + ".capacity", "must be 1 or 2"));
            }
        }
        Set<String> keys = new HashSet<>();
        List<PaperEntry> paperList = nonNull(f.papers());
        for (int i = 0; i < paperList.size(); i++) {
            PaperEntry p = paperList.get(i);
            String at = "papers[" + i + "]";
            if (p == null || blank(p.key())) {
                errors.add(new Violation(at + ".key", "must not be blank"));
                continue;
            }
            if (!p.key().matches("[a-z0-9][a-z0-9._-]{0,79}")) {
                errors.add(new Violation(at + ".key", "\"" + p.key() + "\" may hold only lower-case letters, digits, '.', '_' and '-'"));
            }
            if (!keys.add(p.key())) {
                errors.add(new Violation(at + ".key", "\"" + p.key() + "\" is used by another paper too"));
            }
            if (blank(p.title())) {
                errors.add(new Violation(at + ".title", "must not be blank"));
            } else if (p.title().length() > 500) {
                errors.add(new Violation(at + ".title", "must be at most 500 characters"));
            }
            if (p.year() != null && (p.year() < 1500 || p.year() > 2200)) {
                errors.add(new Violation(at + ".year", "must be a year such as 2017"));
            }
            if (!PaperLinks.acceptable(p.link())) {
                errors.add(new Violation(at + ".link", PaperLinks.RULE));
            }
            text(errors, at + ".title", Text.singleLine(p.title()));
            text(errors, at + ".authors", Text.singleLine(p.authors()));
            text(errors, at + ".venue", Text.singleLine(p.venue()));
        }
        Set<Integer> numbers = new HashSet<>();
        List<SessionEntry> sessionList = nonNull(f.sessions());
        for (int i = 0; i < sessionList.size(); i++) {
            SessionEntry s = sessionList.get(i);
            String at = "sessions[" + i + "]";
            if (s == null) {
                errors.add(new Violation(at, "is empty"));
                continue;
            }
            if (s.number() == null || s.number() < 1) {
                errors.add(new Violation(at + ".number", "must be a positive number"));
            } else if (!numbers.add(s.number())) {
                errors.add(new Violation(at + ".number", "session " + s.number() + " is listed twice"));
            }
            if (s.date() == null) {
                errors.add(new Violation(at + ".date", "is missing"));
            }
            text(errors, at + ".date", Dates.problem(s.date()));
            if (s.start() == null || s.end() == null) {
                errors.add(new Violation(at + (s.start() == null ? ".start" : ".end"), "is missing"));
            } else if (!s.end().isAfter(s.start())) {
                errors.add(new Violation(at + ".end", "must be after start"));
            }
            if (s.presentationSlots() != null && (s.presentationSlots() < 0 || s.presentationSlots() > 20)) {
                errors.add(new Violation(at + ".presentationSlots", "must be between 0 and 20"));
            }
            if (blank(s.topic())) {
                errors.add(new Violation(at + ".topic", "must not be blank"));
            }
            text(errors, at + ".topic", Text.singleLine(s.topic()));
            text(errors, at + ".location", Text.singleLine(s.location()));
            Set<String> placed = new HashSet<>();
            checkKeys(errors, at + ".assigned", nonNull(s.assigned()), keys, placed);
            checkKeys(errors, at + ".additional", nonNull(s.additional()), keys, placed);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The course file has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; nothing was imported.", errors);
        }
    }

    private static void text(List<Violation> errors, String field, String problem) {
        if (problem != null) {
            errors.add(new Violation(field, problem));
        }
    }

    private static void checkKeys(List<Violation> errors, String at, List<String> list, Set<String> keys, Set<String> placed) {
        for (int j = 0; j < list.size(); j++) {
            String key = list.get(j);
            if (!keys.contains(key)) {
                errors.add(new Violation(at + "[" + j + "]", "no paper has the key \"" + key + "\""));
            } else if (!placed.add(key)) {
                errors.add(new Violation(at + "[" + j + "]", "\"" + key + "\" is listed twice in this session"));
            }
        }
    }

    /** Parses, checks and creates the course; the caller becomes its instructor when {@code creatorId} is given. */
    @Transactional
    public Course importCourse(String text, Long creatorId) {
        return importFile(parse(text), creatorId);
    }

    @Transactional
    Course importFile(CourseFile f, Long creatorId) {
        if (creatorId != null) {
            courses.requireCreator(creatorId);
        }
        check(f);
        Course course = courses.insert(details(f), policies(f));
        long courseId = course.id();
        // Batched inserts: a term of 30 sessions and 100 papers is a handful of round trips, not hundreds.
        List<CourseFile.Role> roleList = nonNull(f.roles());
        List<SupportingRole> newRoles = new ArrayList<>();
        for (int i = 0; i < roleList.size(); i++) {
            CourseFile.Role r = roleList.get(i);
            newRoles.add(new SupportingRole(null, courseId, r.name().trim(), r.description().trim(),
                    r.capacity() == null ? 1 : r.capacity(), i + 1));
        }
        roles.saveAll(newRoles);
        List<PaperEntry> paperList = nonNull(f.papers());
        List<Paper> savedPapers = papers.saveAll(paperList.stream().map(p -> new Paper(null, courseId, p.key(), p.title().trim(),
                trim(p.authors()), trim(p.venue()), p.year(), PaperLinks.normalize(p.link()), p.official() == null || p.official())).toList());
        Map<String, Long> paperIds = new HashMap<>();
        savedPapers.forEach(p -> paperIds.put(p.key(), p.id()));
        List<SessionEntry> sessionList = nonNull(f.sessions());
        List<Session> savedSessions = sessions.saveAll(sessionList.stream().map(s -> new Session(null, courseId, s.number(), s.date(),
                s.start(), s.end(), s.topic().trim(), trim(s.location()), s.kind() == null ? SessionKind.LECTURE : s.kind(),
                s.presentationSlots() == null ? 0 : s.presentationSlots())).toList());
        List<Reading> newReadings = new ArrayList<>();
        for (int i = 0; i < sessionList.size(); i++) {
            SessionEntry s = sessionList.get(i);
            long sessionId = savedSessions.get(i).id();
            int position = 0;
            for (String key : nonNull(s.assigned())) {
                newReadings.add(new Reading(null, sessionId, paperIds.get(key), ReadingKind.ASSIGNED, ++position));
            }
            for (String key : nonNull(s.additional())) {
                newReadings.add(new Reading(null, sessionId, paperIds.get(key), ReadingKind.ADDITIONAL, ++position));
            }
        }
        readings.saveAll(newReadings);
        if (creatorId != null) {
            courses.enrollCreator(courseId, creatorId);
        }
        return course;
    }

    /** The course as a course file: sessions by number, papers and readings in the order they were listed. */
    @Transactional(readOnly = true)
    public CourseFile export(long courseId) {
        Course c = courses.get(courseId);
        List<Paper> paperList = papers.findByCourseIdOrderById(courseId);
        Map<Long, String> keyById = paperList.stream().collect(Collectors.toMap(Paper::id, Paper::key));
        Map<Long, List<Reading>> bySession = readings.findByCourse(courseId).stream()
                .sorted(Comparator.comparing(Reading::position).thenComparing(Reading::id))
                .collect(Collectors.groupingBy(Reading::sessionId));
        List<SessionEntry> sessionEntries = sessions.findByCourseIdInDateOrder(courseId).stream()
                .sorted(Comparator.comparing(Session::number))
                .map(s -> {
                    List<Reading> rs = bySession.getOrDefault(s.id(), List.of());
                    return new SessionEntry(s.number(), s.date(), s.startTime(), s.endTime(), s.kind(), s.topic(), s.location(),
                            s.presentationSlots() == 0 ? null : s.presentationSlots(),
                            keys(rs, ReadingKind.ASSIGNED, keyById), keys(rs, ReadingKind.ADDITIONAL, keyById));
                })
                .toList();
        return new CourseFile(CourseFile.FORMAT,
                new CourseFile.Header(c.code(), c.title(), c.term(), c.timeZone(), c.description()),
                CourseFile.Policies.of(c.policies()),
                roles.findByCourseIdOrderByPosition(courseId).stream()
                        .map(r -> new CourseFile.Role(r.name(), r.description(), r.capacity())).toList(),
                paperList.stream().map(p -> new PaperEntry(p.key(), p.title(), p.authors(), p.venue(), p.year(), p.link(),
                        p.official())).toList(),
                sessionEntries);
    }

    public String exportYaml(long courseId) {
        return write(yaml, export(courseId));
    }

    public String exportJson(long courseId) {
        return write(json, export(courseId));
    }

    private static String write(ObjectMapper mapper, CourseFile file) {
        try {
            return mapper.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A course could not be written as a course file", e);
        }
    }

    private static List<String> keys(List<Reading> rs, ReadingKind kind, Map<Long, String> keyById) {
        return rs.stream().filter(r -> r.kind() == kind).map(r -> keyById.get(r.paperId())).toList();
    }

    private static CourseDetails details(CourseFile f) {
        CourseFile.Header h = f.course();
        return new CourseDetails(trim(h.code()), trim(h.title()), trim(h.term()), trim(h.timeZone()), trim(h.description()));
    }

    private static CoursePolicies policies(CourseFile f) {
        return f.policies() == null ? CoursePolicies.defaults() : f.policies().orDefaults();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
