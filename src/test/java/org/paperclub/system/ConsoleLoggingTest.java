package org.paperclub.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleLoggingTest {

    @Test
    void withoutALoggingFileTheAppLogsInfoAndAboveAsOneLinePerEventOnStandardOutput() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());   // as logback's own start-up gives it
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new ConsoleLogging().configure(context, false));

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT");
        assertTrue(console.isStarted());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));   // the appender writes to System.out as it is now
        try {
            context.getLogger("org.paperclub.course.DemoCourseLoader").info("Loaded the demo courses");
            context.getLogger("org.paperclub.course.DemoCourseLoader").debug("not shown");
            context.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font").warn("Using fallback font");
        } finally {
            System.setOut(standardOutput);
        }
        String logged = out.toString(StandardCharsets.UTF_8);
        assertTrue(logged.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  o\\.paperclub\\.course\\.DemoCourseLoader - Loaded the demo courses\\R"),
                logged);
        assertEquals(ConsoleLogging.PATTERN, ((PatternLayoutEncoder) console.getEncoder()).getPattern());
    }

    @Test
    void aLoggingFileOfOnesOwnIsLeftToLogback() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ConsoleLogging().configure(context, true));
        assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
    }
}
