// A course's schedule; staff also edit it here (every such control has class "staff-control").
import { ref, reactive, computed, onUnmounted } from 'vue';
import { get, put, del, problemOf } from '../api.js';
import { courseOf, isStaff, announce } from '../store.js';
import { formatDay, formatTimeRange, localTime, browserZone } from '../time.js';
import ProblemBox from './problem-box.js';
import SessionForm, { kindNames } from './session-form.js';
import ReadingForm from './reading-form.js';
import PaperForm from './paper-form.js';
import { roleNames } from './courses.js';
import { webAddress } from '../links.js';
import { focusLater } from '../focus.js';
import ScheduleMyPart from './schedule-my-part.js';
import GradingProgress, { knowProgress } from './course-grading-progress.js';
import Announcements from './announcements.js';

/** The course's reminder lead times in words, for staff: "critiques 24 h before the deadline · …" (0 is off). */
export function reminderSummary(r) {
  if (!r) return '';
  return [
    r.critiqueHours > 0 ? `critiques ${r.critiqueHours} h before the deadline` : 'no critique reminders',
    r.freezeHours > 0 ? `sign-up freezes ${r.freezeHours} h ahead` : 'no sign-up freeze reminders',
    r.sessionDays > 0 ? `their own presentation or role ${r.sessionDays} ${r.sessionDays === 1 ? 'day' : 'days'} ahead`
      : 'no reminders of their own sessions',
  ].join(' · ');
}

