// One row of the grading sheet: who, the value on the scale, a comment, Save, and what is saved now. Enter saves the
// row (and the sheet moves on to the next one); digits choose a mark.
import { computed } from 'vue';
import ProblemBox from './problem-box.js';
import GradeHistory from './grade-history.js';
import { gradeValue, gradeState } from './grade-format.js';
import { formatPoints } from '../format.js';

export default {
  components: { ProblemBox, GradeHistory },
  props: {
    row: { type: Object, required: true },
    edit: { type: Object, required: true },
    zone: { type: String, required: true },
    courseId: { type: Number, required: true },
  },
  emits: ['save'],
  setup(props, { emit }) {
    const id = computed(() => 'grade-' + props.row.key);
    function changed() {
      props.edit.dirty = true;
      props.edit.state = '';
      props.edit.problem = null;
    }
    function enter(event) {
      if (event.isComposing) {
        return;
      }
      event.preventDefault();
      emit('save', props.row, true);
    }
    // Digits choose a mark (1 = the first), so that a grader does not need to count arrow presses.
    function markKey(event) {
      if (!/^[1-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      const index = Number(event.key) - 1;
      const marks = props.row.scale.marks || [];
      if (index >= marks.length) {
        return;
      }
      event.preventDefault();
      props.edit.value = marks[index].label;
      changed();
      const radios = event.currentTarget.querySelectorAll('input[type="radio"]');
      if (radios[index]) {
        radios[index].focus();
      }
    }
    const statusText = computed(() => {
      if (props.edit.state === 'saving') {
        return 'Saving…';
      }
      return props.edit.state === 'saved' ? props.edit.savedText : '';
    });
    const graded = computed(() => props.row.people.filter(p => p.grade));
    return { id, changed, enter, markKey, statusText, graded, gradeValue, gradeState, formatPoints };
  },
  template: /*html*/`
    <li :class="['grade-row', { saved: edit.state === 'saved', failed: !!edit.problem, dirty: edit.dirty }]"
        :data-row-key="row.key" :data-student-ids="row.people.map(p => p.studentId).join(' ')"
        :aria-busy="edit.state === 'saving' ? 'true' : 'false'">
      <form class="grade-form" novalidate @submit.prevent="$emit('save', row, false)">
        <div class="grade-who">
          <p class="who" :id="id + '-who'"><strong>{{ row.who }}</strong></p>
          <p v-for="(n, i) in row.notes" :key="i" class="hint row-note">{{ n }}</p>
          <p v-if="row.pdf" class="row-note"><a class="read-critique" :href="row.pdf" target="_blank" rel="noopener">Open the
            critique (PDF)<span class="visually-hidden"> of {{ row.who }}</span></a></p>
          <p v-if="edit.mixed && !edit.dirty" class="hint">Members have different grades now; a grade saved here replaces
            them all. </p>
        </div>
        <fieldset v-if="row.scale.type === 'MARKS'" class="grade-value marks" @keydown="markKey">
          <legend>Mark<span class="visually-hidden"> for {{ row.who }}</span></legend>
          <div class="mark-choices">
            <label v-for="(m, i) in row.scale.marks" :key="m.label" class="mark-choice">
              <input type="radio" :name="id" :value="m.label" v-model="edit.value" @change="changed"
                     @keydown.enter="enter" :aria-keyshortcuts="i < 9 ? String(i + 1) : null">
              <span class="mark-label">{{ m.label }}</span><span class="mark-points"> ({{ formatPoints(m.points) }})</span>
            </label>
          </div>
        </fieldset>
        <div v-else class="field grade-value points">
          <label :for="id + '-points'">Points<span class="visually-hidden"> for {{ row.who }}</span>
            <span class="optional"> (0–{{ formatPoints(row.scale.max) }})</span></label>
          <input :id="id + '-points'" type="number" min="0" :max="row.scale.max" step="any" inputmode="decimal"
                 v-model="edit.value" @input="changed" @keydown.enter="enter" autocomplete="off">
        </div>
        <div class="field grade-comment">
          <label :for="id + '-comment'">Comment<span class="visually-hidden"> for {{ row.who }}</span>
            <span class="optional"> (optional)</span></label>
          <input :id="id + '-comment'" type="text" maxlength="2000" v-model="edit.comment" @input="changed"
                 @keydown.enter="enter" autocomplete="off">
        </div>
        <div class="grade-save">
          <button type="submit" class="small secondary save-grade" :disabled="edit.state === 'saving'">Save<span
            class="visually-hidden"> the grade of {{ row.who }}</span></button>
          <p class="row-status" role="status" aria-live="polite">{{ statusText }}</p>
        </div>
      </form>
      <problem-box :problem="edit.problem" class="row-problem" />
      <ul v-if="graded.length" class="grade-now">
        <li v-for="p in graded" :key="p.studentId" :data-grade-id="p.grade.id">
          <span v-if="row.people.length > 1">{{ p.name }}: </span>
          <span class="saved-value">{{ gradeValue(p.grade) }}</span>
          <span v-if="p.grade.comment" class="saved-comment"> — “{{ p.grade.comment }}”</span>
          <span :class="['label', p.grade.publishedAt ? 'done-label' : 'draft-label']">{{ p.grade.publishedAt ? 'Published' : 'Draft' }}</span>
          <span v-if="p.grade.regradeOpen" class="label need-label">Regrade requested</span>
          <span class="hint"> by {{ p.grade.gradedBy }}</span>
          <p v-if="p.grade.flag" class="note">{{ p.grade.flag }}</p>
          <grade-history :course-id="courseId" :grade-id="p.grade.id" :zone="zone" :label="p.name + '’s grade'" />
        </li>
      </ul>
    </li>`,
};
