// Critiques: a student hands in a PDF for one assigned paper of a session and gets a receipt or every reason it was
// refused, and follows their progress and deadlines. Staff see everyone's in a matrix, open any critique, upload on
// a student's behalf and grant extensions (every staff-only control has class "staff-control").
// The page reads the critiques (useCritiques) and hands them in (useCritiqueUpload), and provides both to its parts.
import { computed, provide } from 'vue';
import ProblemBox from './problem-box.js';
import CritiqueProgress from './critique-progress.js';
import CritiqueUpload from './critique-upload.js';
import MyCritiques from './my-critiques.js';
import CritiqueMatrix from './critique-matrix.js';
import Extensions from './critique-extensions.js';
import { browserZone } from '../time.js';
import { critiquePolicyText } from './critique-policy.js';
import { useCritiques, CRITIQUES } from './use-critiques.js';
import { useCritiqueUpload } from './use-critique-upload.js';

export default {
  components: { ProblemBox, CritiqueProgress, CritiqueUpload, MyCritiques, CritiqueMatrix, Extensions },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const reading = useCritiques(props);
    const handingIn = useCritiqueUpload(reading);
    const { staff, policies } = reading;
    const { form, loadSubject } = handingIn;
    reading.load().then(ok => {
      if (ok && !staff.value) {
        handingIn.chooseDefaults();
      }
    });

    async function reloadExtensions() {
      if (await reading.reloadExtensions() && staff.value && form.studentId) {
        await loadSubject(form.studentId);
      }
    }

    const policySummary = computed(() => critiquePolicyText(policies.value));
    // A course that asks for no critiques offers no upload form (the progress card says so to a student).
    const asksCritiques = computed(() => policies.value.critiquesRequired > 0);
    const parts = { ...reading, ...handingIn };
    provide(CRITIQUES, parts);
    return { ...parts, reloadExtensions, policySummary, browserZone, asksCritiques };
  },
  template: /*html*/`
    <div :class="['critiques-page', { 'staff-page': staff }]">
      <p class="breadcrumb"><a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a></p>
      <h1>Critiques<span v-if="course">: {{ course.code }}</span></h1>
      <p v-if="course" class="course-meta">
        <span id="critique-policy">{{ policySummary }}</span>
        Times are in {{ zone }}<span v-if="browserZone !== zone"> (yours: {{ browserZone }})</span>.
      </p>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="!critiques && !loadProblem" class="loading">Loading the critiques…</p>
      <critique-progress v-if="critiques && !staff" />

      <critique-matrix v-if="critiques && staff" :course-id="courseId" :course="course" :deadlines="progress.deadlines"
                       :critiques="critiques" :students="students" :extensions="extensions" :sessions="sessions" :now="now"
                       :graded-critiques="gradedCritiques" @upload-for="uploadFor" />
      <critique-upload v-if="critiques && asksCritiques" />
      <p v-else-if="critiques && staff" id="no-critiques-asked" class="card notice">This course asks for no critiques, so there is
        nothing to upload. Set “critiques required” in the course’s policies to start taking them.</p>

      <my-critiques v-if="critiques && !staff" />

      <extensions v-if="critiques && staff" :course-id="courseId" :students="students" :deadlines="progress.deadlines"
                  :extensions="extensions" :zone="zone" @granted="reloadExtensions" />
    </div>`,
};
