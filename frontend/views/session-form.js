// Adds or edits one session (staff). Does its own saving so that its errors stay next to its fields.
import { reactive, ref, onMounted } from 'vue';
import { post, put, problemOf } from '../api.js';
import ProblemBox from './problem-box.js';

export const kindNames = { LECTURE: 'Lecture', PRESENTATION: 'Student presentations', NO_CLASS: 'No class' };

const labels = { number: 'Number', date: 'Date', startTime: 'Starts', endTime: 'Ends', topic: 'Topic',
  location: 'Location', kind: 'Kind', presentationSlots: 'Presentation slots' };

export default {
  components: { ProblemBox },
  props: {
    courseId: { type: Number, required: true },
    session: { type: Object, default: null },     // null: a new session
    defaults: { type: Object, default: () => ({}) },
    timeZone: { type: String, required: true },
  },
  emits: ['saved', 'cancel'],
  setup(props, { emit }) {
    const from = props.session || props.defaults;
    const form = reactive({
      number: props.session ? props.session.number : '',
      date: from.date || '',
      startTime: (from.startTime || '').slice(0, 5),
      endTime: (from.endTime || '').slice(0, 5),
      topic: props.session ? props.session.topic : '',
      location: from.location || '',
      kind: from.kind || 'LECTURE',
      presentationSlots: from.presentationSlots ?? 0,
    });
    const busy = ref(false);
    const problem = ref(null);
    const first = ref(null);
    const p = `sf-${props.session ? props.session.id : 'new'}-`;
    onMounted(() => first.value.focus());

    async function save() {
      busy.value = true;
      problem.value = null;
      const body = { ...form, number: form.number === '' ? null : Number(form.number),
        presentationSlots: form.presentationSlots === '' ? 0 : Number(form.presentationSlots),
        topic: form.topic.trim(), location: form.location.trim() || null };
      try {
        const base = `/api/courses/${props.courseId}/sessions`;
        const saved = props.session ? await put(`${base}/${props.session.id}`, body) : await post(base, body);
        emit('saved', saved);
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    return { form, busy, problem, first, p, save, labels, kindNames };
  },
  template: /*html*/`
    <form class="session-form staff-control card" @submit.prevent="save" :aria-busy="busy">
      <fieldset>
        <legend>{{ session ? 'Edit session ' + session.number : 'New session' }}</legend>
        <problem-box :problem="problem" :labels="labels" />
        <div class="form-grid">
          <div class="field">
            <label :for="p + 'date'">Date</label>
            <input :id="p + 'date'" ref="first" type="date" v-model="form.date" required>
          </div>
          <div class="field">
            <label :for="p + 'start'">Starts</label>
            <input :id="p + 'start'" type="time" v-model="form.startTime" required>
          </div>
          <div class="field">
            <label :for="p + 'end'">Ends</label>
            <input :id="p + 'end'" type="time" v-model="form.endTime" required>
          </div>
          <div class="field">
            <label :for="p + 'number'">Number <span class="optional">(optional)</span></label>
            <input :id="p + 'number'" type="number" min="1" max="1000" v-model="form.number" :aria-describedby="p + 'number-hint'">
            <span :id="p + 'number-hint'" class="hint">Empty: the next free number.</span>
          </div>
          <div class="field wide">
            <label :for="p + 'topic'">Topic</label>
            <input :id="p + 'topic'" type="text" maxlength="300" v-model="form.topic" required>
          </div>
          <div class="field">
            <label :for="p + 'location'">Location <span class="optional">(optional)</span></label>
            <input :id="p + 'location'" type="text" maxlength="200" v-model="form.location">
          </div>
          <div class="field">
            <label :for="p + 'kind'">Kind</label>
            <select :id="p + 'kind'" v-model="form.kind">
              <option v-for="(name, value) in kindNames" :key="value" :value="value">{{ name }}</option>
            </select>
          </div>
          <div class="field">
            <label :for="p + 'slots'">Presentation slots</label>
            <input :id="p + 'slots'" type="number" min="0" max="20" v-model="form.presentationSlots"
                   :aria-describedby="p + 'slots-hint'">
            <span :id="p + 'slots-hint'" class="hint">Teams that can sign up to present in this session.</span>
          </div>
        </div>
        <p class="hint">Date and times are in the course's time zone, {{ timeZone }}.</p>
        <div class="actions">
          <button type="submit" :disabled="busy">{{ busy ? 'Saving…' : (session ? 'Save changes' : 'Add session') }}</button>
          <button type="button" class="secondary" @click="$emit('cancel')">Cancel</button>
        </div>
      </fieldset>
    </form>`,
};
