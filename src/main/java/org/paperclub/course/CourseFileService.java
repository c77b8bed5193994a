package org.paperclub.course;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import org.paperclub.course.CourseFile.PaperEntry;
import org.paperclub.course.CourseFile.SessionEntry;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.ProblemException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            throw new ProblemException(HttpStatus.BAD_REQUEST, describe(e, text), List.of(violationOf(e, text)));
        }
    }

    /**
     * The line to show: where the parser stopped, except for a misspelt key, which the parser reports after having
     * read past it (records are buffered); then the nearest line above that holds the key.
     */
    private static int lineOf(JsonProcessingException e, String text) {
        JsonLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        if (line > 0 && e instanceof UnrecognizedPropertyException u) {
            String[] lines = text.split("\n", -1);
            Pattern key = Pattern.compile(
                    "^\\s*(-\\s+)?[\"']?" + Pattern.quote(u.getPropertyName()) + "[\"']?\\s*:.*");
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
        if (e instanceof UnrecognizedPropertyException u) {
            return "\"" + u.getPropertyName() + "\" is not a field of the course file here (known: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ").";
        }
        if (e instanceof InvalidFormatException f) {
            return "\"" + f.getValue() + "\" is not a valid " + typeName(f.getTargetType()) + ".";
        }
        String m = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(m);
        if (duplicate.find()) {
            return "\"" + duplicate.group(1) + "\" is given twice; give each field once.";
        }
        if (m.startsWith("Trailing token")) {
            return "a course file is one document, and another one starts here.";
        }
        int cut = m.indexOf("\n");
        return cut > 0 ? m.substring(0, cut) : m;
    }

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private static String typeName(Class<?> type) {
        if (type == LocalDate.class) {
            return "date (write it as 2024-09-04)";
        }
        if (type == LocalTime.class) {
            return "time of day (write it as \"14:00\")";
        }
        if (type.isEnum()) {
            return "value (one of " + Arrays.toString(type.getEnumConstants()) + ")";
        }
        return type.getSimpleName().toLowerCase();
    }

    /**
     * Checks the whole file and collects every error, so that one round of fixes is enough. Each entry is mapped onto
     * the command the API takes for it and checked by the same rules ({@link Commands}: the records' constraints and
     * their {@code problems()}, {@link CourseService#zoneProblems}, {@link CourseService#policyProblems}); what is
     * checked here besides is the file's own: its format, and keys, names and numbers unique within the file.
     */
    void check(CourseFile f) {
        List<Violation> errors = new ArrayList<>();
        if (f.format() != null && !CourseFile.FORMAT.equals(f.format())) {
            errors.add(new Violation("format", "must be " + CourseFile.FORMAT));
        }
        CoursePolicies policies = f.coursePolicies();
        if (f.course() == null) {
            errors.add(new Violation("course", "is missing (code, title, term, timeZone)"));
            validate(errors, policies, field -> "policies." + field);
        } else {
            // The policies are checked as part of the course command; they are the file's "policies", as in the API.
            Function<String, String> named = field -> field.startsWith("policies.") ? field : "course." + field;
            validate(errors, f.courseCommand(), named);
            add(errors, CourseService.zoneProblems(f.course().timeZone()), named);
        }
        add(errors, CourseService.policyProblems(policies), Function.identity());
        Set<String> roleNames = new HashSet<>();
        List<CourseFile.Role> roleList = nonNull(f.roles());
        for (int i = 0; i < roleList.size(); i++) {
            CourseFile.Role r = roleList.get(i);
            String at = "roles[" + i + "].";
            if (r == null) {
                errors.add(new Violation(at + "name", "must not be blank"));
                continue;
            }
            if (!blank(r.name()) && !roleNames.add(r.name().trim().toLowerCase())) {
                errors.add(new Violation(at + "name", "\"" + r.name() + "\" is listed twice"));
            }
            validate(errors, r.command(), field -> at + field);
        }
        Set<String> keys = new HashSet<>();
        List<PaperEntry> paperList = nonNull(f.papers());
        for (int i = 0; i < paperList.size(); i++) {
            PaperEntry p = paperList.get(i);
            String at = "papers[" + i + "].";
            // Unlike the API, which makes one up, the file needs the key: its sessions name their readings by it.
            if (p == null || blank(p.key())) {
                errors.add(new Violation(at + "key", "must not be blank"));
                continue;
            }
            if (!keys.add(p.key())) {
                errors.add(new Violation(at + "key", "\"" + p.key() + "\" is used by another paper too"));
            }
            validate(errors, p.command(), field -> at + field);
            add(errors, p.command().problems(), field -> at + field);
        }
        Set<Integer> numbers = new HashSet<>();
        List<SessionEntry> sessionList = nonNull(f.sessions());
        for (int i = 0; i < sessionList.size(); i++) {
            SessionEntry s = sessionList.get(i);
            String at = "sessions[" + i + "].";
            if (s == null) {
                errors.add(new Violation("sessions[" + i + "]", "is empty"));
                continue;
            }
            // Unlike the API, which takes the next free number, the file numbers every session.
            if (s.number() == null) {
                errors.add(new Violation(at + "number", "is missing"));
            } else if (!numbers.add(s.number())) {
                errors.add(new Violation(at + "number", "session " + s.number() + " is listed twice"));
            }
            Function<String, String> named = field -> at + SESSION_FIELDS.getOrDefault(field, field);
            validate(errors, s.command(), named);
            add(errors, s.command().problems(), named);
            Set<String> placed = new HashSet<>();
            checkKeys(errors, at + "assigned", nonNull(s.assigned()), keys, placed);
            checkKeys(errors, at + "additional", nonNull(s.additional()), keys, placed);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The course file has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; nothing was imported.", errors);
        }
    }

    /** A session's times are {@code start} and {@code end} in the file, {@code startTime} and {@code endTime} in the API. */
    private static final Map<String, String> SESSION_FIELDS = Map.of("startTime", "start", "endTime", "end");

    /** The command's constraint violations, in field order, with each field {@code named} as in the file. */
    private void validate(List<Violation> errors, Object command, Function<String, String> named) {
        add(errors, validator.validate(command).stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList(), named);
    }

    private static void add(List<Violation> errors, List<Violation> problems, Function<String, String> named) {
        problems.forEach(v -> errors.add(new Violation(named.apply(v.field()), v.message())));
    }

    /** A session names its readings by paper key, each once; the file's own rule (the API names papers by id). */
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
        Course course = courses.insert(f.courseCommand().details(), f.coursePolicies());
        long courseId = course.id();
        // Batched inserts: a term of 30 sessions and 100 papers is a handful of round trips, not hundreds.
        List<CourseFile.Role> roleList = nonNull(f.roles());
        List<SupportingRole> newRoles = new ArrayList<>();
        for (int i = 0; i < roleList.size(); i++) {
            newRoles.add(roleList.get(i).command().role(null, courseId, i + 1));
        }
        roles.saveAll(newRoles);
        List<PaperEntry> paperList = nonNull(f.papers());
        List<Paper> savedPapers = papers.saveAll(paperList.stream().map(p -> p.command().paper(null, courseId, p.key())).toList());
        Map<String, Long> paperIds = new HashMap<>();
        savedPapers.forEach(p -> paperIds.put(p.key(), p.id()));
        List<SessionEntry> sessionList = nonNull(f.sessions());
        List<ClassSession> savedSessions = sessions.saveAll(sessionList.stream()
                .map(s -> s.command().session(null, courseId, s.number(), 0)).toList());
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
                .sorted(Comparator.comparing(ClassSession::number))
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

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
