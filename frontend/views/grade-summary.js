// Staff: every student's components and participation grade in one sortable table, with what is still to do
// (ungraded, flagged, drafts), the gradebook downloads, the open regrade requests to answer, and the grade audit.
import { ref, reactive, computed, watch, nextTick } from 'vue';
import { get, problemOf } from '../api.js';
import { formatMoment } from '../time.js';
import ProblemBox from './problem-box.js';
import RegradeAnswers from './regrades.js';
import LmsPanel from './lms-panel.js';
import { useCourseView } from './use-course-view.js';
import { missingText, actionName } from './grade-format.js';
import { percentText, formatPoints, plural, byName } from '../format.js';
import { keepFocusClear } from './sticky-table.js';
import { forgetAtSignOut } from '../store.js';

const ROWS_AT_ONCE = 200;

// Per course, while the app is open: the order, search and rows shown, and the student whose page was opened from
// here, so that Back from a student's page returns to the same place in the table with focus on that student's link
// (a TA going through the students one by one otherwise sorted and searched again each time).
const kept = new Map();
forgetAtSignOut(() => kept.clear());

const allColumns = [
  { key: 'name', label: 'Student', numeric: false },
  // The grade itself beside the name, then what it is made of: on a phone the first two columns are what is in view.
  { key: 'participation', label: 'Participation', numeric: true },
  { key: 'presentation', label: 'Presentation', numeric: true },
  { key: 'roles', label: 'Supporting roles', numeric: true },
  { key: 'critiques', label: 'Critiques', numeric: true },
  { key: 'ungraded', label: 'Ungraded', numeric: true },
  { key: 'flagged', label: 'Flagged', numeric: true },
  { key: 'unpublished', label: 'Drafts', numeric: true },
];

