package org.paperclub.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The app's logging, set up in code: one line per event on standard output, INFO and above. Logback would
 * otherwise read a {@code logback.xml} with its XML configurator, which loads some 600 classes and costs every
 * start about 50 ms of CPU (src/bench/README.md, "Start"). A logging file of one's own still works: name it with
 * {@code -Dlogback.configurationFile=FILE}, or put a {@code logback.xml} (or {@code logback-test.xml}, as the tests
 * do) on the class path; then this steps aside and logback reads that file as usual. The jar carries none.
 */
public class ConsoleLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = ConsoleLogging.class.getClassLoader();
        return configure(context, System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null);
    }

    ExecutionStatus configure(LoggerContext context, boolean fileGiven) {
        if (fileGiven) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        // PDFBox warns about substituted standard fonts on every load; that is not news.
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
