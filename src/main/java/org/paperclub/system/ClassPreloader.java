package org.paperclub.system;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads Micronaut's bean definition classes on a second thread while the main thread starts the application. The
 * start instantiates every one of them (about 880) before anything else, one after the other, and on a JVM without a
 * class-data archive reading and defining those classes from the jar is about half of the main thread's work. Here
 * they are only loaded, never initialised ({@code Class.forName(name, false, ...)}): no static initialiser runs
 * on this thread, so it cannot deadlock with the main thread; the class loader is parallel-capable. Anything that
 * goes wrong is ignored: the main thread then loads the class itself, as it always did.
 */
public final class ClassPreloader {

    private static final String REFERENCES = "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference";

    private ClassPreloader() {
    }

    /** Starts the loading thread (a daemon) for the classes {@code loader} names as bean definition references. */
    public static void start(ClassLoader loader) {
        Thread t = new Thread(() -> load(loader), "class-preloader");
        t.setDaemon(true);
        t.start();
    }

    static int load(ClassLoader loader) {
        int loaded = 0;
        for (String name : names(loader)) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (Throwable ignored) {
                // the main thread meets the same class and reports what is wrong with it
            }
        }
        return loaded;
    }

    /** The class names listed under {@link #REFERENCES} in every jar and folder of the class path. */
    static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> folders = loader.getResources(REFERENCES);
            while (folders.hasMoreElements()) {
                URL url = folders.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    URLConnection c = url.openConnection();
                    c.setUseCaches(true);   // the class loader's own open jar, not a second copy
                    JarFile jar = ((JarURLConnection) c).getJarFile();
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(REFERENCES + "/") && entry.length() > REFERENCES.length() + 1) {
                            names.add(entry.substring(REFERENCES.length() + 1));
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(f -> names.add(f.getFileName().toString()));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // nothing to preload: the start goes as it always did
        }
        return names;
    }
}
