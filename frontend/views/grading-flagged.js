// Grades whose item is gone (the sign-up or critique was withdrawn, moved or cancelled after it was graded): kept and
// counted until staff remove them here.
import { ref } from 'vue';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';
import GradeHistory from './grade-history.js';
import { del } from '../api.js';
import { gradeValue, kindNames } from './grade-format.js';
import { useAction } from './use-action.js';

export default {
  components: { ProblemBox, GradeHistory, ConfirmStep },
  props: {
    courseId: { type: Number, required: true },
    flagged: { type: Array, required: true },
    zone: { type: String, required: true },
    reload: { type: Function, required: true },  // the sheet's, awaited before focus moves on
  },
  setup(props) {
    const { busy, problemFor, run } = useAction();
    const asking = ref(null);   // the grade whose removal is being confirmed
    function removeGrade(g) {
      asking.value = null;
      return run({ key: g.id, request: () => del(`/api/courses/${props.courseId}/grades/${g.id}`),
        success: `Removed the grade of ${g.studentName} for “${g.subjectTitle}”.`,
        then: () => props.reload(), focus: 'flagged-heading', fallback: 'publish-heading', failFocus: null });
    }
    return { busy, problemFor, removeGrade, gradeValue, kindNames, asking };
  },
  template: /*html*/`
    <section v-if="flagged.length" id="flagged-section" aria-labelledby="flagged-heading">
      <h2 id="flagged-heading" tabindex="-1">Grades whose item is gone ({{ flagged.length }})</h2>
      <p class="hint">The sign-up or critique was withdrawn, moved or cancelled after it was graded. The grade is kept
        and still counts until you remove it.</p>
      <ul class="flagged-list">
        <li v-for="g in flagged" :key="g.id" class="flagged card" :data-grade-id="g.id">
          <p><strong>{{ g.studentName }}</strong> — {{ kindNames[g.kind] || g.kind }} “{{ g.subjectTitle }}”:
            {{ gradeValue(g) }}
            <span :class="['label', g.publishedAt ? 'done-label' : 'draft-label']">{{ g.publishedAt ? 'Published' : 'Draft' }}</span></p>
          <p class="note flag-text"><span aria-hidden="true">⚑ </span>{{ g.flag }}</p>
          <p v-if="g.comment" class="hint">Comment: “{{ g.comment }}”</p>
          <div class="actions">
            <button type="button" class="danger small remove-grade" :disabled="busy === g.id"
                    :aria-expanded="asking === g.id ? 'true' : 'false'"
                    @click="asking = g.id">
              {{ busy === g.id ? 'Removing…' : 'Remove grade' }}<span class="visually-hidden"> of {{ g.studentName }}
              for “{{ g.subjectTitle }}”</span></button>
          </div>
          <confirm-step v-if="asking === g.id" :question="'Remove ' + g.studentName + '’s grade for “' + g.subjectTitle
                          + '”? It stops counting; the audit keeps it.'" yes="Yes, remove the grade" no="Keep it"
                        :busy="busy === g.id" @yes="removeGrade(g)" @no="asking = null" />
          <problem-box :problem="problemFor(g.id)" />
          <grade-history :course-id="courseId" :grade-id="g.id" :zone="zone" :label="g.studentName + '’s grade'" />
        </li>
      </ul>
    </section>`,
};
