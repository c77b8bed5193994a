package org.paperclub.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Policies whose parts vary too much for columns of their own (late policy, grading) are stored as JSON in one
 * column of the course; null stands for the defaults, so that a course that never changed them follows new defaults.
 */
final class PolicyColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyColumns() {
    }

    static <T> T read(String json, Class<T> type, T defaults, String what) {
        if (json == null || json.isBlank()) {
            return defaults;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + what + " could not be read: " + json, e);
        }
    }

    static <T> String write(T policy, T defaults) {
        if (policy == null || policy.equals(defaults)) {
            return null;
        }
        try {
            return JSON.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
