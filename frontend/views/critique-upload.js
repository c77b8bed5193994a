// The card that hands in a critique (for staff: on a student's behalf): the form, the drop zone, the upload's progress,
// and the receipt or the problem. Its state is the page's (useCritiqueUpload), so that other parts can set it up.
import { inject } from 'vue';
import ProblemBox from './problem-box.js';
import { formatSize } from '../format.js';
import { latePolicyText, fileHintText } from './critique-policy.js';
import { CRITIQUES } from './use-critiques.js';

const fieldLabels = { deadline: 'Deadline', file: 'File', sessionId: 'Session', paperId: 'Paper', studentId: 'Student' };

export default {
  components: { ProblemBox },
  setup() {
    const c = inject(CRITIQUES);
    const fileHint = () => fileHintText(c.policies.value);
    return { ...c, fieldLabels, formatSize, latePolicyText, fileHint };
  },
  template: /*html*/`
  <section v-if="critiques" id="upload-card" :class="['card', 'upload-card', { 'staff-control': staff }]" aria-labelledby="upload-heading">
    <h2 id="upload-heading" class="h3">{{ staff ? 'Upload a critique on a student’s behalf' : 'Hand in a critique' }}</h2>
    <p v-if="staff" class="hint">The upload counts for the student and is recorded as made by you on their behalf.
      The student’s deadline, extensions and late rules apply.</p>
    <form id="critique-form" novalidate @submit.prevent="submit" :aria-busy="phase ? 'true' : 'false'">
      <div class="form-grid">
        <div v-if="staff" class="field staff-control">
          <label for="critique-student">Student</label>
          <select id="critique-student" class="staff-control" v-model="form.studentId" required @change="studentChosen"
                  :disabled="!!phase">
            <option value="" disabled>Choose a student…</option>
            <option v-for="s in students" :key="s.userId" :value="s.userId">{{ s.name }}</option>
          </select>
        </div>
        <div class="field wide">
          <label for="critique-session">Session</label>
          <select id="critique-session" v-model="form.sessionId" required @change="sessionChosen" :disabled="!!phase"
                  aria-describedby="critique-due">
            <option value="" disabled>Choose a session…</option>
            <optgroup v-for="g in sessionChoices" :key="g.label" :label="g.label">
              <option v-for="x in g.options" :key="x.d.sessionId" :value="x.d.sessionId" :disabled="x.disabled"
                      :data-passed="passed(x.d) ? 'true' : 'false'">{{ x.label }}</option>
            </optgroup>
          </select>
          <span id="critique-due" class="hint">
            <template v-if="subjectLoading">Loading the student’s deadlines…</template>
            <template v-else-if="chosenDeadline && !passed(chosenDeadline)">Due {{ due(chosenDeadline) }}<span
              v-if="yourDue(chosenDeadline)"> (your time: {{ yourDue(chosenDeadline) }})</span>, {{ left(chosenDeadline) }}.
              You may upload again until then; each upload replaces the last and the old versions are kept.</template>
            <template v-else-if="chosenDeadline">The deadline passed {{ left(chosenDeadline) }}
              ({{ due(chosenDeadline) }}). {{ latePolicyText(policies.latePolicy) }}</template>
            <template v-else-if="!sessionChoices.length">No session has assigned papers to critique.</template>
            <template v-else>Only sessions with assigned papers are listed.
              <template v-if="!lateAccepted">Sessions whose deadline has passed cannot be chosen.</template></template>
          </span>
        </div>
        <div class="field wide">
          <label for="critique-paper">Paper (an assigned reading of the session)</label>
          <select id="critique-paper" v-model="form.paperId" required :disabled="!!phase || !chosenDeadline">
            <option value="" disabled>{{ chosenDeadline ? 'Choose a paper…' : 'Choose a session first' }}</option>
            <option v-for="p in paperChoices" :key="p.id" :value="p.id" :disabled="p.disabled">{{ p.label }}</option>
          </select>
        </div>
      </div>

      <div id="drop-zone" :class="['drop-zone', { dragging, chosen: file }]"
           @dragenter="dragOver" @dragover="dragOver" @dragleave="dragLeave" @drop="dropped">
        <label for="critique-file" class="drop-label">
          <span class="drop-title">Your critique (PDF)</span>
          <span class="drop-help">Drop the file here, or choose it:</span>
        </label>
        <input type="file" id="critique-file" accept="application/pdf" :disabled="!!phase" @change="fileChosen"
               aria-describedby="critique-file-hint critique-file-chosen">
        <span id="critique-file-hint" class="hint">{{ fileHint() }}</span>
        <p id="critique-file-chosen" class="file-chosen" aria-live="polite">
          <template v-if="file">Chosen: <strong>{{ file.name }}</strong> ({{ formatSize(file.size) }}).</template>
          <span v-if="fileNote" class="file-warning"> {{ fileNote }}</span>
          <span v-for="(w, i) in fileWarnings" :key="i" class="file-warning"> {{ w }}</span>
        </p>
      </div>

      <div v-if="phase" class="upload-progress">
        <label for="upload-progress">{{ phase === 'sending' ? 'Uploading: ' + percent + ' %' : 'Uploaded; checking the PDF…' }}</label>
        <progress id="upload-progress" max="100" :value="percent">{{ percent }} %</progress>
      </div>

      <div class="actions">
        <button type="submit" id="critique-submit" :class="{ 'staff-control': staff }" :disabled="!!phase">
          {{ phase ? (phase === 'sending' ? 'Uploading…' : 'Checking…') : (staff ? 'Upload for the student' : 'Hand in the critique') }}</button>
        <button v-if="phase === 'sending'" type="button" id="cancel-upload" class="secondary" @click="cancelUpload">Cancel upload</button>
      </div>
    </form>

    <problem-box id="upload-problem" :problem="uploadProblem" :labels="fieldLabels" />

    <div id="receipt" role="status" class="receipt-region">
      <div v-if="receipt" class="receipt">
        <h3 id="receipt-title" tabindex="-1">✓ Accepted: {{ receipt.studentName ? receipt.studentName + '’s' : 'your' }} critique
          of “{{ receipt.paperTitle }}”<span v-if="receipt.sessionNumber"> for session {{ receipt.sessionNumber }}</span></h3>
        <dl class="receipt-facts">
          <template v-for="[name, value] in receiptFacts" :key="name">
            <dt>{{ name }}</dt>
            <dd :class="'receipt-' + name.toLowerCase().replace(/ /g, '-')">{{ value }}</dd>
          </template>
        </dl>
        <details class="receipt-details">
          <summary>Details: ids, size and SHA-256 fingerprint</summary>
          <dl class="receipt-facts">
            <template v-for="[name, value] in receiptDetails" :key="name">
              <dt>{{ name }}</dt>
              <dd :class="'receipt-' + name.toLowerCase().replace(/ /g, '-')">{{ value }}</dd>
            </template>
            <dt>SHA-256</dt>
            <dd class="receipt-sha256"><code class="sha256">{{ receipt.sha256 }}</code></dd>
          </dl>
        </details>
        <div v-if="receipt.warnings.length" class="receipt-warnings">
          <p class="warnings-title">Accepted, but please check:</p>
          <ul class="warnings">
            <li v-for="(w, i) in receipt.warnings" :key="i" class="warning"><strong>Warning:</strong> {{ w }}</li>
          </ul>
        </div>
        <p><a :href="'/api/critiques/' + receipt.versionId + '/file'" download id="receipt-download">Download the file
          as received (PDF)</a></p>
      </div>
    </div>
  </section>`,
};
