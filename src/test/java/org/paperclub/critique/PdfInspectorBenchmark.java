package org.paperclub.critique;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.paperclub.support.TestPdfs;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inspector's share of the upload's verdict: {@link PdfInspector#inspect} on the verdict benchmark's file, against
 * PDFBox alone on it (the floor: load, pages, page box, text), the two interleaved run by run so that the machine's
 * load falls on both alike; wall time by the median and the CPU time of the whole process per run. Its checks are also
 * run on the calling thread, to tell what they cost from what handing them to the inspector's own threads costs. Not part of the
 * test suite (timings are never asserted): {@code mvn -Pbench verify}, or {@code -Dtest=PdfInspectorBenchmark}.
 */
class PdfInspectorBenchmark {

    private static final int WARMUP = 300;
    private static final int RUNS = 600;

    @Test
    void measure() throws Exception {
        byte[] pdf = TestPdfs.goodCritique();
        PdfInspector inspector = new PdfInspector();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] floor = new double[RUNS];
        double[] inspect = new double[RUNS];
        double[] direct = new double[RUNS];
        long floorCpu = 0;
        long inspectCpu = 0;
        long directCpu = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                doc.getNumberOfPages();
                doc.getPage(0).getMediaBox();
                new PDFTextStripper().getText(doc);
            }
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            PdfInspector.Inspection result = inspector.inspect(pdf, 1);
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            assertTrue(result.accepted(), result.failures().toString());
            PdfInspector.parse(pdf, 1);
            long t3 = System.nanoTime();
            long c3 = os.getProcessCpuTime();
            if (i >= WARMUP) {
                direct[i - WARMUP] = (t3 - t2) / 1e6;
                directCpu += c3 - c2;
                floor[i - WARMUP] = (t1 - t0) / 1e6;
                inspect[i - WARMUP] = (t2 - t1) / 1e6;
                floorCpu += c1 - c0;
                inspectCpu += c2 - c1;
            }
        }
        System.out.printf("%nPdfInspector against PDFBox alone (%d interleaved runs after %d warm-up, %d cores, load average %s)%n",
                RUNS, WARMUP, Runtime.getRuntime().availableProcessors(),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.out.printf("  PDFBox alone:  median %6.2f ms  p99 %6.2f ms  CPU %5.2f ms per run%n", pct(floor, 50), pct(floor, 99), floorCpu / 1e6 / RUNS);
        System.out.printf("  its checks on the calling thread (no pool, no time limit):  median %6.2f ms  p99 %6.2f ms  CPU %5.2f ms per run%n",
                pct(direct, 50), pct(direct, 99), directCpu / 1e6 / RUNS);
        System.out.printf("  PdfInspector:  median %6.2f ms  p99 %6.2f ms  CPU %5.2f ms per run%n", pct(inspect, 50), pct(inspect, 99), inspectCpu / 1e6 / RUNS);
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
