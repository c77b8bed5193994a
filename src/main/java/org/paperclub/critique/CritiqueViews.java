package org.paperclub.critique;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

final class CritiqueViews {

    private CritiqueViews() {
    }

    /** What a student gets for an accepted upload: the proof that it arrived, and how it was judged. */
    @Serdeable
    record Receipt(Long critiqueId, Long versionId, int version, Instant uploadedAt, String sha256, long sizeBytes, int pages,
                   int words, boolean late, long minutesLate, int graceSpent, double keepPercent, String timing,
                   List<String> warnings, @Nullable String uploadedOnBehalfBy, int accepted, int required) {
    }

    @Serdeable
    record VersionView(Long id, int version, Instant uploadedAt, String sha256, long sizeBytes, int pages, int words,
                       boolean late, long minutesLate, int graceSpent, double keepPercent, String timing, List<String> warnings,
                       boolean byStaff) {
    }

    @Serdeable
    record CritiqueView(Long id, Long studentId, String studentName, Long sessionId, int sessionNumber, Long paperId,
                        String paperTitle, List<VersionView> versions, List<String> notes) {
    }

    @Serdeable
    record Deadline(Long sessionId, int sessionNumber, String topic, OffsetDateTime due, boolean passed,
                    List<Long> assignedPaperIds, @Nullable Long critiquedPaperId) {
    }

    /** A student's standing: their critiques, the count toward the term's total, and the deadlines. */
    @Serdeable
    record Progress(Long studentId, int accepted, int required, List<Deadline> deadlines) {
    }

    @Serdeable
    record ExtensionView(Long id, Long studentId, @Nullable Long sessionId, int hours, @Nullable String reason, Instant grantedAt) {
    }
}
