package org.paperclub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestDatabase;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gradebook at scale (issue 6): a generated course of 2,000 students × 30 held presentation sessions, written
 * straight into the schema with JDBC batches — 1,000 two-person teams (everyone presents once), one supporting role
 * per student in each block of two sessions (15 each), 10–12 critiques per student (some re-uploaded, some late
 * with points lost), and grades for most of it (the last two sessions partly graded and unpublished). Then, as the
 * instructor over HTTP, the time of the Canvas gradebook export and of the grade summary.
 *
 * <p>Not part of the test suite, and timings are never asserted (the goals from the issue are printed beside the
 * figures). It does fail when an endpoint answers anything but 200 or a CSV / summary without one row per
 * student. Run it with {@code mvn -Pbench test -Dtest=GradebookBenchmark}, on PostgreSQL with
 * {@code -Dpaperclub.test.db=postgres} too; the table also goes to {@code target/bench/gradebook.txt}. Knobs:
 * {@code -Dbench.students=2000 -Dbench.warmup=30 -Dbench.runs=20} (30 warm-up calls of each endpoint: with 3, the JIT was
 * still compiling through the timed calls and their p90 moved by half between runs; with 12, C2 still recompiled the
 * summary's loops during them, and two to nine calls in a row took 400-650 ms where the others took 150); {@code -Dbench.generateOnly=true} stops after
 * generating and counting; {@code -Dpaperclub.test.keepSchema=true} leaves the PostgreSQL schema behind (its name is printed) for
 * EXPLAIN ANALYZE in psql. The last CSV and summary go to {@code target/bench/gradebook-<db>.csv} and
 * {@code summary-<db>.json}, to compare two builds byte for byte. Below the table, the "floor" is the same rows read with plain JDBC in the same run: the part
 * of the time the database itself needs.
 */
@MicronautTest
class GradebookBenchmark extends ApiTest {

    private static final int STUDENTS = Integer.getInteger("bench.students", 2000);
    private static final int SESSIONS = 30;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final boolean GENERATE_ONLY = Boolean.getBoolean("bench.generateOnly");
    /** Issue 15's goals, on PostgreSQL, for the p90. */
    private static final double EXPORT_GOAL_MS = 300;
    private static final double SUMMARY_GOAL_MS = 150;

    @Inject
    EmbeddedServer server;

    private Map<String, String> database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        if (TestDatabase.postgres()) {
            // The app's own backends are found by this name, to read their CPU time (below).
            properties.put("paperclub.database.url", properties.get("paperclub.database.url") + "&ApplicationName=" + BACKENDS);
        }
        database = properties;
        return properties;
    }

    /** The application name the app's PostgreSQL connections carry, to find their server processes. */
    private static final String BACKENDS = "paperclub-gradebook-bench";

    @Test
    void measure() throws Exception {
        String loadBefore = loadAverage();
        Api.Session instructor = instructor();
        long courseId = createCourse(instructor);
        Scales scales = Scales.of(instructor.get("/api/courses/" + courseId));

        long t = System.nanoTime();
        Generated generated;
        try (Connection c = connect()) {
            generated = new Generator(c, courseId, scales).run();
        }
        double generationSeconds = (System.nanoTime() - t) / 1e9;

        Report report = new Report();
        report.line("Gradebook benchmark (issue 6): %,d students × %d sessions on %s", STUDENTS, SESSIONS,
                TestDatabase.postgres() ? "PostgreSQL (" + TestDatabase.POSTGRES_URL + ")" : "H2 in memory");
        report.line("  machine: %d cores, Java %s, %s; load average before %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), loadBefore);
        report.line("  generated in %.1f s (plain JDBC batches%s): %s", generationSeconds,
                TestDatabase.postgres() ? ", then VACUUM (ANALYZE)" : "", generated.counts);
        report.line("  grades: %,d graded items (%,d published, %,d drafts); %,d items left ungraded; %,d late critiques kept < 100 %%",
                generated.grades, generated.grades - generated.drafts, generated.drafts, generated.ungraded, generated.late);
        report.line("  scales: presentation %s, role %s, critique %s", scales.presentation, scales.role, scales.critique);
        if (GENERATE_ONLY) {
            report.line("  -Dbench.generateOnly=true: no endpoint timed.");
            if (database.containsKey("paperclub.test.schema") && Boolean.getBoolean("paperclub.test.keepSchema")) {
                report.line("  schema kept: %s (course %d)", database.get("paperclub.test.schema"), courseId);
            }
            report.write();
            return;
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String cookie = "PAPERCLUB_SESSION=" + instructor.cookie();
        String exportPath = "/api/courses/" + courseId + "/gradebook.csv";
        String summaryPath = "/api/courses/" + courseId + "/grades/summary";
        CpuShare cpu = CpuShare.start();
        Timing export = time(http, cookie, exportPath, "text/csv");
        Timing summary = time(http, cookie, summaryPath, "application/json");
        cpu.stop();
        // What a grader waits for, session by session: the grading sheet of one session, and saving one role grade.
        Map<String, Object> mid = instructor.list("/api/courses/" + courseId + "/sessions").get(15);
        String sheetPath = "/api/courses/" + courseId + "/sessions/" + mid.get("id") + "/grading";
        Timing sheet = time(http, cookie, sheetPath, "application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> role = Api.listOf(new ObjectMapper().readValue(sheet.body, Map.class), "roles").get(0);
        String gradePath = "/api/courses/" + courseId + "/grades/roles/" + mid.get("id") + "/" + role.get("roleId");
        double[] saves = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            Map<String, Object> body = scales.role().type().equals("MARKS")
                    ? Map.of("mark", scales.role().labels().get(i % scales.role().labels().size()))
                    : Map.of("points", (double) (i % 3));
            instructor.http().exchange(instructor.authorize(io.micronaut.http.HttpRequest.PUT(gradePath, body)), String.class);
            if (i >= WARMUP) {
                saves[i - WARMUP] = (System.nanoTime() - t0) / 1e6;
            }
        }

        // The bodies, for comparing two builds byte for byte on the same generated data (the data is seeded, and on a
        // fresh database the ids come out the same; run both on the same day, since the dates follow today).
        String db = TestDatabase.postgres() ? "postgres" : "h2";
        Files.createDirectories(Path.of("target", "bench"));
        Files.write(Path.of("target", "bench", "gradebook-" + db + ".csv"), export.body);
        Files.write(Path.of("target", "bench", "summary-" + db + ".json"), summary.body);

        // The answers must be whole: one CSV row and one summary entry per student.
        String csvText = new String(export.body, StandardCharsets.UTF_8);
        if (csvText.startsWith("\uFEFF")) {
            csvText = csvText.substring(1);
        }
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csvText))) {
            records = parser.getRecords();
        }
        assertTrue(records.size() >= 2, "the export has a header and a points-possible row");
        List<String> header = records.get(0).toList();
        long pointsRows = records.stream().skip(1).filter(r -> r.get(0).trim().equalsIgnoreCase("Points Possible")).count();
        assertEquals(1, pointsRows, "one points-possible row (first column 'Points Possible')");
        int dataRows = records.size() - 2;
        assertEquals(STUDENTS, dataRows, "one CSV row per student");
        assertEquals("Student", header.get(0), "Canvas's first column");
        assertTrue(records.stream().allMatch(r -> r.size() == header.size()), "every CSV row has the header's columns");

        @SuppressWarnings("unchecked")
        Map<String, Object> summaryJson = new ObjectMapper().readValue(summary.body, Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> students = Api.listOf(summaryJson, "students");
        assertEquals(STUDENTS, students == null ? -1 : students.size(), "one summary entry per student");
        long withParticipation = students.stream().filter(s -> s.get("participation") != null).count();
        assertTrue(withParticipation > 0, "some students have a participation grade");

        // The floor: the rows both endpoints stand on, read with plain JDBC (every column) in the same run. (H2 may hand
        // back the cached result of an unchanged query, for the app's own queries as much as for these.)
        Map<String, double[]> floor = new LinkedHashMap<>();
        try (Connection c = connect()) {
            floor.put("students", jdbcFloor(c, "select u.*, e.* from enrollment e join app_user u on u.id = e.user_id where e.course_id = ?", courseId));
            floor.put("grades", jdbcFloor(c, "select * from grade where course_id = ?", courseId));
            floor.put("role sign-ups", jdbcFloor(c, "select * from role_signup where course_id = ?", courseId));
            floor.put("critiques", jdbcFloor(c, "select * from critique where course_id = ?", courseId));
            floor.put("critique versions", jdbcFloor(c, "select v.* from critique_version v join critique k on k.id = v.critique_id "
                    + "where k.course_id = ?", courseId));
            floor.put("teams", jdbcFloor(c, "select m.*, p.* from presentation_member m join presentation p on p.id = m.presentation_id "
                    + "where p.course_id = ?", courseId));
        }

        report.line("");
        report.line("  %-44s %9s %9s %9s %9s %10s %9s %9s   %s", "endpoint (" + RUNS + " timed calls after " + WARMUP + " warm-up)",
                "1st call", "median", "p90", "max", "size", "app CPU", "DB CPU", "goal");
        report.row("GET " + exportPath, export, EXPORT_GOAL_MS);
        report.row("GET " + summaryPath, summary, SUMMARY_GOAL_MS);
        report.line("  %-44s %9s %6.0f ms %6.0f ms %6.0f ms %7.0f kB %6.0f ms %9s   (no goal)", "GET " + sheetPath, "", pct(sheet.ms, 50),
                pct(sheet.ms, 90), Arrays.stream(sheet.ms).max().orElse(0), sheet.body.length / 1024.0, sheet.jvmCpu, dbCpu(sheet));
        report.line("  %-44s %9s %6.0f ms %6.0f ms %6.0f ms %10s   (no goal; a team of holders, audited)", "PUT one role grade", "",
                pct(saves, 50), pct(saves, 90), Arrays.stream(saves).max().orElse(0), "");
        report.line("");
        StringBuilder floorText = new StringBuilder();
        double floorTotal = 0;
        for (Map.Entry<String, double[]> f : floor.entrySet()) {
            floorText.append(floorText.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %,d rows %.0f ms", f.getKey(),
                    (long) f.getValue()[0], f.getValue()[1]));
            floorTotal += f.getValue()[1];
        }
        report.line("  floor: the course's rows read with plain JDBC, every column (median of 5): %.0f ms in all — %s", floorTotal, floorText);
        report.line("  export: %,d data rows + header + points-possible row, %d columns (%s, …)", dataRows, header.size(),
                String.join(", ", header.subList(0, Math.min(6, header.size()))));
        report.line("  summary: %,d students, %,d with a participation grade; first: %s", students.size(), withParticipation,
                brief(students.get(0)));
        String loadAfter = loadAverage();
        report.line("  app CPU, DB CPU: CPU time per timed call, mean, of the server's request threads (blocking pool, event loops; "
                + "not the JIT, GC or client) and of the app's PostgreSQL server processes (/proc, 10 ms ticks): load distorts "
                + "these less than the times");
        report.line("  load average after %s; timings are not asserted (goals, issue 15, PostgreSQL: p90 of the export ≤ 300 ms, of the summary ≤ 150 ms)", loadAfter);
        if (cpu.known()) {
            report.line("  CPU during the HTTP calls: this JVM (app and client) %.0f %% of the machine, other processes%s %.0f %%",
                    cpu.own, TestDatabase.postgres() ? " (PostgreSQL's server among them)" : "", cpu.others);
            if (!TestDatabase.postgres() && cpu.others > 20) {
                report.line("  NOTE: other work used %.0f %% of the CPU meanwhile, so these figures are upper bounds; rerun on a quiet machine.",
                        cpu.others);
            }
        }
        if (database.containsKey("paperclub.test.schema") && Boolean.getBoolean("paperclub.test.keepSchema")) {
            report.line("  schema kept: %s (course %d)", database.get("paperclub.test.schema"), courseId);
        }
        report.line("  rerun: mvn -Pbench test -Dtest=GradebookBenchmark   (PostgreSQL: add -Dpaperclub.test.db=postgres)");
        report.write();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.get("paperclub.database.url"), database.get("paperclub.database.user"),
                database.get("paperclub.database.password"));
    }

    /** {rows, median ms} of reading every column of every row of the query (one warm-up, five timed reads). */
    private static double[] jdbcFloor(Connection c, String sql, long courseId) throws SQLException {
        double[] ms = new double[5];
        long rows = 0;
        for (int i = -1; i < ms.length; i++) {
            long t = System.nanoTime();
            rows = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, courseId);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int k = 1; k <= columns; k++) {
                            rs.getObject(k);
                        }
                        rows++;
                    }
                }
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        return new double[]{rows, pct(ms, 50)};
    }

    /** A course made through the API (the instructor becomes its instructor), late critiques accepted with a penalty. */
    private long createCourse(Api.Session instructor) {
        Map<String, Object> policies = new LinkedHashMap<>();
        policies.put("critiquesRequired", 10);
        policies.put("critiquesPerSession", 1);
        policies.put("pagesPerCritique", 1);
        policies.put("maxFileBytes", 5L * 1024 * 1024);
        policies.put("deadlineOffsetMinutes", 0);
        policies.put("minTeamSize", 1);
        policies.put("maxTeamSize", 2);
        policies.put("presentationsPerStudent", 1);
        policies.put("roleBlockSize", 2);
        policies.put("signupFreezeHours", 48);
        policies.put("latePolicy", Map.of("accepted", true, "penalty", Map.of("per", "DAYS", "keepPercent", List.of(80, 60, 40, 20)),
                "cutoffHours", 96));
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("code", "BENCH " + System.nanoTime() % 100000);
        course.put("title", "Gradebook benchmark: " + STUDENTS + " students");
        course.put("term", "Benchmark term");
        course.put("timeZone", "America/New_York");
        course.put("description", "Generated by GradebookBenchmark.");
        course.put("policies", policies);
        return Api.id(instructor.post("/api/courses", course).body());
    }

    // Timing over HTTP

    /**
     * {@code cpu}: the CPU time per timed call, in ms, of the server's request threads (the blocking pool and the
     * event loops: not the JIT compiler, the GC or the client) and of the app's PostgreSQL backends (utime + stime
     * from /proc, 10 ms ticks summed over the calls): what load on the machine distorts least.
     */
    private record Timing(double first, double[] ms, byte[] body, double jvmCpu, double dbCpu) {
    }

    private Timing time(HttpClient http, String cookie, String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Cookie", cookie)
                .header("Accept", accept).timeout(Duration.ofMinutes(5)).GET().build();
        double first = 0;
        double[] ms = new double[RUNS];
        byte[] body = null;
        long jvm0 = 0;
        long db0 = 0;
        List<Long> backends = List.of();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            if (i == WARMUP) {
                backends = backends();
                jvm0 = serverThreadsCpuNanos();
                db0 = ticks(backends);
            }
            long t = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - t) / 1e6;
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8).lines().limit(5).reduce("", (a, b) -> a + b + " "));
            }
            if (i == 0) {
                first = elapsed;
            }
            if (i >= WARMUP) {
                ms[i - WARMUP] = elapsed;
            }
            body = response.body();
        }
        double jvmCpu = (serverThreadsCpuNanos() - jvm0) / 1e6 / RUNS;
        double dbCpu = backends.isEmpty() ? -1 : (ticks(backends) - db0) * 10.0 / RUNS;
        return new Timing(first, ms, body, jvmCpu, dbCpu);
    }

    /** The server processes of the app's PostgreSQL connections (none on H2, or when pg_stat_activity is not readable). */
    private List<Long> backends() {
        if (!TestDatabase.postgres()) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select pid from pg_stat_activity where application_name = ? and pid <> pg_backend_pid()")) {
            ps.setString(1, BACKENDS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return pids;
    }

    /** CPU time of the threads that serve requests: Micronaut's blocking pool and Netty's event loops. */
    private static long serverThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("io-executor-thread") || t.getThreadName().contains("ventLoop"))) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** utime + stime of these processes, in clock ticks (1/100 s). */
    private static long ticks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception e) {
                // a backend that went away: its ticks are lost, which only makes the figure smaller
            }
        }
        return sum;
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    /** The machine's CPU use (from /proc/stat) split into this JVM's and everyone else's, while the endpoints are timed. */
    private static final class CpuShare {
        private long busy0;
        private long total0;
        private long own0;
        private long wall0;
        double own = -1;
        double others = -1;

        static CpuShare start() {
            CpuShare c = new CpuShare();
            long[] j = jiffies();
            c.busy0 = j[0];
            c.total0 = j[1];
            c.own0 = processCpuNanos();
            c.wall0 = System.nanoTime();
            return c;
        }

        void stop() {
            long[] j = jiffies();
            long own1 = processCpuNanos();
            if (j[1] <= total0 || own0 < 0 || own1 < 0) {
                return;
            }
            double machine = 100.0 * (j[0] - busy0) / (j[1] - total0);
            own = 100.0 * (own1 - own0) / ((System.nanoTime() - wall0) * (double) Runtime.getRuntime().availableProcessors());
            others = Math.max(0, machine - own);
        }

        boolean known() {
            return own >= 0;
        }

        /** {busy, total} jiffies over all cores; {0, 0} where there is no /proc/stat. */
        private static long[] jiffies() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[]{total - idle, total};
            } catch (Exception e) {
                return new long[]{0, 0};
            }
        }

        static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        }
    }

    private static String dbCpu(Timing t) {
        return t.dbCpu < 0 ? "-" : String.format(Locale.ROOT, "%.0f ms", t.dbCpu);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String brief(Map<String, Object> student) {
        List<String> keys = List.of("name", "presentation", "roles", "critiques", "participation", "rolesHeld", "critiquesAccepted", "ungraded");
        StringBuilder out = new StringBuilder();
        for (String k : keys) {
            if (student.containsKey(k)) {
                out.append(out.isEmpty() ? "" : ", ").append(k).append(' ').append(student.get(k));
            }
        }
        return out.toString();
    }

    /** Lines on stdout and in target/bench/gradebook.txt. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String format, Object... args) {
            text.append(String.format(Locale.ROOT, format, args)).append('\n');
        }

        void row(String endpoint, Timing t, double goal) {
            double median = pct(t.ms, 50);
            line("  %-44s %6.0f ms %6.0f ms %6.0f ms %6.0f ms %7.0f kB %6.0f ms %9s   p90 ≤ %.0f ms%s", endpoint, t.first, median, pct(t.ms, 90),
                    Arrays.stream(t.ms).max().orElse(0), t.body.length / 1024.0, t.jvmCpu, dbCpu(t), goal,
                    pct(t.ms, 90) <= goal ? "" : "  (p90 above the goal)");
        }

        void write() throws Exception {
            System.out.println();
            System.out.print(text);
            Path out = Path.of("target", "bench", "gradebook.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text.toString());
            System.out.println("  (written to " + out.toAbsolutePath() + ")");
        }
    }

    // The grading scales of the course, read from its policies (defaults when the course has no grading policy yet)

    record Scale(String type, double max, List<String> labels, List<Double> points) {
        static Scale points(double max) {
            return new Scale("POINTS", max, List.of(), List.of());
        }

        @Override
        public String toString() {
            return type.equals("MARKS") ? "MARKS " + labels + "=" + points : "POINTS 0.." + trim(max);
        }
    }

    record Scales(Scale presentation, Scale role, Scale critique) {
        @SuppressWarnings("unchecked")
        static Scales of(Map<String, Object> course) {
            Map<String, Object> policies = Api.mapOf(course, "policies");
            Object grading = policies == null ? null : policies.get("grading");
            if (!(grading instanceof Map<?, ?> g)) {
                return new Scales(Scale.points(10), Scale.points(10), Scale.points(10));
            }
            return new Scales(scale(g.get("presentationScale")), scale(g.get("roleScale")), scale(g.get("critiqueScale")));
        }

        @SuppressWarnings("unchecked")
        private static Scale scale(Object o) {
            if (!(o instanceof Map<?, ?> m)) {
                return Scale.points(10);
            }
            double max = m.get("max") instanceof Number n ? n.doubleValue() : 10;
            List<String> labels = new ArrayList<>();
            List<Double> points = new ArrayList<>();
            if ("MARKS".equals(m.get("type")) && m.get("marks") instanceof List<?> marks) {
                for (Object mark : marks) {
                    Map<String, Object> mk = (Map<String, Object>) mark;
                    labels.add(String.valueOf(mk.get("label")));
                    points.add(Api.doubleOf(mk, "points"));
                }
            }
            return labels.isEmpty() ? Scale.points(max) : new Scale("MARKS", max, labels, points);
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // The generator

    private record Generated(String counts, int grades, int drafts, int ungraded, int late) {
    }

    /** Writes the course's people, schedule, sign-ups, critiques and grades with JDBC batches (seeded: same data every run). */
    private static final class Generator {
        private static final String[] FIRST = {"Maya", "Liam", "Aisha", "Noah", "Sofia", "Mateo", "Priya", "Ethan", "Chloe",
                "Kenji", "Amara", "Lucas", "Zara", "Omar", "Elena", "Jonas", "Mei", "Diego", "Hana", "Felix", "Nia", "Arjun",
                "Clara", "Tomás", "Yara", "Samuel", "Ingrid", "Kofi", "Leila", "Mikhail", "Ana", "Ravi", "Greta", "Jamal",
                "Sakura", "Luca", "Fatima", "Owen", "Iris", "Daniel"};
        private static final String[] LAST = {"Okafor", "Nguyen", "Schmidt", "García", "Patel", "Kim", "Rossi", "Cohen",
                "Müller", "Haddad", "Tanaka", "Silva", "O'Brien", "Kowalski", "Ahmed", "Johansson", "Dubois", "Moreau",
                "Chen", "Novak", "Ivanova", "Mensah", "Fischer", "Costa", "Larsen", "Singh", "Yilmaz", "Park", "Walker",
                "Hernández", "Baker", "Rahman", "Lindqvist", "Adeyemi", "Fontaine", "Wang", "Reyes", "Petrov", "Sato", "Brown"};
        private static final String[] ROLES = {"Scientific peer reviewer", "Archaeologist", "Academic researcher",
                "Industry practitioner", "Hacker", "Private investigator", "Social impact assessor"};
        private static final String[] COMMENTS = {"Clear summary; the critique of the evaluation was the strongest part.",
                "Good questions for the class.", "Missed the main limitation of the method — see section 4.",
                "Well prepared, slides were easy to follow.", "Thoughtful, but went over time."};
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm zzz", Locale.ENGLISH);
        private static final int BATCH = 1000;

        private final Connection c;
        private final long courseId;
        private final Scales scales;
        private final Random random = new Random(6);
        private final SplittableRandom hex = new SplittableRandom(6);
        private final ZoneId zone = ZoneId.of("America/New_York");
        private final OffsetDateTime now = OffsetDateTime.now();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private int grades;
        private int drafts;
        private int ungraded;
        private int late;
        private long staffId;
        private PreparedStatement gradeInsert;
        private int pendingGrades;

        Generator(Connection c, long courseId, Scales scales) {
            this.c = c;
            this.courseId = courseId;
            this.scales = scales;
        }

        Generated run() throws SQLException {
            c.setAutoCommit(false);
            staffId = staffId();

            // People: 2,000 students in 8 sections.
            List<Object[]> users = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                String first = FIRST[i % FIRST.length];
                String last = LAST[(i / FIRST.length) % LAST.length];
                String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "." + (i + 1)
                        + "@c" + courseId + ".bench.example.edu";
                users.add(new Object[]{email, first + " " + last, false, now.minusDays(120)});
            }
            long[] students = insert("insert into app_user (email, name, course_creator, created_at) values (?, ?, ?, ?)", users);
            List<Object[]> enrollments = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                enrollments.add(new Object[]{courseId, students[i], "STUDENT", "Section " + (i % 8 + 1)});
            }
            insert("insert into enrollment (course_id, user_id, role, section) values (?, ?, ?, ?)", enrollments);

            // The schedule: 30 held presentation sessions, Tuesdays and Thursdays 14:00–15:15, the last a week ago.
            // 1,000 teams over 30 sessions: 34 slots each (the API allows 20; the generated course is bigger than real).
            int teams = (STUDENTS + 1) / 2;
            int slots = (teams + SESSIONS - 1) / SESSIONS;
            LocalDate[] dates = sessionDates();
            List<Object[]> sessionRows = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                sessionRows.add(new Object[]{courseId, s + 1, dates[s], LocalTime.of(14, 0), LocalTime.of(15, 15),
                        "Topic " + (s + 1) + ": " + (s < 10 ? "scaling laws and systems" : s < 20 ? "distributed training" : "inference at scale"),
                        "Iribe 1116", "PRESENTATION", slots});
            }
            long[] sessions = insert("insert into class_session (course_id, number, session_date, start_time, end_time, topic, location, kind, "
                    + "presentation_slots) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", sessionRows);

            // Papers: two assigned readings per session (the critiques' papers) and one paper per team, an additional
            // reading of the session it is presented in.
            List<Object[]> paperRows = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                for (int k = 0; k < 2; k++) {
                    paperRows.add(paper("s" + (s + 1) + "-reading-" + (k + 1), "Assigned reading " + (k + 1) + " of session " + (s + 1)));
                }
            }
            for (int t = 0; t < teams; t++) {
                paperRows.add(paper("team-" + (t + 1), "Presented paper " + (t + 1) + ": efficient training of large models, part " + (t % 7 + 1)));
            }
            long[] papers = insert("insert into paper (course_id, paper_key, title, authors, venue, pub_year, link, official) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", paperRows);
            long[][] assigned = new long[SESSIONS][2];
            List<Object[]> readings = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                for (int k = 0; k < 2; k++) {
                    assigned[s][k] = papers[s * 2 + k];
                    readings.add(new Object[]{sessions[s], assigned[s][k], "ASSIGNED", k + 1});
                }
            }
            long[] teamPaper = Arrays.copyOfRange(papers, SESSIONS * 2, papers.length);
            for (int t = 0; t < teams; t++) {
                readings.add(new Object[]{sessions[t % SESSIONS], teamPaper[t], "ADDITIONAL", 3 + t / SESSIONS});
            }
            insert("insert into reading (session_id, paper_id, kind, position) values (?, ?, ?, ?)", readings);

            List<Object[]> roleRows = new ArrayList<>();
            for (int r = 0; r < ROLES.length; r++) {
                roleRows.add(new Object[]{courseId, ROLES[r], "The " + ROLES[r].toLowerCase(Locale.ROOT) + " of the role-playing format.", 2, r + 1});
            }
            long[] roles = insert("insert into supporting_role (course_id, name, description, capacity, position) values (?, ?, ?, ?, ?)", roleRows);
            c.commit();

            gradeInsert = c.prepareStatement("insert into grade (course_id, session_id, student_id, kind, subject_id, points, mark, comment, "
                    + "graded_by, graded_at, published_at, max_points) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

            // Presentations: students shuffled into teams of two; team t presents in session t mod 30.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            int[] presentsIn = new int[STUDENTS];
            Arrays.fill(presentsIn, -1);
            List<Object[]> presentationRows = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                int s = t % SESSIONS;
                presentationRows.add(new Object[]{courseId, sessions[s], teamPaper[t], t / SESSIONS + 1, "CONFIRMED", staffId,
                        start(dates[s]).minusDays(20)});
            }
            long[] presentations = insert("insert into presentation (course_id, session_id, paper_id, slot, status, created_by, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", presentationRows);
            List<Object[]> memberRows = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                int s = t % SESSIONS;
                double points = pick(scales.presentation);
                String comment = random.nextInt(3) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
                for (int place = 1; place <= 2 && 2 * t + place - 1 < STUDENTS; place++) {
                    int student = order.get(2 * t + place - 1);
                    presentsIn[student] = s;
                    memberRows.add(new Object[]{presentations[t], courseId, students[student], place, 1});
                    grade(s, sessions[s], dates[s], students[student], "PRESENTATION", teamPaper[t], scales.presentation, points, comment);
                }
            }
            insert("insert into presentation_member (presentation_id, course_id, user_id, place, turn) values (?, ?, ?, ?, ?)", memberRows);

            // Supporting roles: in each block of two sessions every student holds one role, never where they present.
            // Roles are handed out round-robin per session with growing seat numbers (capacity is not respected:
            // ~1,000 holders per session, the unique keys are).
            int[] taken = new int[SESSIONS];
            List<Object[]> signupRows = new ArrayList<>();
            for (int b = 0; b < SESSIONS / 2; b++) {
                List<Integer> who = new ArrayList<>(order);
                Collections.shuffle(who, random);
                for (int student : who) {
                    int s = presentsIn[student] == 2 * b ? 2 * b + 1 : presentsIn[student] == 2 * b + 1 ? 2 * b : 2 * b + random.nextInt(2);
                    int n = taken[s]++;
                    int role = n % roles.length;
                    signupRows.add(new Object[]{courseId, sessions[s], roles[role], students[student], n / roles.length + 1, students[student],
                            start(dates[s]).minusDays(10 + random.nextInt(10))});
                    grade(s, sessions[s], dates[s], students[student], "ROLE", roles[role], scales.role, pick(scales.role),
                            random.nextInt(8) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : null);
                }
            }
            insert("insert into role_signup (course_id, session_id, role_id, user_id, seat, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                    signupRows);

            // Critiques: 10–12 per student in random sessions, one of the two assigned readings; ~10 % uploaded twice,
            // ~5 % late (kept 80 % on the first day, 60 % on the second).
            List<Object[]> critiqueRows = new ArrayList<>();
            List<int[]> critiqueOf = new ArrayList<>(); // {student, session, paper index}
            List<Integer> sessionOrder = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                sessionOrder.add(s);
            }
            for (int student = 0; student < STUDENTS; student++) {
                Collections.shuffle(sessionOrder, random);
                int k = 10 + random.nextInt(3);
                for (int j = 0; j < k; j++) {
                    int s = sessionOrder.get(j);
                    int p = random.nextInt(2);
                    critiqueOf.add(new int[]{student, s, p});
                }
            }
            critiqueOf.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
            List<Object[]> versionPlans = new ArrayList<>(); // per critique: {minutesLate (long), keep (double), versions (int)}
            for (int[] item : critiqueOf) {
                int s = item[1];
                long minutesLate = random.nextInt(20) == 0 ? 30 + random.nextInt(2800) : 0;
                double keep = minutesLate == 0 ? 100 : minutesLate <= 1440 ? 80 : 60;
                int versions = random.nextInt(10) == 0 ? 2 : 1;
                OffsetDateTime firstUpload = start(dates[s]).minusHours(versions == 2 ? 30 : 2 + random.nextInt(40)).toOffsetDateTime();
                critiqueRows.add(new Object[]{courseId, sessions[s], assigned[s][item[2]], students[item[0]], 1,
                        minutesLate > 0 && versions == 1 ? start(dates[s]).plusMinutes(minutesLate).toOffsetDateTime() : firstUpload});
                versionPlans.add(new Object[]{minutesLate, keep, versions, firstUpload});
            }
            long[] critiques = insert("insert into critique (course_id, session_id, paper_id, student_id, place, created_at) values (?, ?, ?, ?, ?, ?)",
                    critiqueRows);
            List<Object[]> versionRows = new ArrayList<>();
            for (int i = 0; i < critiques.length; i++) {
                int[] item = critiqueOf.get(i);
                int s = item[1];
                long minutesLate = (Long) versionPlans.get(i)[0];
                double keep = (Double) versionPlans.get(i)[1];
                int versions = (Integer) versionPlans.get(i)[2];
                OffsetDateTime firstUpload = (OffsetDateTime) versionPlans.get(i)[3];
                ZonedDateTime due = start(dates[s]);
                for (int v = 1; v <= versions; v++) {
                    boolean last = v == versions;
                    long lateNow = last ? minutesLate : 0;
                    OffsetDateTime at = last && lateNow > 0 ? due.plusMinutes(lateNow).toOffsetDateTime()
                            : v == 1 ? firstUpload : due.minusHours(1).toOffsetDateTime();
                    String timing = lateNow == 0 ? "On time (due " + WHEN.format(due) + ")."
                            : "Late by " + (lateNow / 60) + " h " + (lateNow % 60) + " min; " + trim(keep) + " % of the points kept.";
                    versionRows.add(new Object[]{critiques[i], v, at, students[item[0]], "critique-s" + (s + 1) + ".pdf", sha256(),
                            40_000L + random.nextInt(200_000), 1, 450 + random.nextInt(300), lateNow, 0, last ? keep : 100.0, timing, null});
                }
                if (minutesLate > 0) {
                    late++;
                }
                grade(s, sessions[s], dates[s], students[item[0]], "CRITIQUE", assigned[s][item[2]], scales.critique, pick(scales.critique),
                        random.nextInt(10) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : null);
            }
            insert("insert into critique_version (critique_id, version, uploaded_at, uploaded_by, file_name, sha256, size_bytes, pages, words, "
                    + "minutes_late, grace_spent, keep_percent, timing, warnings) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", versionRows);

            flushGrades();
            gradeInsert.close();
            c.commit();
            if (TestDatabase.postgres()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    // Fresh tables have no statistics yet and no visibility map; a running database would have both
                    // (autovacuum). Without the vacuum, autovacuum visited the new tables during the timed calls: two calls
                    // in a row took 400-600 ms where the others took 150.
                    st.execute("vacuum (analyze) app_user, enrollment, class_session, paper, reading, supporting_role, presentation, "
                            + "presentation_member, role_signup, critique, critique_version, grade");
                }
            }
            countRows();
            return new Generated(describe(), grades, drafts, ungraded, late);
        }

        /** A grade for a done item: the last two sessions ~40 % graded and all drafts; earlier ~97 % graded, ~98 % published. */
        private void grade(int s, long sessionId, LocalDate date, long studentId, String kind, long subjectId, Scale scale, double points,
                           String comment) throws SQLException {
            boolean recent = s >= SESSIONS - 2;
            if (random.nextInt(100) >= (recent ? 40 : 97)) {
                ungraded++;
                return;
            }
            OffsetDateTime gradedAt = start(date).plusDays(2).plusMinutes(random.nextInt(600)).toOffsetDateTime();
            boolean published = !recent && random.nextInt(100) < 98;
            String mark = null;
            if (scale.type.equals("MARKS")) {
                int i = scale.points.indexOf(points);
                mark = i >= 0 ? scale.labels.get(i) : null;
            }
            PreparedStatement g = gradeInsert;
            g.setLong(1, courseId);
            g.setLong(2, sessionId);
            g.setLong(3, studentId);
            g.setString(4, kind);
            g.setLong(5, subjectId);
            g.setDouble(6, points);
            g.setString(7, mark);
            g.setString(8, comment);
            g.setLong(9, staffId);
            g.setObject(10, gradedAt);
            g.setObject(11, published ? gradedAt.plusHours(3) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            g.setDouble(12, scale.max);
            g.addBatch();
            grades++;
            if (!published) {
                drafts++;
            }
            if (++pendingGrades == BATCH) {
                flushGrades();
            }
        }

        private void flushGrades() throws SQLException {
            if (pendingGrades > 0) {
                gradeInsert.executeBatch();
                c.commit();
                pendingGrades = 0;
            }
        }

        /** Points on the scale: mostly good work (a mark from the upper half, or 70–100 % of the maximum). */
        private double pick(Scale scale) {
            if (scale.type.equals("MARKS")) {
                int n = scale.points.size();
                int i = random.nextInt(10) < 7 ? n / 2 + random.nextInt(n - n / 2) : random.nextInt(n);
                return scale.points.get(i);
            }
            double fraction = random.nextInt(10) == 0 ? 0.3 + random.nextInt(4) / 10.0 : 0.7 + random.nextInt(4) / 10.0;
            return Math.round(scale.max * fraction * 2) / 2.0;
        }

        private Object[] paper(String key, String title) {
            return new Object[]{courseId, key, title, "A. Author, B. Author and C. Author", "NeurIPS", 2018 + random.nextInt(7),
                    "https://arxiv.org/abs/" + (2000 + random.nextInt(500)) + "." + (10000 + random.nextInt(89999)), true};
        }

        private String sha256() {
            StringBuilder out = new StringBuilder(64);
            for (int i = 0; i < 4; i++) {
                out.append(String.format("%016x", hex.nextLong()));
            }
            return out.toString();
        }

        /** Tuesdays and Thursdays, the 30th a week before today. */
        private LocalDate[] sessionDates() {
            LocalDate last = LocalDate.now(zone).minusDays(7);
            LocalDate d = last.getDayOfWeek().getValue() >= DayOfWeek.THURSDAY.getValue()
                    ? last.with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY)) : last.with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
            LocalDate[] dates = new LocalDate[SESSIONS];
            for (int s = SESSIONS - 1; s >= 0; s--) {
                dates[s] = d;
                d = d.getDayOfWeek() == DayOfWeek.THURSDAY ? d.minusDays(2) : d.minusDays(5);
            }
            return dates;
        }

        private ZonedDateTime start(LocalDate date) {
            return ZonedDateTime.of(date, LocalTime.of(14, 0), zone);
        }

        private long staffId() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("select user_id from enrollment where course_id = ? and role = 'INSTRUCTOR'")) {
                ps.setLong(1, courseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("course " + courseId + " has no instructor");
                    }
                    return rs.getLong(1);
                }
            }
        }

        /** Batch insert; returns the generated ids in row order. */
        private long[] insert(String sql, List<Object[]> rows) throws SQLException {
            long[] ids = new long[rows.size()];
            int done = 0;
            try (PreparedStatement ps = c.prepareStatement(sql, new String[]{"id"})) {
                for (int i = 0; i < rows.size(); i++) {
                    Object[] row = rows.get(i);
                    for (int j = 0; j < row.length; j++) {
                        if (row[j] == null) {
                            ps.setNull(j + 1, java.sql.Types.VARCHAR);
                        } else if (row[j] instanceof ZonedDateTime z) {
                            ps.setObject(j + 1, z.toOffsetDateTime());
                        } else {
                            ps.setObject(j + 1, row[j]);
                        }
                    }
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
                        ps.executeBatch();
                        c.commit();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            while (keys.next()) {
                                ids[done++] = keys.getLong(1);
                            }
                        }
                    }
                }
            }
            if (done != rows.size()) {
                throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + done + " for: " + sql);
            }
            return ids;
        }

        /** Rows per table for the course, read back from the database. */
        private void countRows() throws SQLException {
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("students", "select count(*) from enrollment where course_id = ? and role = 'STUDENT'");
            queries.put("sessions", "select count(*) from class_session where course_id = ?");
            queries.put("papers", "select count(*) from paper where course_id = ?");
            queries.put("readings", "select count(*) from reading r join class_session s on s.id = r.session_id where s.course_id = ?");
            queries.put("roles", "select count(*) from supporting_role where course_id = ?");
            queries.put("teams", "select count(*) from presentation where course_id = ?");
            queries.put("presenters", "select count(*) from presentation_member where course_id = ?");
            queries.put("role sign-ups", "select count(*) from role_signup where course_id = ?");
            queries.put("critiques", "select count(*) from critique where course_id = ?");
            queries.put("critique versions", "select count(*) from critique_version v join critique k on k.id = v.critique_id where k.course_id = ?");
            queries.put("grades", "select count(*) from grade where course_id = ?");
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(q.getValue())) {
                    ps.setLong(1, courseId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.put(q.getKey(), rs.getInt(1));
                    }
                }
            }
            if (counts.get("students") != STUDENTS || counts.get("grades") != grades) {
                throw new IllegalStateException("generated rows do not add up: " + counts + ", grades written " + grades);
            }
        }

        private String describe() {
            StringBuilder out = new StringBuilder();
            counts.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s", v, k)));
            return out.toString();
        }
    }
}