export default {
  components: { ProblemBox, RegradeAnswers, LmsPanel },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const { base, course, loadProblem, zone, loading } = useCourseView(props);
    const summary = ref(null);
    // The course's names for the components; a component of weight 0 counts for nothing and has no column.
    // Only the components that weigh something, under the course's names (a syllabus graded on critiques alone says so).
    const formula = computed(() => {
      if (!summary.value) return '';
      const fallback = { presentation: 'presentation', roles: 'supporting roles', critiques: 'critiques' };
      return ['presentation', 'roles', 'critiques'].filter(k => summary.value.weights[k] > 0)
        .map(k => `${(summary.value.names && summary.value.names[k]) || fallback[k]} ${formatPoints(summary.value.weights[k])} %`)
        .join(', ');
    });
    const columns = computed(() => allColumns.filter(c => !summary.value || !(c.key in summary.value.weights)
      || summary.value.weights[c.key] > 0).map(c => (summary.value && summary.value.names && summary.value.names[c.key]
      ? { ...c, label: summary.value.names[c.key] } : c)));
    const shows = key => columns.value.some(c => c.key === key);

    const load = () => loading(async () => {
      const [c, s] = await Promise.all([get(base), get(`${base}/grades/summary`)]);
      course.value = c;
      summary.value = s;
    });
    load();

    // Sorting: one column at a time; a click on the same column turns the order round. Empty values go last.

    const before = kept.get(props.courseId) || {};
    const sort = reactive({ key: before.sortKey || 'name', dir: before.sortDir || 'ascending' });
    function sortBy(key) {
      if (sort.key === key) {
        sort.dir = sort.dir === 'ascending' ? 'descending' : 'ascending';
      } else {
        sort.key = key;
        sort.dir = columns.value.find(c => c.key === key).numeric ? 'descending' : 'ascending';
      }
    }
    const filter = ref(before.filter || '');
    const rows = computed(() => {
      if (!summary.value) {
        return [];
      }
      const words = filter.value.trim().toLowerCase();
      const list = summary.value.students.filter(s => !words
        || [s.name, s.email, s.section].some(x => x && x.toLowerCase().includes(words)));
      const sign = sort.dir === 'ascending' ? 1 : -1;
      return [...list].sort((a, b) => {
        if (sort.key === 'name') {
          return sign * byName(a, b);
        }
        const x = a[sort.key];
        const y = b[sort.key];
        if (x === null || x === undefined || y === null || y === undefined) {
          if ((x === null || x === undefined) && (y === null || y === undefined)) {
            return byName(a, b);
          }
          return x === null || x === undefined ? 1 : -1;
        }
        return x === y ? byName(a, b) : sign * (x - y);
      });
    });
    // A course of thousands: drawing every row at once froze the page for half a second at each sort (28,000
    // elements for 2,000 students); the rows come 200 at a time, in the order and filter chosen, over all of them.
    const limit = ref(before.limit || ROWS_AT_ONCE);
    const shownRows = computed(() => rows.value.slice(0, limit.value));
    watch(filter, () => { limit.value = ROWS_AT_ONCE; });
    // The button pressed may go with the rows it brought; focus moves to the first of them, so that a keyboard or
    // screen-reader user goes on from there instead of from the top of the page.
    // Focus on a student's link once the rows are drawn.
    const focusLink = selector => nextTick(() => {
      const link = document.querySelector(`#grade-summary ${selector} th a`);
      if (link) link.focus();
    });
    function showFrom(count) {
      const from = shownRows.value.length;
      limit.value = count;
      focusLink(`tbody tr:nth-child(${from + 1})`);
    }
    const showMore = () => showFrom(limit.value + ROWS_AT_ONCE);
    const showAll = () => showFrom(rows.value.length);

    // Used once: by the first summary after coming back, never by a later reload of this page.
    let followed = before.followed || null;
    const keep = () => kept.set(props.courseId, { sortKey: sort.key, sortDir: sort.dir, filter: filter.value, limit: limit.value, followed });
    if (followed !== null) {
      kept.set(props.courseId, { ...before, followed: null });
    }
    watch([() => sort.key, () => sort.dir, filter, limit], keep);
    // Only a plain click leaves this page; a click with a modifier opens the student in another tab or window.
    function follow(event, studentId) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      followed = studentId;
      keep();
    }
    watch(summary, value => {
      if (!value) return;
      // A remembered order by a column the course has since stopped weighing goes back to names.
      if (!columns.value.some(c => c.key === sort.key)) {
        sort.key = 'name';
        sort.dir = 'ascending';
      }
      if (followed === null) return;
      const id = followed;
      followed = null;
      keep();
      focusLink(`tr[data-student-id="${id}"]`);
    });

    // Only what the course asks for and weighs: "0 supporting roles" in a course without roles says nothing.
    const requiredText = computed(() => {
      const s = summary.value;
      if (!s) return '';
      const parts = [['presentation', 'presentations', 'presentation', 'presentations'],
        ['roles', 'roles', 'supporting role', 'supporting roles'], ['critiques', 'critiques', 'critique', 'critiques']]
        .filter(([weight, count]) => s.weights[weight] > 0 && s.required[count] > 0)
        .map(([, count, one, many]) => plural(s.required[count], one, many));
      return parts.length ? `Required: ${parts.join(', ')}.` : '';
    });
    // A section named "Section 3" is not shown as "Section Section 3".
    const sectionText = section => (/^section\b/i.test(section) ? section : `Section ${section}`);

    const sortNote = computed(() => {
      const column = columns.value.find(c => c.key === sort.key);
      return column ? `Sorted by ${column.label.toLowerCase()}, ${sort.dir}.` : '';
    });

    const totals = computed(() => {
      const list = summary.value ? summary.value.students : [];
      const sum = key => list.reduce((n, s) => n + (s[key] || 0), 0);
      return { ungraded: sum('ungraded'), flagged: sum('flagged'), unpublished: sum('unpublished') };
    });

    const scales = computed(() => {
      const grading = course.value && course.value.policies && course.value.policies.grading;
      return grading ? { PRESENTATION: grading.presentationScale, ROLE: grading.roleScale, CRITIQUE: grading.critiqueScale } : {};
    });

    // The audit: loaded when opened.
    const audit = ref(null);
    const auditProblem = ref(null);
    async function auditToggled(event) {
      if (!event.target.open || audit.value) {
        return;
      }
      try {
        audit.value = await get(`${base}/grades/audit`);
      } catch (e) {
        auditProblem.value = problemOf(e);
      }
    }
    const when = at => formatMoment(at, zone.value);
    // "N items done but not graded" leads to the sessions they are in (a hash link would change the route).
    function toSessions() {
      const heading = document.getElementById('grading-by-session-heading');
      if (heading) {
        heading.focus();
        heading.scrollIntoView({ block: 'start' });
      }
    }

    return { base, course, summary, loadProblem, zone, formula, columns, shows, sort, sortBy, filter, rows, sortNote, totals, scales,
      shownRows, showMore, showAll, requiredText, sectionText, ROWS_AT_ONCE, keepFocusClear, follow,
      audit, auditProblem, auditToggled, when, toSessions, percentText, missingText, formatPoints, plural, actionName, load };
  },
  template: /*html*/`
    <div class="summary-page">
      <p class="breadcrumb"><a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a></p>
      <h1>Grades<span v-if="course">: {{ course.code }}</span></h1>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="!summary && !loadProblem" class="loading">Loading the grades…</p>

      <template v-if="summary">
        <p class="course-meta" id="summary-policy">Participation = {{ formula }}
          (divided by the sum of the weights). {{ requiredText }} {{ missingText(summary.missing) }}</p>
        <ul class="nav-list downloads">
          <li><a id="gradebook-csv" :href="base + '/gradebook.csv'" download>Download the gradebook for Canvas (CSV)</a></li>
          <li><a id="breakdown-csv" :href="base + '/grades/breakdown.csv'" download>Download the breakdown per student (CSV)</a></li>
        </ul>
        <p class="hint" id="downloads-hint">The downloads count published grades only, as students see them; this table
          counts drafts too.</p>
        <p id="summary-totals"><strong>To do:</strong> <a v-if="totals.ungraded" href="#grading-by-session"
          id="ungraded-link" @click.prevent="toSessions">{{ plural(totals.ungraded, 'item', 'items') }} done but not graded</a><span
          v-else>{{ plural(totals.ungraded, 'item', 'items') }} done but not graded</span>,
          {{ plural(totals.flagged, 'flagged grade', 'flagged grades') }},
          {{ plural(totals.unpublished, 'draft', 'drafts') }} not published.</p>

        <section v-if="summary.sessions && summary.sessions.length" id="grading-by-session" class="card"
                 aria-labelledby="grading-by-session-heading">
          <h2 id="grading-by-session-heading" tabindex="-1">Grading by session</h2>
          <ul class="nav-list grading-sessions">
            <li v-for="p in summary.sessions" :key="p.sessionId" :data-session-id="p.sessionId"
                :class="{ todo: p.graded < p.toGrade }">
              <a :href="'#/courses/' + courseId + '/sessions/' + p.sessionId + '/grading'">Session {{ p.number }}: {{ p.graded }}
                of {{ p.toGrade }} graded</a><span v-if="p.unpublished">, {{ plural(p.unpublished, 'draft', 'drafts') }}</span></li>
          </ul>
        </section>

        <lms-panel v-if="course && course.lmsLinked" :course-id="courseId" :zone="zone" :instructor="!!course && course.role === 'INSTRUCTOR'" />

        <regrade-answers :course-id="courseId" :scales="scales" :zone="zone" :given="summary.openRegrades" @answered="load" />

        <section aria-labelledby="students-heading">
          <h2 id="students-heading">Every student ({{ summary.students.length }})</h2>
          <div class="field narrow">
            <label for="summary-filter">Find a student <span class="optional">(name, email or section)</span></label>
            <input id="summary-filter" type="search" v-model="filter" autocomplete="off" aria-describedby="summary-shown">
            <span id="summary-shown" class="hint" aria-live="polite">{{ filter.trim() ? plural(rows.length, 'student', 'students') + ' shown.' : '' }}</span>
          </div>
          <div class="table-wrap summary-wrap" tabindex="0" role="region" aria-label="Grades table (scrolls both ways)"
               @focusin="keepFocusClear">
            <table id="grade-summary" class="grade-summary">
              <caption class="visually-hidden">Every student’s participation and what it is made of. {{ sortNote }}</caption>
              <thead>
                <tr>
                  <th v-for="c in columns" :key="c.key" scope="col" :class="{ num: c.numeric }"
                      :aria-sort="sort.key === c.key ? sort.dir : null">
                    <button type="button" class="sort-button" :data-sort="c.key" @click="sortBy(c.key)">{{ c.label }}<span
                      class="sort-mark" aria-hidden="true">{{ sort.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕' }}</span></button>
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr v-for="s in shownRows" :key="s.studentId" :data-student-id="s.studentId">
                  <th scope="row">
                    <a :href="'#/courses/' + courseId + '/grades/students/' + s.studentId" @click="follow($event, s.studentId)">{{ s.name }}</a>
                    <span class="email address">{{ s.email }}</span>
                    <span v-if="s.section" class="email">{{ sectionText(s.section) }}</span>
                    <span v-if="s.withdrawn" class="withdrawn-label">Withdrawn</span>
                  </th>
                  <td class="num participation"><strong>{{ percentText(s.participation, '—') }}</strong></td>
                  <td v-if="shows('presentation')" class="num">{{ percentText(s.presentation, '—') }}
                    <span class="cell-note">{{ s.presentationsGraded }} of {{ summary.required.presentations }} graded</span></td>
                  <td v-if="shows('roles')" class="num">{{ percentText(s.roles, '—') }}
                    <span class="cell-note">{{ s.rolesGraded }} graded of {{ s.rolesHeld }} held</span></td>
                  <td v-if="shows('critiques')" class="num">{{ percentText(s.critiques, '—') }}
                    <span class="cell-note">{{ s.critiquesGraded }} graded of {{ s.critiquesAccepted }} accepted</span></td>
                  <td class="num" :class="{ todo: s.ungraded }">{{ s.ungraded }}</td>
                  <td class="num" :class="{ todo: s.flagged }">{{ s.flagged }}</td>
                  <td class="num" :class="{ todo: s.unpublished }">{{ s.unpublished }}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p v-if="rows.length > shownRows.length" id="summary-more" class="more-rows">
            <span aria-live="polite">{{ shownRows.length }} of {{ plural(rows.length, 'student', 'students') }} shown.</span>
            <button type="button" id="summary-show-more" @click="showMore">Show {{ Math.min(ROWS_AT_ONCE, rows.length - shownRows.length) }} more</button>
            <button type="button" id="summary-show-all" class="secondary" @click="showAll">Show all</button></p>
          <p class="hint">— means there is nothing to count yet.</p>
        </section>

        <details class="about" id="grade-audit" @toggle="auditToggled">
          <summary>Every grade change (latest 500)</summary>
          <problem-box :problem="auditProblem" />
          <p v-if="!audit && !auditProblem" class="loading">Loading…</p>
          <p v-else-if="audit && !audit.length">No grade has been changed yet.</p>
          <div v-else-if="audit" class="table-wrap">
            <table class="audit">
              <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Student</th><th scope="col">Change</th></tr></thead>
              <tbody>
                <tr v-for="(e, i) in audit" :key="i">
                  <th scope="row"><time :datetime="e.at">{{ when(e.at) }}</time></th>
                  <td>{{ e.actor }}</td>
                  <td>{{ e.studentName }}</td>
                  <td><strong>{{ actionName(e.action) }}</strong><span v-if="e.oldValue || e.newValue">{{ ' ' + (e.oldValue || '—') + ' → ' + (e.newValue || '—') }}</span><span
                    v-if="e.detail">: {{ e.detail }}</span></td>
                </tr>
              </tbody>
            </table>
          </div>
        </details>
      </template>
    </div>`,
};
