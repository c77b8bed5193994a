// Staff: the extensions granted, and the form to grant one for a session or the whole term (every control here has
// class "staff-control").
import { ref, reactive, computed, nextTick } from 'vue';
import { post, problemOf } from '../api.js';
import { announce } from '../store.js';
import { formatInstant } from '../time.js';
import ProblemBox from './problem-box.js';
import { plural } from '../format.js';
import { focusLater } from '../focus.js';

export default {
  components: { ProblemBox },
  props: {
    courseId: { type: Number, required: true },
    students: { type: Array, required: true },
    deadlines: { type: Array, required: true },
    extensions: { type: Array, required: true },
    zone: { type: String, required: true },
  },
  emits: ['granted'],
  setup(props, { emit }) {
    const base = `/api/courses/${props.courseId}`;
    const form = reactive({ studentId: '', sessionId: '', hours: 24, reason: '' });
    const busy = ref(false);
    const problem = ref(null);
    const done = ref('');
    const nameOf = id => (props.students.find(s => s.userId === id) || {}).name || `student ${id}`;
    const sessionOf = id => props.deadlines.find(d => d.sessionId === id);
    const appliesTo = e => {
      if (e.sessionId === null) {
        return 'Whole term (every session)';
      }
      const d = sessionOf(e.sessionId);
      return d ? `Session ${d.sessionNumber}: ${d.topic}` : `Session (id ${e.sessionId})`;
    };
    const newestFirst = computed(() => [...props.extensions].sort((a, b) => Date.parse(b.grantedAt) - Date.parse(a.grantedAt)));
    const when = instant => formatInstant(instant, props.zone);

    async function grant() {
      const control = document.activeElement;
      problem.value = null;
      done.value = '';
      const errors = [];
      if (!form.studentId) {
        errors.push({ field: 'studentId', message: 'Choose the student.' });
      }
      const hours = Number(form.hours);
      if (!Number.isInteger(hours) || hours < 1 || hours > 2000) {
        errors.push({ field: 'hours', message: 'Give a whole number of hours from 1 to 2000.' });
      }
      if (errors.length) {
        problem.value = { detail: 'No extension was granted yet.', errors };
        focusLater(errors[0].field === 'studentId' ? 'extension-student' : 'extension-hours');
        return;
      }
      busy.value = true;
      try {
        const sessionId = form.sessionId === '' ? null : Number(form.sessionId);
        const e = await post(`${base}/extensions`, { studentId: Number(form.studentId), sessionId, hours,
          reason: form.reason.trim() || null });
        const message = `Granted ${nameOf(e.studentId)} an extension of ${plural(e.hours, 'hour', 'hours')} for `
          + (e.sessionId === null ? 'the whole term.' : `session ${sessionOf(e.sessionId) ? sessionOf(e.sessionId).sessionNumber : ''}.`);
        announce(message);
        done.value = message;
        form.reason = '';
        emit('granted', e);
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
        nextTick(() => {
          if (control && control.isConnected && !control.disabled) {
            control.focus();
          }
        });
      }
    }

    return { form, busy, problem, done, grant, nameOf, appliesTo, newestFirst, when };
  },
  template: /*html*/`
    <section class="staff-control extensions-section card" aria-labelledby="extensions-heading">
      <h2 id="extensions-heading" class="h3" tabindex="-1">Extensions</h2>
      <p class="hint">An extension moves a student’s deadlines later: for one session, or for every session of the term
        (e.g. an accommodation). Extensions add up. They apply to uploads from now on; critiques already judged keep their verdict.</p>
      <form id="extension-form" class="staff-control" novalidate @submit.prevent="grant" :aria-busy="busy ? 'true' : 'false'">
        <div class="form-grid">
          <div class="field">
            <label for="extension-student">Student</label>
            <select id="extension-student" class="staff-control" v-model="form.studentId" required>
              <option value="" disabled>Choose a student…</option>
              <option v-for="s in students" :key="s.userId" :value="s.userId">{{ s.name }}</option>
            </select>
          </div>
          <div class="field">
            <label for="extension-session">For</label>
            <select id="extension-session" class="staff-control" v-model="form.sessionId">
              <option value="">Whole term (every session)</option>
              <option v-for="d in deadlines" :key="d.sessionId" :value="d.sessionId">Session {{ d.sessionNumber }}: {{ d.topic }}</option>
            </select>
          </div>
          <div class="field">
            <label for="extension-hours">Extra hours</label>
            <input id="extension-hours" class="staff-control" type="number" min="1" max="2000" step="1" required
                   v-model="form.hours" inputmode="numeric" aria-describedby="extension-hours-hint">
            <span id="extension-hours-hint" class="hint">24 hours = one day.</span>
          </div>
          <div class="field wide">
            <label for="extension-reason">Reason <span class="optional">(optional; staff only)</span></label>
            <input id="extension-reason" class="staff-control" type="text" maxlength="500" v-model="form.reason" autocomplete="off">
          </div>
        </div>
        <div class="actions">
          <button type="submit" id="extension-submit" class="staff-control" :disabled="busy">
            {{ busy ? 'Granting…' : 'Grant the extension' }}</button>
        </div>
      </form>
      <p v-if="done" class="success" id="extension-done">✓ {{ done }}</p>
      <problem-box id="extension-problem" :problem="problem"
                   :labels="{ studentId: 'Student', sessionId: 'Session', hours: 'Extra hours', reason: 'Reason' }" />

      <h3 class="h4">Granted so far</h3>
      <p v-if="!extensions.length" id="no-extensions">No extensions have been granted.</p>
      <div v-else class="table-wrap">
        <table id="extensions" class="extensions stack-table">
          <caption class="visually-hidden">Extensions granted, newest first</caption>
          <thead>
            <tr><th scope="col">Student</th><th scope="col">For</th><th scope="col">Extra time</th><th scope="col">Reason</th>
              <th scope="col">Granted</th></tr>
          </thead>
          <tbody>
            <tr v-for="e in newestFirst" :key="e.id" :data-extension-id="e.id" :data-student-id="e.studentId">
              <th scope="row" data-label="Student">{{ nameOf(e.studentId) }}</th>
              <td data-label="For">{{ appliesTo(e) }}</td>
              <td data-label="Extra time">+{{ e.hours }} hours</td>
              <td data-label="Reason">{{ e.reason || '—' }}</td>
              <td data-label="Granted"><time :datetime="e.grantedAt">{{ when(e.grantedAt) }}</time></td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>`,
};
