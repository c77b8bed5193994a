// Staff: which student still lacks a supporting role in which block (a heat map that says it in words too), auto-fill
// of those gaps (a preview first, applied or discarded), and the audit trail of every sign-up change.
import { ref, computed, nextTick } from 'vue';
import { get, post, problemOf } from '../api.js';
import { announce } from '../store.js';
import { formatInstant } from '../time.js';
import ProblemBox from './problem-box.js';
import { plural } from '../format.js';
import { useCourseView } from './use-course-view.js';
import { focusLater } from '../focus.js';

export const actionNames = {
  PRESENT: 'Present', WITHDRAW_PRESENTATION: 'Leave a team', TAKE_ROLE: 'Take a role', DROP_ROLE: 'Drop a role', SWITCH_ROLE: 'Switch roles',
  APPROVE: 'Approve', DECLINE: 'Decline',
};

const AUDIT_PAGE = 50;

export default {
  components: { ProblemBox },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const { base, course, loadProblem, zone, loading } = useCourseView(props);
    const coverage = ref(null);
    const board = ref(null);
    const audit = ref(null);

    const load = () => loading(async () => {
      // Two requests: the coverage (with the audit trail) and the board.
      const [c, b] = await Promise.all([get(`${base}/signups/coverage`), get(`${base}/signups/board`)]);
      coverage.value = c;
      board.value = b;
      audit.value = c.audit;
    });
    load();

    // Per student and block: how many supporting roles they hold there, and the sessions where they present.
    const perBlock = computed(() => {
      const map = new Map();
      const cell = (userId, block) => {
        const key = `${userId}:${block}`;
        if (!map.has(key)) {
          map.set(key, { roles: 0, presents: [] });
        }
        return map.get(key);
      };
      for (const s of board.value ? board.value.sessions : []) {
        if (s.block === null) {
          continue;
        }
        s.seats.forEach(seat => seat.holders.forEach(h => { cell(h.userId, s.block).roles += 1; }));
        s.presentations.forEach(p => p.members.forEach(m => { cell(m.userId, s.block).presents.push(s.number); }));
      }
      return map;
    });
    function blockCell(student, block) {
      const x = perBlock.value.get(`${student.userId}:${block.index}`) || { roles: 0, presents: [] };
      const missing = student.blocksMissingRole.includes(block.index);
      return {
        missing,
        text: missing ? 'missing' : `✓ ${plural(Math.max(1, x.roles), 'role', 'roles')}`,
        presents: x.presents.length ? `presents in session ${x.presents.join(', ')}` : '',
      };
    }
    const missingIn = block => coverage.value.students.filter(s => s.blocksMissingRole.includes(block.index)).length;
    const summary = computed(() => {
      const c = coverage.value;
      const lacking = c.students.filter(s => s.blocksMissingRole.length).length;
      return (!c.blocks.length ? 'No gaps: this course has no sessions with supporting roles to cover.' : c.gaps
        ? `${plural(c.gaps, 'gap', 'gaps')}: ${plural(lacking, 'student lacks', 'students lack')} a supporting role in at least one block.`
        : 'No gaps: every student holds a supporting role in every block.')
        + ' ' + (c.studentsWithoutPresentation
        ? `${plural(c.studentsWithoutPresentation, 'student has', 'students have')} not yet signed up to present as often as the course asks.`
        : 'Every student has signed up to present.');
    });

    // Auto-fill: nothing is written until staff apply the plan they have seen.
    const plan = ref(null);
    const results = ref(null);
    const busy = ref(null);
    const autofillProblem = ref(null);

    async function preview() {
      busy.value = 'preview';
      autofillProblem.value = null;
      results.value = null;
      try {
        plan.value = await post(`${base}/signups/autofill/preview`);
        announce(`Auto-fill plan: ${plural(plan.value.assignments.length, 'assignment', 'assignments')}, `
          + `${plural(plan.value.unfilled.length, 'gap', 'gaps')} it cannot fill. Nothing is saved until you apply it.`);
        focusLater('autofill-plan-heading');
      } catch (e) {
        autofillProblem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    async function apply() {
      busy.value = 'apply';
      autofillProblem.value = null;
      try {
        const applied = await post(`${base}/signups/autofill/apply`, { assignments: plan.value.assignments });
        results.value = applied;
        plan.value = null;
        const done = applied.filter(r => r.done).length;
        const failed = applied.length - done;
        announce(`Auto-fill applied: ${done} of ${plural(applied.length, 'assignment', 'assignments')} made`
          + (failed ? `; ${failed} could not be made (see the list).` : '.'));
        await load();
        focusLater('autofill-results-heading');
      } catch (e) {
        autofillProblem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    function discard() {
      plan.value = null;
      announce('The auto-fill plan is discarded; nothing was changed.');
      focusLater('autofill-preview');
    }

    const describe = a => `${a.studentName}: ${a.roleName} in session ${a.sessionNumber}`;
    const blockName = index => {
      const block = coverage.value && coverage.value.blocks.find(b => b.index === index);
      return block ? block.name : `block ${index + 1}`;
    };

    // The audit trail, newest first; long trails show a page at a time, and a filter finds a person or session.
    const auditFilter = ref('');
    const auditShown = ref(AUDIT_PAGE);
    const auditMatches = computed(() => {
      const words = auditFilter.value.trim().toLowerCase();
      const list = audit.value || [];
      return words ? list.filter(e => [e.actor, e.detail, actionNames[e.action] || e.action, e.sessionNumber]
        .join(' ').toLowerCase().includes(words)) : list;
    });
    const auditRows = computed(() => auditMatches.value.slice(0, auditShown.value));
    function showMoreAudit() {
      const first = auditShown.value;
      auditShown.value += AUDIT_PAGE;
      nextTick(() => {
        const row = document.querySelectorAll('#audit tbody tr')[first];
        if (row) {
          row.querySelector('th').focus();
        }
      });
    }

    const when = instant => formatInstant(instant, zone.value);

    return { course, coverage, loadProblem, blockCell, missingIn, summary, plan, results, busy, autofillProblem,
      preview, apply, discard, describe, blockName, audit, auditFilter, auditMatches, auditRows, showMoreAudit, when,
      actionNames, plural };
  },
  template: /*html*/`
    <div class="coverage-page">
      <p class="breadcrumb">
        <a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a> ·
        <a :href="'#/courses/' + courseId + '/signups'" id="board-link">Sign-up board</a>
      </p>
      <h1>Coverage and audit<span v-if="course">: {{ course.code }}</span></h1>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="!coverage && !loadProblem" class="loading">Loading the coverage…</p>

      <template v-if="coverage">
        <section aria-labelledby="coverage-heading">
          <h2 id="coverage-heading" tabindex="-1">Supporting roles by block</h2>
          <p id="coverage-summary">{{ summary }}</p>
          <p v-if="!coverage.blocks.length">This course has no sessions with supporting roles.</p>
          <p v-else-if="!coverage.students.length">This course has no students yet.</p>
          <div v-else class="table-wrap" role="region" aria-labelledby="coverage-caption" tabindex="0">
            <table id="coverage" class="coverage">
              <caption id="coverage-caption"><span class="caption-text">Each student’s supporting roles per block
                (“missing”: no role in that block yet), students with the most gaps first</span></caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th v-for="b in coverage.blocks" :key="b.index" scope="col" :data-block="b.index">{{ b.name }}</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Presents</th>
                </tr>
              </thead>
              <tbody>
                <tr v-for="st in coverage.students" :key="st.userId" :data-user-id="st.userId"
                    :class="{ 'has-gaps': st.blocksMissingRole.length }">
                  <th scope="row">{{ st.name }}<span class="email">{{ st.email }}</span></th>
                  <td v-for="b in coverage.blocks" :key="b.index" :data-block="b.index"
                      :class="['heat', blockCell(st, b).missing ? 'gap' : 'covered']">
                    <span class="heat-text">{{ blockCell(st, b).text }}</span>
                    <span v-if="blockCell(st, b).presents" class="heat-note">{{ blockCell(st, b).presents }}</span>
                  </td>
                  <td class="count">{{ st.roleCount }}</td>
                  <td :class="['heat', st.presentationCount < st.presentationsRequired ? 'gap' : 'covered']">
                    <span class="heat-text">{{ st.presentationCount < st.presentationsRequired
                      ? (st.presentationCount ? st.presentationCount + ' of ' + st.presentationsRequired : 'missing')
                      : '✓ ' + st.presentationCount + ' of ' + st.presentationsRequired }}</span>
                  </td>
                </tr>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Students missing a role</th>
                  <td v-for="b in coverage.blocks" :key="b.index" :data-block="b.index">{{ missingIn(b) }}</td>
                  <td></td>
                  <td>{{ coverage.studentsWithoutPresentation }}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>

        <section class="autofill" aria-labelledby="autofill-heading">
          <h2 id="autofill-heading">Auto-fill the gaps</h2>
          <p class="hint">Auto-fill puts each student who lacks a role in a block into a free seat of that block, those with
            the fewest roles first. You see the plan before anything is saved.</p>
          <problem-box id="autofill-error" :problem="autofillProblem" />
          <div class="actions">
            <button type="button" id="autofill-preview" class="staff-control" :disabled="busy !== null" @click="preview">
              {{ busy === 'preview' ? 'Planning…' : (plan ? 'Plan again' : 'Preview auto-fill') }}</button>
          </div>

          <div v-if="plan" class="card autofill-plan">
            <h3 id="autofill-plan-heading" tabindex="-1">The plan: {{ plural(plan.assignments.length, 'assignment', 'assignments') }}</h3>
            <p v-if="!plan.assignments.length">There is nothing auto-fill can assign.</p>
            <ol id="autofill-plan">
              <li v-for="(a, i) in plan.assignments" :key="i" class="assignment" :data-student-id="a.studentId"
                  :data-session-id="a.sessionId" :data-role-id="a.roleId">
                {{ describe(a) }} <span class="hint">({{ blockName(a.block) }})</span></li>
            </ol>
            <template v-if="plan.unfilled.length">
              <h4>Gaps it cannot fill ({{ plan.unfilled.length }})</h4>
              <ul id="autofill-unfilled">
                <li v-for="(u, i) in plan.unfilled" :key="i">{{ u.studentName }}, {{ blockName(u.block) }}: {{ u.reason }}</li>
              </ul>
            </template>
            <div class="actions">
              <button v-if="plan.assignments.length" type="button" id="autofill-apply" class="staff-control"
                      :disabled="busy !== null" @click="apply">
                {{ busy === 'apply' ? 'Applying…' : 'Apply ' + plural(plan.assignments.length, 'assignment', 'assignments') }}</button>
              <button type="button" id="autofill-discard" class="secondary staff-control" :disabled="busy !== null"
                      @click="discard">Discard the plan</button>
            </div>
          </div>

          <div v-if="results" class="card autofill-results">
            <h3 id="autofill-results-heading" tabindex="-1">Auto-fill results: {{ results.filter(r => r.done).length }} of
              {{ plural(results.length, 'assignment', 'assignments') }} made</h3>
            <ol id="autofill-results">
              <li v-for="(r, i) in results" :key="i" :class="r.done ? 'done' : 'failed'">
                <span class="result-mark">{{ r.done ? '✓ Done:' : '✗ Not made:' }}</span> {{ describe(r.assignment) }}<span
                  v-if="!r.done" class="result-problem"> — {{ r.problem }}</span></li>
            </ol>
          </div>
        </section>

        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading">Audit trail</h2>
          <p v-if="!audit.length">No sign-up has been made or changed yet.</p>
          <template v-else>
            <div class="field narrow">
              <label for="audit-filter">Show only entries mentioning</label>
              <input id="audit-filter" type="search" v-model="auditFilter" autocomplete="off" aria-describedby="audit-count">
            </div>
            <p id="audit-count" class="hint" aria-live="polite">Showing {{ auditRows.length }} of {{ auditMatches.length }}
              {{ auditFilter.trim() ? 'matching entries' : 'entries' }}, newest first.</p>
            <div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
              <table id="audit" class="audit">
                <caption id="audit-caption" class="visually-hidden">Sign-up changes, newest first</caption>
                <thead>
                  <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Session</th>
                    <th scope="col">What happened</th></tr>
                </thead>
                <tbody>
                  <tr v-for="e in auditRows" :key="e.id" :data-event-id="e.id" :data-action="e.action">
                    <th scope="row" tabindex="-1"><time :datetime="e.at">{{ when(e.at) }}</time></th>
                    <td>{{ e.actor }}</td>
                    <td>{{ actionNames[e.action] || e.action }}</td>
                    <td>{{ e.sessionNumber === null ? '—' : e.sessionNumber }}</td>
                    <td>{{ e.detail }}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <button v-if="auditRows.length < auditMatches.length" type="button" id="audit-more" class="secondary"
                    @click="showMoreAudit">Show {{ Math.min(50, auditMatches.length - auditRows.length) }} more</button>
          </template>
        </section>
      </template>
    </div>`,
};
