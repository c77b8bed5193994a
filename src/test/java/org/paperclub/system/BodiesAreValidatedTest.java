package org.paperclub.system;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JSON body's field checks run only when its parameter carries {@code @Valid}: without it a NUL byte or a
 * 100,000-character reason reaches the database and comes back as a 500. Every command record of every controller
 * must be validated.
 */
class BodiesAreValidatedTest {

    private static List<Class<?>> controllers() throws IOException, URISyntaxException, ClassNotFoundException {
        // The main classes' folder, not the tests'.
        Path root = Path.of(Text.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/paperclub"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().startsWith("$")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, BodiesAreValidatedTest.class.getClassLoader());
                if (type.isAnnotationPresent(Controller.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    @Test
    void every_json_command_a_controller_reads_from_its_body_is_validated() throws Exception {
        List<Class<?>> controllers = controllers();
        assertTrue(controllers.size() >= 10, "the controllers were found: " + controllers);
        List<String> unchecked = new ArrayList<>();
        int commands = 0;
        for (Class<?> controller : controllers) {
            for (Method method : controller.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(Body.class) && parameter.getType().isRecord()) {
                        commands++;
                        if (!parameter.isAnnotationPresent(Valid.class)) {
                            unchecked.add(controller.getSimpleName() + "." + method.getName() + "(" + parameter.getType().getSimpleName() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(commands >= 10, "the command bodies were found: " + commands);
        assertEquals(List.of(), unchecked, "@Body commands without @Valid");
    }
}
