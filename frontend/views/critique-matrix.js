// Staff: every student × every session with assigned papers, each cell saying in words (not colour alone) whether the
// critique came on time, late, is missing or not due yet; any critique opens with its versions (every control here
// has class "staff-control"). The extensions are critique-extensions.js.
import { ref, computed } from 'vue';
import { get } from '../api.js';
import { formatInstant, formatDay, dateIn } from '../time.js';
import VersionList from './critique-versions.js';
import { formatPercent, plural } from '../format.js';
import { focusLater } from '../focus.js';

const HOUR = 3600_000;

/** Extra hours a student has for a session: their whole-term extensions and those for that session, added up. */
export function extraHours(extensions, studentId, sessionId) {
  return extensions.filter(e => e.studentId === studentId && (e.sessionId === null || e.sessionId === sessionId))
    .reduce((sum, e) => sum + e.hours, 0);
}

const latest = c => c.versions.reduce((a, b) => (b.version > a.version ? b : a), c.versions[0]);

export default {
  components: { VersionList },
  props: {
    courseId: { type: Number, required: true },
    course: { type: Object, required: true },
    deadlines: { type: Array, required: true },   // every session's deadline before extensions
    critiques: { type: Array, required: true },
    students: { type: Array, required: true },
    extensions: { type: Array, required: true },
    sessions: { type: Array, required: true },
    now: { type: Number, required: true },
    gradedCritiques: { type: Array, default: null },   // the ids graded, when the page has them already
  },
  emits: ['upload-for'],
  setup(props, { emit }) {
    const base = `/api/courses/${props.courseId}`;
    const zone = computed(() => props.course.timeZone);

    // Which critiques have a grade: staff's grading progress, read once (per-person data, not the shared schedule).
    const graded = ref(props.gradedCritiques ? new Set(props.gradedCritiques) : null);
    if (!props.gradedCritiques) {
      get(`${base}/grading/progress`).then(p => { graded.value = new Set(p.gradedCritiques); }).catch(() => { graded.value = null; });
    }
    const isGraded = c => graded.value !== null && graded.value.has(c.id);

    // Columns: the sessions with a deadline, and any other session that still holds critiques (it was cancelled, or
    // its papers were taken off, after they were handed in).
    const columns = computed(() => {
      const cols = props.deadlines.map(d => ({ sessionId: d.sessionId, number: d.sessionNumber, topic: d.topic, due: d.due }));
      const known = new Set(cols.map(c => c.sessionId));
      for (const c of props.critiques) {
        if (!known.has(c.sessionId)) {
          known.add(c.sessionId);
          const s = props.sessions.find(x => x.id === c.sessionId);
          cols.push({ sessionId: c.sessionId, number: c.sessionNumber, topic: s ? s.topic : '', due: null });
        }
      }
      return cols.sort((a, b) => a.number - b.number);
    });

    const bySlot = computed(() => {
      const map = new Map();
      for (const c of props.critiques) {
        const key = `${c.studentId}:${c.sessionId}`;
        if (!map.has(key)) {
          map.set(key, []);
        }
        map.get(key).push(c);
      }
      return map;
    });

    function cell(student, col) {
      const items = (bySlot.value.get(`${student.userId}:${col.sessionId}`) || []).filter(c => c.versions.length).map(c => {
        const v = latest(c);
        return v.late
          ? { c, state: 'late', text: `late (${formatPercent(v.keepPercent)} %)`, said: `late, ${formatPercent(v.keepPercent)} % of the points kept` }
          : { c, state: 'on-time', text: '✓', said: 'on time' };
      });
      if (items.length) {
        return { state: items.some(x => x.state === 'late') ? 'late' : 'on-time', items };
      }
      if (!col.due) {
        return { state: 'not-possible', text: 'n/a', said: 'not possible', items };
      }
      const due = Date.parse(col.due) + extraHours(props.extensions, student.userId, col.sessionId) * HOUR;
      return due <= props.now
        ? { state: 'missing', text: '—', said: 'missing', items }
        : { state: 'not-due', text: '·', said: 'not due yet', items };
    }

    const rows = computed(() => props.students.map(s => ({
      s,
      count: props.critiques.filter(c => c.studentId === s.userId).length,
      cells: columns.value.map(col => ({ col, ...cell(s, col) })),
    })));
    const handedIn = col => props.critiques.filter(c => c.sessionId === col.sessionId).length;
    const required = computed(() => (props.course.policies ? props.course.policies.critiquesRequired : 0));
    const colDay = col => (col.due ? formatDay(dateIn(col.due, zone.value)) : 'no deadline');

    // One critique open at a time, below the matrix; closing it gives focus back to its cell.

    const openId = ref(null);
    const opened = computed(() => props.critiques.find(c => c.id === openId.value) || null);
    const openedStudent = computed(() => opened.value && props.students.find(s => s.userId === opened.value.studentId));
    const openedDue = computed(() => {
      const c = opened.value;
      const col = c && columns.value.find(x => x.sessionId === c.sessionId);
      if (!col || !col.due) {
        return null;
      }
      const extra = extraHours(props.extensions, c.studentId, c.sessionId);
      const dueAt = new Date(Date.parse(col.due) + extra * HOUR);
      // A stored date the browser cannot place is shown as the server wrote it; toISOString would throw.
      const due = Number.isNaN(dueAt.getTime()) ? col.due : dueAt.toISOString();
      return formatInstant(due, zone.value) + (extra ? ` (with ${plural(extra, 'hour', 'hours')} of extensions)` : '');
    });
    function openCritique(c) {
      openId.value = c.id;
      focusLater('critique-detail-title');
    }
    function closeCritique() {
      const id = openId.value;
      openId.value = null;
      focusLater(`open-critique-${id}`);
    }
    function uploadNew() {
      const c = opened.value;
      emit('upload-for', { studentId: c.studentId, sessionId: c.sessionId, paperId: c.paperId });
    }
    const nameOf = c => c.studentName || (openedStudent.value && openedStudent.value.name) || 'The student';

    return {
      base, zone, columns, rows, handedIn, required, colDay, openId, opened, openedDue, openCritique, graded, isGraded,
      closeCritique, uploadNew, nameOf,
    };
  },
  template: /*html*/`
    <section class="staff-control matrix-section" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading" tabindex="-1">Critiques by student and session</h2>
      <p class="hint matrix-key" id="matrix-key">
        <span class="key"><span class="cell-sample on-time">✓</span> on time</span>
        <span class="key"><span class="cell-sample late">late (80 %)</span> late, with the share of points kept</span>
        <span class="key"><span class="cell-sample missing">—</span> missing (deadline passed, none handed in)</span>
        <span class="key"><span class="cell-sample not-due">·</span> not due yet</span>
        <span class="key"><span class="cell-sample not-possible">n/a</span> not possible</span>
        <span v-if="graded" class="key"><span class="graded-mark">graded</span> has a grade (draft or published)</span>
        Choose a ✓ or “late” cell to open that critique and its versions. Extensions are counted in each student’s deadlines.
        The table scrolls sideways on a small screen.
      </p>
      <p v-if="!students.length">No students are enrolled yet.</p>
      <p v-else-if="!columns.length">No session has assigned papers, so there is nothing to critique yet.</p>
      <div v-else class="table-wrap matrix-wrap" role="region" aria-labelledby="matrix-caption" tabindex="0">
        <table id="critique-matrix" class="critique-matrix" aria-describedby="matrix-key">
          <caption id="matrix-caption"><span class="caption-text">Critiques: {{ students.length }} students × {{ columns.length }}
            sessions with assigned papers ({{ required }} required per student)</span></caption>
          <thead>
            <tr>
              <th scope="col" class="student-col">Student <span class="count-head">(handed in)</span></th>
              <th v-for="col in columns" :key="col.sessionId" scope="col" class="session-col" :data-session-id="col.sessionId"
                  :title="col.topic">
                <span class="visually-hidden">Session </span><span class="session-number">{{ col.number }}</span>
                <span class="session-day">{{ colDay(col) }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr v-for="row in rows" :key="row.s.userId" :data-student-id="row.s.userId">
              <th scope="row" class="student-cell">
                <span class="name">{{ row.s.name }}</span>
                <span class="count">{{ row.count }} of {{ required }}</span>
              </th>
              <td v-for="x in row.cells" :key="x.col.sessionId" :class="['matrix-cell', x.state]"
                  :data-session-id="x.col.sessionId" :data-student-id="row.s.userId" :data-state="x.state">
                <template v-if="x.items.length">
                  <button v-for="item in x.items" :key="item.c.id" type="button" :id="'open-critique-' + item.c.id"
                          :class="['staff-control', 'cell-open', item.state, { opened: openId === item.c.id }]"
                          :data-critique-id="item.c.id" :title="'“' + item.c.paperTitle + '”'"
                          :aria-expanded="openId === item.c.id ? 'true' : 'false'" aria-controls="critique-detail"
                          :data-graded="graded ? String(isGraded(item.c)) : null"
                          @click="openCritique(item.c)"><span
                          :aria-hidden="item.state === 'on-time' ? 'true' : null">{{ item.text }}</span><span
                          v-if="isGraded(item.c)" class="graded-mark" aria-hidden="true"> graded</span><span
                          class="visually-hidden">{{ item.state === 'on-time' ? 'On time' : '' }}{{ graded ? (isGraded(item.c)
                          ? ', graded' : ', not graded yet') : '' }}: open {{ row.s.name }}’s critique
                          for session {{ x.col.number }}</span></button>
                </template>
                <template v-else><span aria-hidden="true">{{ x.text }}</span><span class="visually-hidden">{{ x.said }}</span></template>
              </td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="student-cell">Handed in; print<span class="hint"> (once a critique is in)</span></th>
              <td v-for="col in columns" :key="col.sessionId" :data-session-id="col.sessionId" class="print-cell">
                <span class="handed-in">{{ handedIn(col) }}<span class="visually-hidden"> handed in for session {{ col.number }}</span></span>
                <a v-if="handedIn(col)" class="print-session staff-control" :href="base + '/sessions/' + col.sessionId + '/critiques.pdf'" download
                   :data-session-id="col.sessionId">Print<span class="visually-hidden"> all critiques of session {{ col.number }} (PDF)</span></a>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>

      <div id="critique-detail" class="staff-control">
        <section v-if="opened" class="card critique-detail" aria-labelledby="critique-detail-title" :data-critique-id="opened.id"
                 @keydown.esc="closeCritique">
          <h3 id="critique-detail-title" tabindex="-1">{{ nameOf(opened) }}’s critique for session {{ opened.sessionNumber }}</h3>
          <p class="detail-paper">Paper: “{{ opened.paperTitle }}”</p>
          <p v-if="openedDue" class="detail-due">Due {{ openedDue }}.</p>
          <p v-for="(n, i) in opened.notes" :key="i" class="note">{{ n }}</p>
          <version-list :versions="opened.versions" :zone="zone"
                        :what="nameOf(opened) + '’s critique of “' + opened.paperTitle + '”'" />
          <div class="actions">
            <button type="button" id="upload-for" class="staff-control secondary" @click="uploadNew">Upload a new version on
              {{ nameOf(opened) }}’s behalf</button>
            <button type="button" id="close-detail" class="staff-control secondary" @click="closeCritique">Close</button>
          </div>
        </section>
      </div>
    </section>`,
};
