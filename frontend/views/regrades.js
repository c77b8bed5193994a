// Regrade requests, staff's side: the open requests, each with a form to answer it (and, if they wish, a new value).
// A student's own requests are regrade-history.js.
import { ref, reactive, watch } from 'vue';
import { get, post, problemOf } from '../api.js';
import { announce } from '../store.js';
import { formatMoment } from '../time.js';
import { focusLater } from '../focus.js';
import ProblemBox from './problem-box.js';
import RegradeHistory from './regrade-history.js';
import { gradeValue, itemText } from './grade-format.js';
import { formatPoints } from '../format.js';

/** Staff: the open requests of the course and the answer form of each. */
export default {
  components: { ProblemBox, RegradeHistory },
  props: {
    courseId: { type: Number, required: true },
    scales: { type: Object, default: () => ({}) },   // by kind: PRESENTATION, ROLE, CRITIQUE → Scale
    zone: { type: String, required: true },
    given: { type: Array, default: null },   // the open requests, when the page has them already (the summary carries them)
  },
  emits: ['answered'],
  setup(props, { emit }) {
    const base = `/api/courses/${props.courseId}`;
    const open = ref(null);
    const problem = ref(null);
    const forms = reactive({});      // per request id: { answer, value }
    const problems = reactive({});
    const busy = ref(null);

    function show(list) {
      open.value = list;
      open.value.forEach(r => {
        if (!forms[r.id]) {
          forms[r.id] = { answer: '', value: '' };
        }
      });
      problem.value = null;
    }
    async function load() {
      try {
        show(await get(`${base}/regrades?open=true`));
      } catch (e) {
        problem.value = problemOf(e);
      }
    }
    if (props.given) {
      show(props.given);
      watch(() => props.given, list => { if (list) { show(list); } });
    } else {
      load();
    }

    const scaleOf = r => (r.item && props.scales[r.item.kind])
      || { type: 'POINTS', max: r.item ? r.item.maxPoints : null, marks: [] };

    async function answer(r) {
      const form = forms[r.id];
      problems[r.id] = null;
      if (!form.answer.trim()) {
        problems[r.id] = { detail: 'Write an answer for the student first.', errors: [] };
        focusLater(`regrade-answer-${r.id}`);
        return;
      }
      const body = { answer: form.answer.trim() };
      if (form.value !== '' && form.value !== null && form.value !== undefined) {
        if (scaleOf(r).type === 'MARKS') {
          body.mark = form.value;
        } else {
          body.points = Number(form.value);
        }
      }
      busy.value = r.id;
      try {
        await post(`${base}/regrades/${r.id}/answer`, body);
        announce(`Answered ${r.studentName}’s regrade request.`);
        await load();
        emit('answered');
        focusLater('regrades-heading');
      } catch (e) {
        problems[r.id] = problemOf(e);
      } finally {
        busy.value = null;
      }
    }
    const when = at => formatMoment(at, props.zone);
    return { open, problem, forms, problems, busy, answer, scaleOf, when, gradeValue, itemText, formatPoints };
  },
  template: /*html*/`
    <section id="regrades-section" aria-labelledby="regrades-heading">
      <h2 id="regrades-heading" tabindex="-1">Open regrade requests<span v-if="open"> ({{ open.length }})</span></h2>
      <problem-box :problem="problem" />
      <p v-if="!open && !problem" class="loading">Loading the requests…</p>
      <p v-else-if="open && !open.length" id="no-regrades">No request is waiting for an answer.</p>
      <ul v-else-if="open" class="regrade-list">
        <li v-for="r in open" :key="r.id" class="regrade card" :data-regrade-id="r.id">
          <p class="regrade-head"><strong>{{ r.studentName }}</strong><span v-if="r.item"> — {{ itemText(r.item) }}</span></p>
          <p v-if="r.item">Now: {{ gradeValue(r.item) }}<span v-if="r.item.comment"> — “{{ r.item.comment }}”</span></p>
          <p v-else class="note">The grade itself has been removed.</p>
          <p class="hint">Asked <time :datetime="r.filedAt">{{ when(r.filedAt) }}</time></p>
          <p class="regrade-reason"><span class="visually-hidden">Reason: </span>“{{ r.reason }}”</p>
          <form class="regrade-answer-form" novalidate @submit.prevent="answer(r)" :aria-busy="busy === r.id ? 'true' : 'false'">
            <problem-box :problem="problems[r.id]" :labels="{ answer: 'Answer', points: 'New points', mark: 'New mark' }" />
            <div class="field">
              <label :for="'regrade-answer-' + r.id">Answer to {{ r.studentName }}</label>
              <textarea :id="'regrade-answer-' + r.id" v-model="forms[r.id].answer" rows="3" maxlength="2000" required></textarea>
            </div>
            <div class="field narrow">
              <template v-if="scaleOf(r).type === 'MARKS'">
                <label :for="'regrade-value-' + r.id">New mark <span class="optional">(optional)</span></label>
                <select :id="'regrade-value-' + r.id" v-model="forms[r.id].value">
                  <option value="">Keep the grade as it is</option>
                  <option v-for="m in scaleOf(r).marks" :key="m.label" :value="m.label">{{ m.label }} ({{ formatPoints(m.points) }})</option>
                </select>
              </template>
              <template v-else>
                <label :for="'regrade-value-' + r.id">New points <span class="optional">(optional<span v-if="scaleOf(r).max">,
                  0–{{ formatPoints(scaleOf(r).max) }}</span>; empty keeps the grade)</span></label>
                <input :id="'regrade-value-' + r.id" type="number" min="0" :max="scaleOf(r).max" step="any" inputmode="decimal"
                       v-model="forms[r.id].value">
              </template>
            </div>
            <button type="submit" class="small" :disabled="busy === r.id">{{ busy === r.id ? 'Sending…' : 'Send the answer' }}<span
              class="visually-hidden"> to {{ r.studentName }}</span></button>
          </form>
        </li>
      </ul>
    </section>`,
};
