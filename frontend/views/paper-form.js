// Adds a paper to the course's reading list (staff).
import { reactive, ref, onMounted } from 'vue';
import { post, problemOf } from '../api.js';
import ProblemBox from './problem-box.js';

const labels = { key: 'Key', title: 'Title', authors: 'Authors', venue: 'Venue', year: 'Year', link: 'Link' };

export default {
  components: { ProblemBox },
  props: { courseId: { type: Number, required: true } },
  emits: ['saved', 'cancel'],
  setup(props, { emit }) {
    const form = reactive({ key: '', title: '', authors: '', venue: '', year: '', link: '', official: true });
    const busy = ref(false);
    const problem = ref(null);
    const first = ref(null);
    onMounted(() => first.value.focus());

    async function save() {
      busy.value = true;
      problem.value = null;
      const text = v => v.trim() || null;
      const body = { key: text(form.key), title: form.title.trim(), authors: text(form.authors), venue: text(form.venue),
        year: form.year === '' ? null : Number(form.year), link: text(form.link), official: form.official };
      try {
        emit('saved', await post(`/api/courses/${props.courseId}/papers`, body));
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    return { form, busy, problem, first, save, labels };
  },
  template: /*html*/`
    <form id="paper-form" class="paper-form staff-control card" @submit.prevent="save" :aria-busy="busy">
      <fieldset>
        <legend>New paper</legend>
        <problem-box :problem="problem" :labels="labels" />
        <div class="form-grid">
          <div class="field wide">
            <label for="paper-title">Title</label>
            <input id="paper-title" ref="first" type="text" maxlength="500" v-model="form.title" required>
          </div>
          <div class="field wide">
            <label for="paper-authors">Authors <span class="optional">(optional)</span></label>
            <input id="paper-authors" type="text" maxlength="1000" v-model="form.authors">
          </div>
          <div class="field">
            <label for="paper-venue">Venue <span class="optional">(optional)</span></label>
            <input id="paper-venue" type="text" maxlength="300" v-model="form.venue">
          </div>
          <div class="field">
            <label for="paper-year">Year <span class="optional">(optional)</span></label>
            <input id="paper-year" type="number" min="1500" max="2200" v-model="form.year">
          </div>
          <div class="field wide">
            <label for="paper-link">Link <span class="optional">(optional)</span></label>
            <input id="paper-link" type="text" inputmode="url" maxlength="1000" v-model="form.link" placeholder="https://"
                   aria-describedby="paper-link-hint">
            <span id="paper-link-hint" class="hint">A web address (http or https), a DOI or an arXiv id.</span>
          </div>
          <div class="field">
            <label for="paper-key">Key <span class="optional">(optional)</span></label>
            <input id="paper-key" type="text" maxlength="80" v-model="form.key" pattern="[a-z0-9][a-z0-9._\\-]*" aria-describedby="paper-key-hint">
            <span id="paper-key-hint" class="hint">Lower-case letters, digits, '.', '_' and '-'. Empty: made from the first author and year.</span>
          </div>
          <div class="field check">
            <input id="paper-official" type="checkbox" v-model="form.official">
            <label for="paper-official">On the official list (students may critique it and present it without approval)</label>
          </div>
        </div>
        <div class="actions">
          <button type="submit" :disabled="busy">{{ busy ? 'Adding…' : 'Add paper' }}</button>
          <button type="button" class="secondary" @click="$emit('cancel')">Cancel</button>
        </div>
      </fieldset>
    </form>`,
};
