// Staff of a course linked to an LMS course: sync the roster from the LMS now, and what the last sync did (or why it
// failed, in the LMS's words). Shows nothing when the course is not linked to an LMS course with a roster service.
import { ref } from 'vue';
import { get, post, problemOf } from '../api.js';
import { announce } from '../store.js';
import { formatMoment } from '../time.js';
import ProblemBox from './problem-box.js';

/** "3 added, 1 updated, 2 withdrawn, 20 unchanged": what a sync did, in words. */
export function syncSentence(s) {
  return `${s.added} added, ${s.updated} updated, ${s.withdrawn} withdrawn, ${s.unchanged} unchanged`;
}

export default {
  components: { ProblemBox },
  props: {
    courseId: { type: Number, required: true },
    zone: { type: String, default: undefined },
    // Inside the LMS panel: a sub-section (h3, no card of its own) rather than a section of the page.
    nested: { type: Boolean, default: false },
  },
  emits: ['synced'],
  setup(props, { emit }) {
    const base = `/api/courses/${props.courseId}/lti/roster-sync`;
    const status = ref(null);
    const syncing = ref(false);
    const problem = ref(null);
    const result = ref('');
    const load = async () => {
      try {
        status.value = await get(base);
      } catch (e) {
        status.value = null;
      }
    };
    load();
    async function sync() {
      syncing.value = true;
      problem.value = null;
      result.value = '';
      try {
        const r = await post(base);
        result.value = `Roster synced from the LMS: ${syncSentence(r)}.`;
        announce(result.value);
        emit('synced', r);
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        syncing.value = false;
        await load();
      }
    }
    const when = at => formatMoment(at, props.zone);
    return { status, syncing, problem, result, sync, when, syncSentence };
  },
  template: /*html*/`
    <section v-if="status && status.linked" id="lms-roster" :class="{ card: !nested }" aria-labelledby="lms-roster-heading">
      <component :is="nested ? 'h3' : 'h2'" id="lms-roster-heading">Roster from the LMS</component>
      <p class="hint">The LMS course's members are added or updated here; students who left it are withdrawn, with
        their work kept. Staff are never removed by a sync. An instructor's launch from the LMS syncs too.</p>
      <problem-box id="lms-roster-error" :problem="problem" />
      <button type="button" id="sync-roster" :disabled="syncing" :aria-busy="syncing" @click="sync">{{ syncing ? 'Syncing…' : 'Sync roster from LMS' }}</button>
      <p id="lms-roster-result" aria-live="polite">
        <span v-if="result" class="success">{{ result }}</span>
        <template v-else-if="status.last">
          <span v-if="status.last.ok">Last sync <time :datetime="status.last.at">{{ when(status.last.at) }}</time>:
            {{ syncSentence(status.last) }}.</span>
          <span v-else class="sync-failed">The last sync, <time :datetime="status.last.at">{{ when(status.last.at) }}</time>,
            changed nothing: {{ status.last.error }}</span>
        </template>
        <span v-else>Not synced yet.</span>
      </p>
    </section>`,
};
