package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** One class meeting. Date and times are wall-clock times in the course's time zone. */
@MappedEntity("class_session")
public record ClassSession(@Id @GeneratedValue @Nullable Long id,
                      Long courseId,
                      int number,
                      @MappedProperty("session_date") LocalDate date,
                      LocalTime startTime,
                      LocalTime endTime,
                      String topic,
                      @Nullable String location,
                      SessionKind kind,
                      int presentationSlots) {

    public ZonedDateTime startsAt(ZoneId zone) {
        return ZonedDateTime.of(date, startTime, zone);
    }

    public ZonedDateTime endsAt(ZoneId zone) {
        return ZonedDateTime.of(date, endTime, zone);
    }

    public boolean held() {
        return kind != SessionKind.NO_CLASS;
    }
}
