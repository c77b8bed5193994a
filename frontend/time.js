// Session times: the course's own zone first (it is where the class meets), the viewer's zone as an extra.

export const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

// Every formatter here survives any value the server may hold (a year 57443, a year -1, garbage): an Intl format of
// an invalid Date throws a RangeError, which would take the whole page down, so such a value is shown as it is.

/** The Date of an ISO instant, or null when the browser cannot place it. */
function toDate(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
/** "Mon 5 Oct" for a wall-clock date "2026-10-05"; read as UTC so that no zone can move it to another day. */
export function formatDay(isoDate, withYear = false) {
  const parts = /^([+-]?\d{1,6})-(\d\d)-(\d\d)$/.exec(String(isoDate));
  const date = parts ? new Date(Date.UTC(2000, Number(parts[2]) - 1, Number(parts[3]))) : null;
  if (date) {
    date.setUTCFullYear(Number(parts[1]));   // Date.UTC would read the years 0-99 as 1900-1999
  }
  if (!date || Number.isNaN(date.getTime())) {
    return String(isoDate);
  }
  const day = dayFormat.format(date);
  return withYear ? `${day} ${Number(parts[1])}` : day;
}

/** The wall-clock date "YYYY-MM-DD" of an instant in a zone. */
export function dateIn(instant, zone) {
  const date = toDate(instant);
  return date && new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone })
    .format(date);
}

/** "2:00 – 3:15 PM EDT" (in the viewer's language) for two instants, shown in the given zone. */
export function formatTimeRange(startsAt, endsAt, zone) {
  const format = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: zone });
  const start = toDate(startsAt);
  const end = toDate(endsAt);
  if (!start || !end || end < start) {
    return `${startsAt} – ${endsAt}`;
  }
  if (format.formatRange) {
    return format.formatRange(start, end);
  }
  const plain = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: zone });
  return `${plain.format(start)} – ${format.format(end)}`;
}

/**
 * The session's time where the viewer is, or null when that reads the same as the course's time (same zone, or
 * a zone that keeps the same clock). Names the day too when it is not the course's day.
 */
export function localTime(session, courseZone) {
  if (browserZone === courseZone || !toDate(session.startsAt) || !toDate(session.endsAt)) {
    return null;
  }
  const here = formatTimeRange(session.startsAt, session.endsAt, browserZone);
  const there = formatTimeRange(session.startsAt, session.endsAt, courseZone);
  if (here === there) {
    return null;
  }
  const day = dateIn(session.startsAt, browserZone);
  return day === session.date ? here : `${formatDay(day)}, ${here}`;
}

export function isoToday(zone) {
  return dateIn(Date.now(), zone);
}

/** "Sat 12 Dec, 2:55 PM EST" (in the viewer's language) for an instant, shown in the given zone. */
export function formatInstant(instant, zone) {
  const date = toDate(instant);
  return date ? new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric',
    minute: '2-digit', timeZoneName: 'short', timeZone: zone }).format(date) : String(instant);
}

/** "Wed 25 Nov 2026, 2:05:09 PM EST": a moment to the second, with its year, for receipts and file versions. */
export function formatMoment(instant, zone) {
  const date = toDate(instant);
  return date ? new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short', timeZone: zone }).format(date) : String(instant);
}

/** A span of minutes in words, to the minute: "2 days 3 hours", "1 hour 5 minutes", "45 minutes". */
export function durationWords(totalMinutes) {
  const minutes = Math.floor(totalMinutes);
  if (minutes < 1) {
    return 'less than a minute';
  }
  const unit = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) {
    return unit(days, 'day') + (hours ? ' ' + unit(hours, 'hour') : '');
  }
  if (hours > 0) {
    return unit(hours, 'hour') + (mins ? ' ' + unit(mins, 'minute') : '');
  }
  return unit(mins, 'minute');
}

/**
 * How far off a moment is, in words and to the minute: "in 2 days 3 hours", "in 45 minutes", "in less than a minute";
 * for a moment gone, "2 hours 5 minutes ago".
 */
export function countdown(instant, now = Date.now()) {
  const diff = Date.parse(instant) - now;
  if (Number.isNaN(diff)) {
    return '';
  }
  const text = durationWords(Math.abs(diff) / 60_000);
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}
