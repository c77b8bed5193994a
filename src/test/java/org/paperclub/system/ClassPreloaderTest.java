package org.paperclub.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start's second thread finds every bean definition Micronaut will instantiate, and can load each of them. */
class ClassPreloaderTest {

    private final ClassLoader loader = ClassPreloaderTest.class.getClassLoader();

    @Test
    void it_finds_the_bean_definitions_of_paperclub_and_of_micronaut_on_the_class_path() {
        List<String> names = ClassPreloader.names(loader);
        assertTrue(names.contains("org.paperclub.people.$SessionSecret$Definition"), "from target/classes (a folder)");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("io.micronaut.http.server.")), "from Micronaut's jars");
        assertTrue(names.size() > 500, "all of them: " + names.size());
    }

    @Test
    void every_class_it_names_loads() {
        List<String> names = ClassPreloader.names(loader);
        assertEquals(names.size(), ClassPreloader.load(loader), "nothing it names fails to load");
    }
}
