// The course's LMS panel (staff): which LMS courses it is linked to, the roster sync, and the grade passback: line
// items, scores sent, waiting and refused (with the LMS's answer), whether each component gets its own column
// (instructors choose), and sending every published grade again (instructors). Instructors unlink an LMS course
// (after a confirm step): its roster and grades stop syncing, and its next instructor launch chooses the course again.
import { ref } from 'vue';
import { get, put, post, del, problemOf } from '../api.js';
import { announce } from '../store.js';
import { formatMoment } from '../time.js';
import { plural } from '../format.js';
import { focusLater } from '../focus.js';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';
import LmsRosterSync from './lms-roster-sync.js';

const nameOf = c => c.title || c.label || 'an LMS course';

export default {
  components: { ProblemBox, ConfirmStep, LmsRosterSync },
  props: {
    courseId: { type: Number, required: true },
    instructor: { type: Boolean, default: false },
    zone: { type: String, default: undefined },
  },
  setup(props) {
    const base = `/api/courses/${props.courseId}/lti`;
    const view = ref(null);
    const loadProblem = ref(null);
    const problem = ref(null);
    const busy = ref(null);
    const message = ref('');
    const load = async () => {
      try {
        view.value = await get(`${base}/grades`);
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    };
    load();
    async function setPerComponent(event) {
      busy.value = 'settings';
      problem.value = null;
      const on = event.target.checked;
      try {
        view.value = await put(`${base}/grades/settings`, { perComponent: on });
        message.value = on ? 'Each component will get its own grade column in the LMS, besides Participation.'
          : 'Only the participation grade goes to the LMS.';
        announce(message.value);
      } catch (e) {
        event.target.checked = !on;
        problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }
    async function sendAgain() {
      busy.value = 'send';
      problem.value = null;
      try {
        const q = await post(`${base}/grades/sync`);
        message.value = `${plural(q.queued, 'score', 'scores')} queued for the LMS; ${q.unchanged} already there unchanged`
          + (q.skipped ? `; ${plural(q.skipped, 'student', 'students')} never launched Paperclub from the LMS, so the LMS cannot be told their grade.` : '.');
        announce(message.value);
        await load();
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }
    // Unlinking asks first (confirm-step.js), one LMS course at a time.
    const asking = ref(null);
    const unlinkProblem = ref(null);
    async function unlink(c) {
      busy.value = `unlink-${c.id}`;
      unlinkProblem.value = null;
      try {
        await del(`${base}/links/${c.id}`);
        asking.value = null;
        message.value = `Unlinked “${nameOf(c)}” on ${c.platform}. Its roster and grades no longer sync with this course; `
          + 'the next instructor who opens Paperclub from it chooses the course again.';
        announce(message.value);
        await load();
        focusLater('lms-message');
      } catch (e) {
        unlinkProblem.value = problemOf(e);
        busy.value = null;
        await load(); // unlinked by someone else meanwhile: the list says so
        focusLater(`lms-link-${c.id}-confirm`, 'lms-message');
      } finally {
        busy.value = null;
      }
    }
    function ask(c) {
      asking.value = c.id;
      unlinkProblem.value = null;
    }
    // With another LMS course of the same platform still linked, its next roster sync withdraws the students who were
    // only in this one (the sync's rule for anyone gone from the LMS): said here, so nobody is surprised by it.
    const question = c => `Unlink “${nameOf(c)}” on ${c.platform}? Its roster and grades stop syncing with this course. `
      + 'Nothing in Paperclub is deleted: people, their work and grades stay. The next instructor who opens Paperclub '
      + 'from that LMS course chooses the course again.'
      + (view.value.contexts.some(o => o.id !== c.id && o.platform === c.platform)
        ? ` The next roster sync from the other LMS course on ${c.platform} withdraws the students who were only in `
          + 'this one (their work kept).' : '');
    const when = at => formatMoment(at, props.zone);
    return { view, loadProblem, problem, busy, message, setPerComponent, sendAgain, when, plural, load, asking, ask, unlink,
      unlinkProblem, question, nameOf };
  },
  template: /*html*/`
    <section id="lms-panel" class="card" aria-labelledby="lms-heading">
      <h2 id="lms-heading">LMS</h2>
      <problem-box :problem="loadProblem" />
      <p v-if="!view && !loadProblem" class="loading">Loading…</p>
      <template v-else-if="view">
        <p v-if="!view.contexts.length" id="lms-not-linked">This course is not linked to an LMS course. Add Paperclub to
          your LMS course and launch it from there as an instructor to link it: its roster and grades then stay in step.</p>
        <template v-else>
          <p id="lms-links-intro">Linked to {{ view.contexts.length === 1 ? 'this LMS course' : 'these LMS courses' }}:</p>
          <ul id="lms-links" class="lms-links" aria-labelledby="lms-links-intro">
            <li v-for="c in view.contexts" :key="c.id" :id="'lms-link-' + c.id">
              <div class="lms-link-row">
                <span><strong>{{ nameOf(c) }}</strong> on {{ c.platform }}<span v-if="!c.grades"> (grades not offered)</span></span>
                <button v-if="instructor" type="button" class="secondary small lms-unlink" :aria-label="'Unlink ' + nameOf(c) + ' on ' + c.platform"
                        :aria-expanded="asking === c.id ? 'true' : 'false'" :disabled="busy === 'unlink-' + c.id"
                        @click="ask(c)">Unlink</button>
              </div>
              <confirm-step v-if="instructor && asking === c.id" :id="'lms-link-' + c.id + '-confirm'" :question="question(c)"
                            yes="Yes, unlink" :busy="busy === 'unlink-' + c.id" @yes="unlink(c)" @no="asking = null" />
            </li>
          </ul>
          <lms-roster-sync :key="view.contexts.map(c => c.id).join()" :course-id="courseId" :zone="zone" nested />
          <h3 id="lms-grades-heading">Grades to the LMS</h3>
          <p v-if="!view.canPost" class="hint">The LMS has not granted Paperclub its grade service for this course.</p>
          <template v-else>
            <p class="hint">When grades are published here, each student's participation grade (as they see it) is sent
              to the LMS gradebook. Students who never opened Paperclub from the LMS cannot be named to it.</p>
            <p id="lms-grades-state" aria-live="polite">{{ plural(view.sent, 'score', 'scores') }} sent,
              {{ view.queued }} waiting, {{ view.failed }} refused.<span v-if="view.lastSentAt"> Last sent
              <time :datetime="view.lastSentAt">{{ when(view.lastSentAt) }}</time>.</span>
              <span v-if="view.queued && view.lastError" class="sync-failed"> Waiting because: {{ view.lastError }}
                Paperclub keeps trying for 3 days.</span></p>
            <ul v-if="view.lineItems.length" id="lms-line-items" class="nav-list">
              <li v-for="l in view.lineItems" :key="l.url">Grade column “{{ l.label }}”<span v-if="view.contexts.length > 1"> in {{ l.context }}</span></li>
            </ul>
            <div v-if="view.failures.length" id="lms-failures">
              <h4>Refused by the LMS</h4>
              <ul>
                <li v-for="(f, i) in view.failures" :key="i"><strong>{{ f.student }}</strong>, {{ f.item }}: {{ f.error }}</li>
              </ul>
            </div>
          </template>
          <problem-box id="lms-error" :problem="problem" />
          <div v-if="instructor && view.canPost" class="lms-controls">
            <div class="field check">
              <input id="lms-per-component" type="checkbox" :checked="view.perComponent" :disabled="busy === 'settings'"
                     @change="setPerComponent" aria-describedby="lms-per-component-hint">
              <label for="lms-per-component">Also one grade column per component</label>
            </div>
            <p id="lms-per-component-hint" class="hint">Besides Participation, each component the course weighs
              (presentation, supporting roles, critiques) gets its own column in the LMS gradebook.</p>
            <button type="button" id="lms-send-again" class="secondary" :disabled="busy === 'send'" @click="sendAgain">{{
              busy === 'send' ? 'Queuing…' : 'Send grades to the LMS again' }}</button>
          </div>
        </template>
        <problem-box id="lms-unlink-error" :problem="unlinkProblem" />
        <p id="lms-message" class="success" tabindex="-1" aria-live="polite">{{ message }}</p>
      </template>
    </section>`,
};
