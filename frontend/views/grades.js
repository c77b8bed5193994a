// A student's grades: first a picture of their progress (critiques done of required, a role in each block, the
// presentation), then how the participation grade is made, then every grade with its comment, where a student may
// ask for a regrade while the window is open, and the requests with the staff's answers. Staff open the same page
// for any student (with the drafts, marked as such, and without the request forms).
import { ref, reactive, computed, onUnmounted } from 'vue';
import { get, post, problemOf } from '../api.js';
import { isStaff, announce } from '../store.js';
import { formatInstant, formatMoment, countdown } from '../time.js';
import { focusLater } from '../focus.js';
import ProblemBox from './problem-box.js';
import RegradeHistory from './regrade-history.js';
import { useCourseView } from './use-course-view.js';
import { gradeValue, missingText, kindNames } from './grade-format.js';
import { percentText, formatPoints, plural } from '../format.js';

const componentNames = { presentation: 'Main presentation', roles: 'Supporting roles', critiques: 'Critiques' };

export default {
  components: { ProblemBox, RegradeHistory },
  props: {
    courseId: { type: Number, required: true },
    studentId: { type: Number, default: null },   // staff looking at one student; else the viewer's own grades
  },
  setup(props) {
    const { base, course, loadProblem, zone, loading } = useCourseView(props);
    const grades = ref(null);
    const staffView = computed(() => props.studentId !== null);
    const path = props.studentId !== null ? `${base}/grades/students/${props.studentId}` : `${base}/grades/me`;

    const now = ref(Date.now());
    const tick = setInterval(() => { now.value = Date.now(); }, 60_000);
    onUnmounted(() => clearInterval(tick));

    const load = () => loading(async () => {
      const [c, g] = await Promise.all([get(base), get(path)]);
      course.value = c;
      grades.value = g;
    });
    load();

    // The picture of progress

    const progress = computed(() => (grades.value ? grades.value.progress : null));
    const critiqueText = computed(() => {
      const p = progress.value;
      return p ? `${p.critiquesAccepted} of ${p.critiquesRequired}` : '';
    });
    const blocks = computed(() => (progress.value ? progress.value.blocks : []));
    const blocksWithRole = computed(() => blocks.value.filter(b => b.roles.length).length);
    const sessionsText = numbers => (numbers.length === 1 ? `session ${numbers[0]}`
      : numbers.length === 2 ? `sessions ${numbers[0]} and ${numbers[1]}`
        : `sessions ${numbers[0]}–${numbers[numbers.length - 1]}`);
    const blockText = b => {
      const head = `Block ${b.block} (${sessionsText(b.sessionNumbers)})`;
      if (!b.roles.length) {
        return `${head}: no supporting role yet.`;
      }
      return `${head}: ` + b.roles.map(r => `${r.roleName} in session ${r.sessionNumber}, ${r.graded ? 'graded' : 'not graded yet'}`)
        .join('; ') + '.';
    };
    const presentationsRequired = computed(() => {
      const g = grades.value;
      return g ? Math.max(g.participation.presentation.required || 0, g.progress.presentations.length) : 0;
    });
    // One cell per required presentation: the ones given first, then the ones still to do.
    const presentationCells = computed(() => {
      if (!progress.value) {
        return [];
      }
      const done = progress.value.presentations.map(p => ({ ...p, done: true }));
      const todo = Array.from({ length: Math.max(0, presentationsRequired.value - done.length) }, () => ({ done: false }));
      return [...done, ...todo];
    });
    const presentationText = p => (p.done
      ? `Session ${p.sessionNumber}: “${p.paperTitle}”, ${p.graded ? 'graded' : 'not graded yet'}.`
      : 'A presentation still to sign up for.');

    // How the participation grade is made

    const components = computed(() => {
      const g = grades.value;
      if (!g) {
        return [];
      }
      const p = g.participation;
      // The course's names for its components (its syllabus's words); a component of weight 0 counts for nothing: not shown.
      const grading = course.value && course.value.policies && course.value.policies.grading;
      const names = { ...componentNames, ...Object.fromEntries(Object.entries((grading && grading.names) || {}).filter(([, v]) => v && v.trim())) };
      return ['presentation', 'roles', 'critiques'].filter(key => p.weights[key] > 0).map(key => ({ key, name: names[key],
        weight: p.weights[key], ...p[key] }));
    });

    // The grades, and asking for a regrade

    const items = computed(() => (grades.value ? [...grades.value.items].sort((a, b) => a.sessionNumber - b.sessionNumber
      || a.kind.localeCompare(b.kind)) : []));
    const deadlineOf = g => (grades.value && grades.value.regradeDeadlines ? grades.value.regradeDeadlines[g.id] : null);
    const mayAsk = g => !staffView.value && g.publishedAt && !g.regradeOpen && deadlineOf(g)
      && Date.parse(deadlineOf(g)) > now.value;
    const openRequest = g => grades.value && grades.value.regrades.find(r => r.gradeId === g.id && r.status === 'OPEN');

    const asking = ref(null);
    const reasons = reactive({});
    const askProblems = reactive({});
    const sending = ref(null);
    function openForm(g) {
      asking.value = g.id;
      reasons[g.id] = reasons[g.id] || '';
      askProblems[g.id] = null;
      focusLater(`regrade-reason-${g.id}`);
    }
    function closeForm(g) {
      asking.value = null;
      focusLater(`ask-regrade-${g.id}`);
    }
    async function ask(g) {
      askProblems[g.id] = null;
      const reason = (reasons[g.id] || '').trim();
      if (!reason) {
        askProblems[g.id] = { detail: 'Say why the grade should be looked at again.', errors: [] };
        focusLater(`regrade-reason-${g.id}`);
        return;
      }
      sending.value = g.id;
      try {
        await post(`${base}/grades/${g.id}/regrades`, { reason });
        asking.value = null;
        reasons[g.id] = '';
        announce('Your regrade request is sent. The staff’s answer will show under “Your regrade requests”.');
        await load();
        focusLater(`grade-item-${g.id}`);
      } catch (e) {
        askProblems[g.id] = problemOf(e);
        focusLater(`regrade-reason-${g.id}`);
      } finally {
        sending.value = null;
      }
    }

    const due = at => formatInstant(at, zone.value);
    const when = at => formatMoment(at, zone.value);
    const who = computed(() => (staffView.value ? (grades.value ? grades.value.name : 'the student') : 'you'));
    const staffCourse = computed(() => isStaff(course.value));

    return {
      base, course, grades, loadProblem, zone, staffView, staffCourse, progress, critiqueText, blocks, blocksWithRole,
      blockText, presentationCells, presentationText, presentationsRequired, components, items, deadlineOf, mayAsk,
      openRequest, asking, reasons, askProblems, sending, openForm, closeForm, ask, due, when, countdown, who,
      gradeValue, percentText, missingText, formatPoints, kindNames, plural,
    };
  },
  template: /*html*/`
    <div class="grades-page">
      <p class="breadcrumb"><a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a>
        <template v-if="staffView"> · <a :href="'#/courses/' + courseId + '/grades'">Grade summary</a></template></p>
      <h1 v-if="staffView">Grades of {{ grades ? grades.name : 'a student' }}<span v-if="course">: {{ course.code }}</span></h1>
      <h1 v-else>Your grades<span v-if="course">: {{ course.code }}</span></h1>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="!grades && !loadProblem" class="loading">Loading the grades…</p>

      <template v-if="grades">
        <p v-if="staffView" class="hint" id="staff-view-note">You see every grade, drafts included; the student sees only
          the published ones.</p>

        <section id="progress-picture" class="card" aria-labelledby="picture-heading">
          <h2 id="picture-heading" class="h3">{{ staffView ? 'Progress' : 'Your progress' }}</h2>

          <div class="picture-part" id="critique-part">
            <h3 class="h4" id="critique-part-heading">Critiques</h3>
            <template v-if="progress.critiquesRequired">
              <progress id="critique-meter" :max="Math.max(progress.critiquesRequired, 1)"
                        :value="Math.min(progress.critiquesAccepted, progress.critiquesRequired)"
                        aria-labelledby="critique-part-heading" :aria-valuetext="critiqueText + ' critiques accepted'"></progress>
              <p><strong id="critique-count">{{ critiqueText }}</strong> accepted<span
                v-if="progress.critiquesAccepted >= progress.critiquesRequired"> — all required critiques are in</span><span
                v-else>; {{ progress.critiquesRequired - progress.critiquesAccepted }} to go</span>.</p>
            </template>
            <p v-else>This course does not ask for critiques<span v-if="progress.critiquesAccepted">;
              {{ progress.critiquesAccepted }} accepted</span>.</p>
          </div>

          <div class="picture-part" id="roles-part">
            <h3 class="h4">Supporting roles: one in every block</h3>
            <template v-if="blocks.length">
              <ol class="cells block-cells" aria-describedby="roles-part-summary">
                <li v-for="b in blocks" :key="b.block" :class="['cell', b.roles.length ? 'filled' : 'empty']" :data-block="b.block">
                  <span class="cell-mark" aria-hidden="true">{{ b.roles.length ? (b.roles.every(r => r.graded) ? '✓' : '●') : '' }}</span>
                  <span class="cell-name" aria-hidden="true">B{{ b.block }}</span>
                  <span class="visually-hidden">{{ blockText(b) }}</span>
                </li>
              </ol>
              <p id="roles-part-summary"><strong>{{ blocksWithRole }} of {{ blocks.length }}</strong> blocks with a role.</p>
              <ul class="cell-key hint" aria-hidden="true">
                <li><span class="cell-sample filled">●</span> a role, not graded yet</li>
                <li><span class="cell-sample filled">✓</span> a role, graded</li>
                <li><span class="cell-sample empty"></span> no role yet</li>
              </ul>
              <details class="block-details">
                <summary>Each block in words</summary>
                <ul><li v-for="b in blocks" :key="b.block">{{ blockText(b) }}</li></ul>
              </details>
            </template>
            <p v-else>This course has no supporting roles.</p>
          </div>

          <div class="picture-part" id="presentation-part">
            <h3 class="h4">Presentation</h3>
            <template v-if="presentationCells.length">
              <ol class="cells presentation-cells">
                <li v-for="(p, i) in presentationCells" :key="i" :class="['cell', 'wide', p.done ? 'filled' : 'empty']">
                  <span class="cell-mark" aria-hidden="true">{{ p.done ? (p.graded ? '✓' : '●') : '' }}</span>
                  <span class="cell-text">{{ presentationText(p) }}</span>
                </li>
              </ol>
            </template>
            <p v-else>This course does not ask for a presentation.</p>
          </div>
        </section>

        <section id="participation" class="card" aria-labelledby="participation-heading">
          <h2 id="participation-heading" class="h3">How the participation grade is made</h2>
          <p class="participation-total">Participation: <strong id="participation-percent">{{ percentText(grades.participation.percent) }}</strong></p>
          <div class="table-wrap">
            <table id="components" class="stack-table">
              <caption class="visually-hidden">The components of the participation grade</caption>
              <thead><tr><th scope="col">Component</th><th scope="col">Weight</th><th scope="col">Grade</th><th scope="col">Counted</th></tr></thead>
              <tbody>
                <tr v-for="c in components" :key="c.key" :data-component="c.key">
                  <th scope="row">{{ c.name }}</th>
                  <td data-label="Weight">{{ formatPoints(c.weight) }} %</td>
                  <td data-label="Grade">{{ percentText(c.percent) }}</td>
                  <td data-label="Counted">{{ c.counted }} counted; {{ c.graded }} graded of {{ c.required }} required</td>
                </tr>
              </tbody>
            </table>
          </div>
          <ul v-if="grades.participation.explanation.length" id="explanation" class="explanation">
            <li v-for="(line, i) in grades.participation.explanation" :key="i">{{ line }}</li>
          </ul>
          <p class="hint">{{ missingText(grades.participation.missing) }}</p>
        </section>

        <section id="grade-items" aria-labelledby="items-heading">
          <h2 id="items-heading" tabindex="-1">Grades</h2>
          <p v-if="!staffView && grades.regradeWindowDays" class="hint">You may ask for a regrade within
            {{ plural(grades.regradeWindowDays, 'day', 'days') }} after a grade is published.</p>
          <p v-if="!items.length" id="no-grades">{{ staffView ? 'No grades yet.' : 'No grades are published yet.' }}</p>
          <ul v-else class="grade-items">
            <li v-for="g in items" :key="g.id" class="grade-item card" :id="'grade-item-' + g.id" tabindex="-1"
                :data-grade-id="g.id" :data-kind="g.kind">
              <p class="grade-item-head"><span class="item-session">Session {{ g.sessionNumber }}</span> ·
                {{ kindNames[g.kind] || g.kind }}: <strong class="item-title">{{ g.kind === 'ROLE' ? g.subjectTitle : '“' + g.subjectTitle + '”' }}</strong>
                <span v-if="!g.publishedAt" class="label draft-label">Draft: not published</span></p>
              <p class="grade-item-value"><span class="visually-hidden">Grade: </span><strong class="item-value">{{ gradeValue(g) }}</strong></p>
              <p v-if="g.comment" class="grade-item-comment"><span class="comment-label">Comment:</span> “<span class="item-comment">{{ g.comment }}</span>”</p>
              <p class="hint">Graded by {{ g.gradedBy }}<span v-if="g.publishedAt">, published <time :datetime="g.publishedAt">{{ when(g.publishedAt) }}</time></span>.</p>
              <p v-if="g.flag" class="note">{{ g.flag }}</p>

              <template v-if="!staffView">
                <p v-if="g.regradeOpen || openRequest(g)" class="hint regrade-waiting">You asked for a regrade; the answer will show below.</p>
                <template v-else-if="mayAsk(g)">
                  <p class="hint">You may ask for a regrade until <time :datetime="deadlineOf(g)">{{ due(deadlineOf(g)) }}</time>
                    ({{ countdown(deadlineOf(g)) }}).</p>
                  <button v-if="asking !== g.id" type="button" class="small secondary ask-regrade" :id="'ask-regrade-' + g.id"
                          @click="openForm(g)">Request a regrade<span class="visually-hidden">
                    of {{ kindNames[g.kind] }} “{{ g.subjectTitle }}”, session {{ g.sessionNumber }}</span></button>
                  <form v-else class="regrade-form inline-form" novalidate @submit.prevent="ask(g)"
                        :aria-busy="sending === g.id ? 'true' : 'false'">
                    <problem-box :problem="askProblems[g.id]" :labels="{ reason: 'Reason' }" />
                    <div class="field">
                      <label :for="'regrade-reason-' + g.id">Why should this grade be looked at again?</label>
                      <textarea :id="'regrade-reason-' + g.id" v-model="reasons[g.id]" rows="3" maxlength="2000" required></textarea>
                    </div>
                    <div class="actions">
                      <button type="submit" class="small" :disabled="sending === g.id">{{ sending === g.id ? 'Sending…' : 'Send the request' }}</button>
                      <button type="button" class="small secondary" @click="closeForm(g)">Cancel</button>
                    </div>
                  </form>
                </template>
              </template>
            </li>
          </ul>
        </section>

        <section id="regrade-requests" aria-labelledby="requests-heading">
          <h2 id="requests-heading">{{ staffView ? 'Regrade requests' : 'Your regrade requests' }}</h2>
          <p v-if="!grades.regrades.length">{{ staffView ? 'None.' : 'You have not asked for a regrade.' }}</p>
          <p v-if="staffView && grades.regrades.some(r => r.status === 'OPEN')" class="hint">Open requests are answered on the
            <a :href="'#/courses/' + courseId + '/grades'">grade summary</a>.</p>
          <regrade-history v-if="grades.regrades.length" :regrades="grades.regrades" :zone="zone" :own="!staffView" />
        </section>
      </template>
    </div>`,
};