export default {
  components: { ProblemBox, SessionForm, ReadingForm, PaperForm, ScheduleMyPart, GradingProgress, Announcements },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const base = `/api/courses/${props.courseId}`;
    const course = ref(courseOf(props.courseId) || null);
    const sessions = ref(null);
    const papers = ref([]);
    const roles = ref([]);
    const announcements = ref(null);
    const loadProblem = ref(null);
    const staff = computed(() => isStaff(course.value));
    const reminderText = computed(() => reminderSummary(course.value && course.value.policies && course.value.policies.reminders));

    // The clock moves on while the page stays open: "past" and "next" follow it.
    const now = ref(Date.now());
    const tick = setInterval(() => { now.value = Date.now(); }, 60_000);
    onUnmounted(() => clearInterval(tick));

    const isPast = s => Date.parse(s.endsAt) <= now.value;
    const hasStarted = s => Date.parse(s.startsAt) <= now.value;
    const next = computed(() => sessions.value
      && sessions.value.find(s => s.kind !== 'NO_CLASS' && !isPast(s)));
    const firstYear = computed(() => sessions.value && sessions.value.length ? sessions.value[0].date.slice(0, 4) : '');

    // Two requests: the course-wide answer every member shares (cached, with an ETag) and my own part (/me: my role,
    // my part in each session; for staff the grading progress and the policy warnings).
    const mine = ref(null);
    async function load() {
      try {
        const [page, me] = await Promise.all([get(`${base}/schedule`), get(`${base}/me`)]);
        const warnings = (me.staff && me.staff.warnings) || [];
        if (me.staff && me.staff.progress) {
          knowProgress(props.courseId, me.staff.progress.sessions);
        }
        course.value = { ...page.course, role: me.role, warnings };
        sessions.value = page.sessions;
        roles.value = page.roles;
        papers.value = page.papers;
        announcements.value = page.announcements || { total: 0, items: [] };
        mine.value = me.role === 'STUDENT' ? me : null;
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }
    load();

    // Past sessions folded away for students (staff keep them: they grade them).
    const showPast = ref(false);
    const pastCount = computed(() => (sessions.value || []).filter(isPast).length);
    const folded = s => !staff.value && !showPast.value && isPast(s);

    async function reloadSessions() {
      sessions.value = await get(`${base}/sessions`);
    }

    // One staff form or question is open at a time: it keeps focus handling and the page simple.
    const open = reactive({ what: null, id: null });
    const problems = reactive({});   // per session id: what went wrong with its delete, cancel or remove
    const busy = ref(null);

    function show(what, id = null) {
      open.what = what;
      open.id = id;
      if (id !== null) {
        problems[id] = null;
      }
      if (what === 'delete') {
        focusLater(`confirm-delete-${id}`);
      }
    }
    function close(focusId) {
      open.what = null;
      open.id = null;
      if (focusId) {
        focusLater(focusId);
      }
    }
    const isOpen = (what, id = null) => open.what === what && open.id === id;

    function lastSession() {
      const list = sessions.value || [];
      return list.length ? list[list.length - 1] : {};
    }
    const newSessionDefaults = computed(() => {
      const last = lastSession();
      return { startTime: last.startTime, endTime: last.endTime, location: last.location, kind: 'LECTURE' };
    });

    // Said at once, before the quiet reload (the list may reorder, e.g. after a date change), then focus follows.
    async function afterChange(message, focusId) {
      announce(message);
      try {
        await reloadSessions();
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
      if (focusId) {
        focusLater(focusId);
      }
    }

    async function sessionAdded(s) {
      close();
      await afterChange(`Session ${s.number} added.`, `session-${s.id}-title`);
    }
    async function sessionSaved(s) {
      close();
      await afterChange(`Session ${s.number} saved.`, `edit-${s.id}`);
    }

    async function deleteSession(s) {
      busy.value = `delete-${s.id}`;
      try {
        await del(`${base}/sessions/${s.id}`);
        close();
        await afterChange(`Session ${s.number} deleted.`, 'schedule-heading');
      } catch (e) {
        problems[s.id] = problemOf(e);
        close(s.kind !== 'NO_CLASS' && e.status === 409 ? `cancel-${s.id}` : `edit-${s.id}`);
      } finally {
        busy.value = null;
      }
    }

    // Work hangs on a session that has happened or been prepared for: cancelling keeps it, deleting would not.
    async function cancelSession(s) {
      busy.value = `cancel-${s.id}`;
      try {
        await put(`${base}/sessions/${s.id}`, { number: s.number, date: s.date, startTime: s.startTime.slice(0, 5),
          endTime: s.endTime.slice(0, 5), topic: s.topic, location: s.location, kind: 'NO_CLASS' });
        problems[s.id] = null;
        await afterChange(`Session ${s.number} is now marked "No class".`, `edit-${s.id}`);
      } catch (e) {
        problems[s.id] = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    async function readingAdded(s, updated, paper) {
      close();
      await afterChange(`Added “${paper ? paper.title : 'the paper'}” to session ${s.number}.`, `add-reading-${s.id}`);
    }

    async function removeReading(s, reading) {
      busy.value = `remove-${s.id}-${reading.paperId}`;
      problems[s.id] = null;
      try {
        await del(`${base}/sessions/${s.id}/readings/${reading.paperId}`);
        await afterChange(`Removed “${reading.paper.title}” from session ${s.number}.`, `add-reading-${s.id}`);
      } catch (e) {
        problems[s.id] = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    async function paperAdded(paper) {
      close();
      papers.value = [...papers.value, paper];
      announce(`Paper “${paper.title}” added. You can now add it to a session as a reading.`);
      focusLater('add-paper');
    }

    const paperProblem = ref(null);
    async function deletePaper(paper) {
      busy.value = `paper-${paper.id}`;
      paperProblem.value = null;
      try {
        await del(`${base}/papers/${paper.id}`);
        papers.value = papers.value.filter(p => p.id !== paper.id);
        announce(`Paper “${paper.title}” deleted.`);
        focusLater('papers-heading');
      } catch (e) {
        paperProblem.value = problemOf(e);
        focusLater('papers-heading');
      } finally {
        busy.value = null;
      }
    }

    function goToNext() {
      // The session's top goes just below a sticky header, if the header is sticky, so that its heading is seen.
      const item = document.getElementById(`session-${next.value.id}`);
      const heading = document.getElementById(`session-${next.value.id}-title`);
      const header = document.querySelector('.site-header');
      const covered = header && ['sticky', 'fixed'].includes(getComputedStyle(header).position) ? header.offsetHeight : 0;
      window.scrollTo({ top: item.getBoundingClientRect().top + window.scrollY - covered - 8 });
      heading.focus({ preventScroll: true });
    }

    const readingsOf = (s, kind) => s.readings.filter(r => r.kind === kind);
    const paperFacts = paper => [paper.authors, paper.venue, paper.year].filter(Boolean).join(', ');
    const day = s => formatDay(s.date, s.date.slice(0, 4) !== firstYear.value);
    const time = s => formatTimeRange(s.startsAt, s.endsAt, course.value.timeZone);
    const yourTime = s => localTime(s, course.value.timeZone);

    return {
      course, sessions, papers, roles, announcements, loadProblem, staff, next, isPast, hasStarted, base, browserZone,
      open, isOpen, show, close, problems, busy, newSessionDefaults,
      sessionAdded, sessionSaved, deleteSession, cancelSession, readingAdded, removeReading,
      reminderText, paperAdded, paperProblem, deletePaper, goToNext, mine, showPast, pastCount, folded,
      readingsOf, paperFacts, day, time, yourTime, kindNames, roleNames, webAddress,
    };
  },
  template: /*html*/`
    <div class="course-page">
      <h1 id="course-title">{{ course ? course.code + ': ' + course.title : 'Course' }}</h1>
      <template v-if="course">
        <p class="course-meta">
          <span id="course-term">{{ course.term }}</span> ·
          <span>Times are in <span id="course-zone">{{ course.timeZone }}</span></span><span
            v-if="browserZone !== course.timeZone"> (yours: {{ browserZone }})</span> ·
          <span>Your role: {{ roleNames[course.role] || course.role }}</span>
        </p>
        <nav class="course-links" aria-label="Course pages">
          <ul class="nav-list">
            <li><a id="signups-link" :href="'#/courses/' + course.id + '/signups'">Sign-ups</a></li>
            <li v-if="staff || !course.policies || course.policies.critiquesRequired > 0"><a id="critiques-link"
              :href="'#/courses/' + course.id + '/critiques'">Critiques</a></li>
            <li v-if="!staff"><a id="my-grades-link" :href="'#/courses/' + course.id + '/my-grades'">Your grades</a></li>
            <li v-else class="staff-control"><a id="grades-link" class="staff-control" :href="'#/courses/' + course.id + '/grades'">Grades</a></li>
            <li><a id="ics-link" :href="base + '/calendar.ics'" download>Download the calendar (.ics)</a></li>
            <template v-if="staff">
              <li class="staff-control"><a id="coverage-link" class="staff-control" :href="'#/courses/' + course.id + '/coverage'">Coverage and audit</a></li>
              <li class="staff-control"><a id="roster-link" class="staff-control" :href="'#/courses/' + course.id + '/roster'">Roster</a></li>
              <li class="staff-control"><a id="export-link" class="staff-control" :href="base + '/export'" download>Download the course file (YAML)</a></li>
              <li v-if="course.role === 'INSTRUCTOR'" class="staff-control"><a id="copy-link" class="staff-control" :href="'#/courses/new?from=' + course.id">Copy into a new term</a></li>
            </template>
          </ul>
        </nav>
        <section v-if="staff && course.warnings && course.warnings.length" id="policy-warnings"
                 class="card notice staff-control" aria-labelledby="policy-warnings-heading">
          <h2 id="policy-warnings-heading" class="h3">The policies ask for more than the schedule allows</h2>
          <ul>
            <li v-for="w in course.warnings" :key="w.field" :data-field="w.field">{{ w.message }}</li>
          </ul>
          <p class="hint">Nothing is refused: change the policies or the schedule (or the course file) until this list is gone.</p>
        </section>
        <p v-if="staff && reminderText" id="reminder-policy" class="hint staff-control">Reminders to students:
          {{ reminderText }}. Change them with <code>reminders</code> in the course file.</p>
        <details v-if="course.description || roles.length" class="about">
          <summary>About this course</summary>
          <p v-if="course.description">{{ course.description }}</p>
          <template v-if="roles.length">
            <h2 class="h3">Supporting roles in presentations</h2>
            <dl class="roles">
              <template v-for="r in roles" :key="r.id">
                <dt>{{ r.name }}</dt>
                <dd>{{ r.description }}</dd>
              </template>
            </dl>
          </template>
        </details>
      </template>

      <problem-box id="load-error" :problem="loadProblem" />
      <announcements v-if="course && announcements" :course-id="courseId" :staff="staff" :newest="announcements" />

      <section aria-labelledby="schedule-heading">
        <div class="section-head">
          <h2 id="schedule-heading" tabindex="-1">Schedule</h2>
          <div class="section-actions">
            <button v-if="next" type="button" id="go-to-next" class="secondary" @click="goToNext">Go to the next class</button>
            <button v-if="staff && !isOpen('add-session')" type="button" id="add-session" class="staff-control"
                    @click="show('add-session')">Add session</button>
          </div>
        </div>
        <session-form v-if="staff && isOpen('add-session')" id="add-session-form" :course-id="courseId"
                      :defaults="newSessionDefaults" :time-zone="course.timeZone"
                      @saved="sessionAdded" @cancel="close('add-session')" />

        <button v-if="!staff && pastCount" type="button" id="toggle-past" class="secondary small" aria-controls="schedule"
                :aria-expanded="showPast ? 'true' : 'false'" @click="showPast = !showPast">
          {{ showPast ? 'Hide the past sessions' : 'Show ' + (pastCount === 1 ? '1 past session' : pastCount + ' past sessions') }}</button>
        <p v-if="!sessions && !loadProblem" class="loading">Loading the schedule…</p>
        <p v-else-if="sessions && sessions.length === 0">No sessions are scheduled yet.</p>
        <ol v-if="sessions && sessions.length" id="schedule" class="schedule">
          <li v-for="s in sessions" v-show="!folded(s)" :key="s.id" :id="'session-' + s.id"
              :class="['session', { past: isPast(s), next: next && next.id === s.id, 'no-class': s.kind === 'NO_CLASS' }]"
              :data-session-number="s.number" :data-session-id="s.id" :data-kind="s.kind">
            <div class="when">
              <p class="number">Session {{ s.number }}</p>
              <p class="date"><time :datetime="s.date">{{ day(s) }}</time></p>
              <p class="time"><time :datetime="s.startsAt">{{ time(s) }}</time></p>
              <p v-if="yourTime(s)" class="local-time">Your time: {{ yourTime(s) }}</p>
            </div>
            <div class="what">
              <p class="labels">
                <span v-if="next && next.id === s.id" class="label next-label">Next class</span>
                <span v-if="s.kind === 'NO_CLASS'" class="label no-class-label">No class</span>
                <span v-else class="label kind-label">{{ kindNames[s.kind] || s.kind }}</span>
                <span v-if="isPast(s)" class="visually-hidden">(past)</span>
              </p>
              <h3 :id="'session-' + s.id + '-title'" tabindex="-1" class="topic">
                <span class="visually-hidden">Session {{ s.number }}, {{ day(s) }}: </span>{{ s.topic }}</h3>
              <p v-if="s.location" class="location">{{ s.location }}</p>
              <schedule-my-part v-if="mine" :session="s" :mine="mine" :zone="course.timeZone" />

              <div v-for="kind in ['ASSIGNED', 'ADDITIONAL']" :key="kind">
                <div v-if="readingsOf(s, kind).length" :class="['readings', kind.toLowerCase()]">
                  <h4>{{ kind === 'ASSIGNED' ? 'Assigned reading' : 'Additional reading' }}</h4>
                  <ul>
                    <li v-for="r in readingsOf(s, kind)" :key="r.paperId" class="reading" :data-paper-id="r.paperId">
                      <a v-if="webAddress(r.paper.link)" :href="webAddress(r.paper.link)" class="paper-title">{{ r.paper.title }}</a>
                      <span v-else class="paper-title">{{ r.paper.title }}</span>
                      <span v-if="paperFacts(r.paper)" class="paper-facts"> — {{ paperFacts(r.paper) }}</span>
                      <button v-if="staff" type="button" class="staff-control small secondary remove-reading"
                              :disabled="busy === 'remove-' + s.id + '-' + r.paperId"
                              :aria-label="'Remove “' + r.paper.title + '” from session ' + s.number"
                              @click="removeReading(s, r)">Remove</button>
                    </li>
                  </ul>
                </div>
              </div>

              <template v-if="staff">
                <problem-box :problem="problems[s.id]" class="staff-control" />
                <button v-if="problems[s.id] && problems[s.id].status === 409 && s.kind !== 'NO_CLASS'" type="button"
                        :id="'cancel-' + s.id" class="staff-control cancel-session" :disabled="busy === 'cancel-' + s.id"
                        @click="cancelSession(s)">{{ busy === 'cancel-' + s.id ? 'Saving…' : 'Mark as “No class” instead' }}</button>

                <div v-if="isOpen('delete', s.id)" class="confirm staff-control card" role="group"
                     :aria-labelledby="'confirm-text-' + s.id" @keydown.esc.stop.prevent="close('delete-' + s.id)">
                  <p :id="'confirm-text-' + s.id">Delete session {{ s.number }}, “{{ s.topic }}”, and its reading list?</p>
                  <div class="actions">
                    <button type="button" :id="'confirm-delete-' + s.id" class="danger staff-control"
                            :disabled="busy === 'delete-' + s.id" @click="deleteSession(s)">
                      {{ busy === 'delete-' + s.id ? 'Deleting…' : 'Delete session ' + s.number }}</button>
                    <button type="button" class="secondary staff-control" @click="close('delete-' + s.id)">Keep it</button>
                  </div>
                </div>
                <session-form v-else-if="isOpen('edit', s.id)" :course-id="courseId" :session="s" :time-zone="course.timeZone"
                              @saved="sessionSaved" @cancel="close('edit-' + s.id)" />
                <reading-form v-else-if="isOpen('reading', s.id)" :course-id="courseId" :session="s" :papers="papers"
                              @saved="(updated, paper) => readingAdded(s, updated, paper)" @cancel="close('add-reading-' + s.id)" />
                <div v-else class="actions session-actions">
                  <a v-if="hasStarted(s)" :id="'grade-' + s.id" class="staff-control button-link grade-session"
                     :href="'#/courses/' + courseId + '/sessions/' + s.id + '/grading'"
                     :aria-label="'Grade session ' + s.number">Grade</a>
                  <grading-progress :course-id="courseId" :session="s" />
                  <button type="button" :id="'edit-' + s.id" class="staff-control small secondary edit-session"
                          :aria-label="'Edit session ' + s.number" @click="show('edit', s.id)">Edit</button>
                  <button type="button" :id="'add-reading-' + s.id" class="staff-control small secondary add-reading"
                          :aria-label="'Add reading to session ' + s.number" @click="show('reading', s.id)">Add reading</button>
                  <button type="button" :id="'delete-' + s.id" class="staff-control small secondary delete-session"
                          :aria-label="'Delete session ' + s.number" @click="show('delete', s.id)">Delete</button>
                </div>
              </template>
            </div>
          </li>
        </ol>
      </section>

      <section v-if="staff && sessions" class="papers staff-control" aria-labelledby="papers-heading">
        <div class="section-head">
          <h2 id="papers-heading" tabindex="-1">Papers</h2>
          <div class="section-actions">
            <button v-if="!isOpen('add-paper')" type="button" id="add-paper" class="staff-control" @click="show('add-paper')">Add paper</button>
          </div>
        </div>
        <paper-form v-if="isOpen('add-paper')" :course-id="courseId" @saved="paperAdded" @cancel="close('add-paper')" />
        <problem-box :problem="paperProblem" />
        <p v-if="!papers.length" id="no-papers" class="hint">The course has no papers yet.</p>
        <details v-else class="paper-list">
          <summary>{{ papers.length === 1 ? 'The one paper of the course' : 'All ' + papers.length + ' papers of the course' }}</summary>
          <ul>
            <li v-for="paper in papers" :key="paper.id" :data-paper-id="paper.id">
              <a v-if="webAddress(paper.link)" :href="webAddress(paper.link)">{{ paper.title }}</a><span v-else>{{ paper.title }}</span>
              <span v-if="paperFacts(paper)" class="paper-facts"> — {{ paperFacts(paper) }}</span>
              <span v-if="!paper.official" class="label">not official</span>
              <button type="button" class="staff-control small secondary" :disabled="busy === 'paper-' + paper.id"
                      :aria-label="'Delete paper “' + paper.title + '”'" @click="deletePaper(paper)">Delete</button>
            </li>
          </ul>
        </details>
      </section>
    </div>`,
};
