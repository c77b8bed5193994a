package org.paperclub.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real application in a child JVM ({@code java -cp <this test's class path> org.paperclub.Application}), for what
 * an in-process test cannot do: kill it with SIGKILL, restart it on the same data, give it a small heap. Settings are
 * passed as system properties; its output goes to a log file that {@link #output()} reads.
 */
public final class AppProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the app with these settings (on top of a free port, the demo courses without activity and cheap
     * password hashes) and waits until it answers {@code /health}.
     */
    public static AppProcess start(Map<String, String> settings, List<String> jvmOptions, String logName) {
        return start(settings, jvmOptions, LOGS.resolve(logName + ".log"));
    }

    /** Where the apps' output stays after the test, for a look when it fails. */
    public static final Path LOGS = Path.of("target", "app-process");

    public static AppProcess start(Map<String, String> settings, List<String> jvmOptions, Path log) {
        // A port of the caller's when its address must be known before the start (a platform that calls back).
        int port = settings.containsKey(PORT) ? Integer.parseInt(settings.get(PORT)) : freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-D" + PORT + "=" + port);
        command.add("-Dpaperclub.demo.activity=false");
        command.add("-Dpaperclub.password.bcrypt-cost=4");
        settings.forEach((k, v) -> {
            if (!PORT.equals(k)) {
                command.add("-D" + k + "=" + v);
            }
        });
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.paperclub.Application");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            AppProcess app = new AppProcess(process, port, log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + " before answering:\n" + tail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        kill();
        throw new IllegalStateException("The app did not answer within " + START_LIMIT.toSeconds() + " s:\n" + tail());
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed; what is not on disk yet is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Everything the app wrote to stdout and stderr so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        String out = output();
        return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    public User login(String email) {
        return login(email, Api.PASSWORD);
    }

    public User login(String email, String password) {
        try {
            String body = JSON.writeValueAsString(Map.of("email", email, "password", password));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/auth/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Sign-in of " + email + " answered " + r.statusCode() + ": " + r.body());
            }
            String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("PAPERCLUB_SESSION="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            Map<String, Object> me = JSON.readValue(r.body(), new TypeReference<>() { });
            return new User(email, cookie, (String) me.get("csrfToken"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in user of this app: cookie and CSRF token, as a browser sends them. */
    public final class User {
        private final String email;
        private final String cookie;
        private final String csrf;

        private User(String email, String cookie, String csrf) {
            this.email = email;
            this.cookie = cookie;
            this.csrf = csrf;
        }

        /** The first upcoming held session of the demo course with an assigned paper: {session id, paper id}. */
        public long[] upcomingSessionAndPaper() {
            List<Map<String, Object>> sessions = get("/api/courses/1/sessions", new TypeReference<>() { });
            OffsetDateTime soon = OffsetDateTime.now().plusDays(1);
            for (Map<String, Object> s : sessions) {
                List<Map<String, Object>> assigned = Api.listOf(s, "readings").stream()
                        .filter(r -> "ASSIGNED".equals(r.get("kind"))).toList();
                if (!"NO_CLASS".equals(s.get("kind")) && !assigned.isEmpty() && OffsetDateTime.parse((String) s.get("startsAt")).isAfter(soon)) {
                    return new long[]{Api.id(s), Api.longOf(assigned.get(0), "paperId")};
                }
            }
            throw new IllegalStateException("the demo term has an upcoming session with an assigned paper");
        }

        public String email() {
            return email;
        }

        public String cookie() {
            return cookie;
        }

        public String csrf() {
            return csrf;
        }

        public <T> T get(String path, TypeReference<T> type) {
            try {
                HttpResponse<String> r = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
                }
                return JSON.readValue(r.body(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A request with a body ({@code Map} or {@code List} as JSON, a {@code String} as it is); the answer as status and text. */
        public HttpResponse<String> send(String method, String path, String contentType, Object body) throws IOException {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path).header("Content-Type", contentType).header("X-XSRF-TOKEN", csrf)
                    .method(method, HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Downloads a file: its status and bytes. */
        public HttpResponse<byte[]> download(String path) throws IOException {
            return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        /** A multipart/form-data POST of text fields and one file; the answer as status and JSON text. */
        public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, byte[] file) throws IOException {
            String boundary = "----paperclub" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"critique.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Cookie", cookie)
                    .header("Accept", "application/json, application/problem+json, application/pdf");
        }

        private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            try {
                return http.send(request, handler);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    public static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The setting of the port the app listens on. */
    public static final String PORT = "micronaut.server.port";

    /** A port free now, for {@link #PORT}. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
