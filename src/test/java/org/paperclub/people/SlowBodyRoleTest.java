package org.paperclub.people;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course gate decides with the caller's enrollment as it is once the request has arrived: a TA withdrawn while
 * their request's body is still on its way is refused, as before the session check also read the enrollment
 * (SessionClaimsValidator reads it with the session as soon as the headers are in, so that read must not be used
 * for a body that came later).
 */
@MicronautTest
class SlowBodyRoleTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    @Test
    void a_ta_withdrawn_while_their_request_body_arrives_is_refused() throws Exception {
        Api.Session ta = ta();
        long studentId;
        long taId;
        try (Connection db = jdbc()) {
            studentId = id(db, "student1@example.edu");
            taId = id(db, "ta@example.edu");
        }
        byte[] body = ("{\"studentId\":" + studentId + ",\"hours\":24,\"reason\":\"slow\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/courses/" + DEMO + "/extensions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + "Cookie: PAPERCLUB_SESSION=" + ta.cookie() + "; XSRF-TOKEN=" + ta.csrf() + "\r\n"
                    + "X-XSRF-TOKEN: " + ta.csrf() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 1);
            out.flush();
            // The headers are in and the session was checked; the rest of the body is late.
            Thread.sleep(1500);
            try (Connection db = jdbc(); PreparedStatement s = db.prepareStatement(
                    "update enrollment set withdrawn_at = current_timestamp where course_id = ? and user_id = ?")) {
                s.setLong(1, DEMO);
                s.setLong(2, taId);
                s.executeUpdate();
            }
            out.write(body, 1, body.length - 1);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String status = answer.substring(0, answer.indexOf('\r'));
            assertTrue(status.contains(" 403 "), answer);
        }
    }

    private static long id(Connection db, String email) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select id from app_user where email = ?")) {
            s.setString(1, email);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
