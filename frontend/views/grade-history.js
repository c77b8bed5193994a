// A grade's history (staff): a small disclosure that loads who changed it when, old → new, the first time it opens.
import { ref } from 'vue';
import { get, problemOf } from '../api.js';
import { formatMoment } from '../time.js';
import ProblemBox from './problem-box.js';
import { actionName } from './grade-format.js';

export default {
  components: { ProblemBox },
  props: {
    courseId: { type: Number, required: true },
    gradeId: { type: Number, required: true },
    // Whose grade, for screen readers: "History of Student 5’s grade".
    label: { type: String, default: '' },
    zone: { type: String, required: true },
  },
  setup(props) {
    const events = ref(null);
    const problem = ref(null);
    const loading = ref(false);

    async function toggled(event) {
      if (!event.target.open || loading.value) {
        return;
      }
      loading.value = true;
      problem.value = null;
      try {
        events.value = await get(`/api/courses/${props.courseId}/grades/${props.gradeId}/history`);
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        loading.value = false;
      }
    }
    const when = at => formatMoment(at, props.zone);
    const change = e => (e.oldValue || e.newValue ? `${e.oldValue || '—'} → ${e.newValue || '—'}` : '');
    return { events, problem, loading, toggled, when, change, actionName };
  },
  template: /*html*/`
    <details class="grade-history" :data-grade-id="gradeId" @toggle="toggled">
      <summary>History<span v-if="label" class="visually-hidden"> of {{ label }}</span></summary>
      <problem-box :problem="problem" />
      <p v-if="loading" class="loading">Loading the history…</p>
      <p v-else-if="events && !events.length">No changes are recorded.</p>
      <ol v-else-if="events" class="history-list">
        <li v-for="(e, i) in events" :key="i">
          <time :datetime="e.at">{{ when(e.at) }}</time> · {{ e.actor }} · <strong>{{ actionName(e.action) }}</strong>
          <span v-if="change(e)">{{ ' ' + change(e) }}</span><span v-if="e.detail">: {{ e.detail }}</span>
        </li>
      </ol>
    </details>`,
};
