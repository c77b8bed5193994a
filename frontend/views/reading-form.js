// Puts one of the course's papers on a session's reading list (staff).
import { ref, computed, onMounted } from 'vue';
import { post, problemOf } from '../api.js';
import ProblemBox from './problem-box.js';

export default {
  components: { ProblemBox },
  props: {
    courseId: { type: Number, required: true },
    session: { type: Object, required: true },
    papers: { type: Array, required: true },
  },
  emits: ['saved', 'cancel'],
  setup(props, { emit }) {
    const onList = computed(() => new Set(props.session.readings.map(r => r.paperId)));
    const choices = computed(() => props.papers.filter(paper => !onList.value.has(paper.id)));
    const paperId = ref('');
    const kind = ref('ASSIGNED');
    const busy = ref(false);
    const problem = ref(null);
    const first = ref(null);
    const p = `rf-${props.session.id}-`;
    onMounted(() => first.value && first.value.focus());

    async function save() {
      busy.value = true;
      problem.value = null;
      try {
        const updated = await post(`/api/courses/${props.courseId}/sessions/${props.session.id}/readings`,
          { paperId: Number(paperId.value), kind: kind.value });
        emit('saved', updated, choices.value.find(paper => paper.id === Number(paperId.value)));
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    const describe = paper => [paper.title, paper.authors, paper.year].filter(Boolean).join(' · ');
    return { choices, paperId, kind, busy, problem, first, p, save, describe };
  },
  template: /*html*/`
    <form class="reading-form staff-control card" @submit.prevent="save" :aria-busy="busy">
      <fieldset>
        <legend>Add a reading to session {{ session.number }}</legend>
        <problem-box :problem="problem" :labels="{ paperId: 'Paper', kind: 'Kind' }" />
        <p v-if="choices.length === 0">Every paper of the course is already on this session. Add a paper first.</p>
        <template v-else>
          <div class="field">
            <label :for="p + 'paper'">Paper</label>
            <select :id="p + 'paper'" ref="first" v-model="paperId" required>
              <option value="" disabled>Choose a paper…</option>
              <option v-for="paper in choices" :key="paper.id" :value="paper.id">{{ describe(paper) }}</option>
            </select>
          </div>
          <fieldset class="choice">
            <legend>Kind</legend>
            <label><input type="radio" :name="p + 'kind'" value="ASSIGNED" v-model="kind"> Assigned</label>
            <label><input type="radio" :name="p + 'kind'" value="ADDITIONAL" v-model="kind"> Additional</label>
          </fieldset>
        </template>
        <div class="actions">
          <button v-if="choices.length" type="submit" :disabled="busy">{{ busy ? 'Adding…' : 'Add reading' }}</button>
          <button type="button" class="secondary" @click="$emit('cancel')">Cancel</button>
        </div>
      </fieldset>
    </form>`,
};
