// Staff's "x of y graded" on a session of the schedule, linking to its grading sheet. Per-person data, so it is read
// from its own staff endpoint (never the shared schedule answer), once for all the rows of a page.
import { ref, computed } from 'vue';
import { get } from '../api.js';

// One request per course page: the rows of the schedule share it; a later page (after grading) asks again.
const pending = new Map();
function progressOf(courseId) {
  const known = pending.get(courseId);
  if (known && Date.now() - known.at < 5000) {
    return known.promise;
  }
  const promise = get(`/api/courses/${courseId}/grading/progress`).then(p => p.sessions).catch(() => []);
  pending.set(courseId, { at: Date.now(), promise });
  return promise;
}

/** Hands in the progress a page already has (from /me's staff part), so that the rows ask nothing more. */
export function knowProgress(courseId, sessions) {
  pending.set(courseId, { at: Date.now(), promise: Promise.resolve(sessions) });
}

export default {
  props: {
    courseId: { type: Number, required: true },
    session: { type: Object, required: true },
  },
  setup(props) {
    const line = ref(null);
    progressOf(props.courseId).then(list => {
      line.value = list.find(p => p.sessionId === props.session.id) || null;
    });
    const done = computed(() => line.value && line.value.toGrade > 0 && line.value.graded === line.value.toGrade);
    return { line, done };
  },
  template: /*html*/`
    <a v-if="line && line.toGrade" :class="['grading-progress', 'staff-control', done ? 'done' : 'open']"
       :id="'grading-progress-' + session.id" :href="'#/courses/' + courseId + '/sessions/' + session.id + '/grading'"
       :data-graded="line.graded" :data-to-grade="line.toGrade">{{ line.graded }} of {{ line.toGrade }} graded<span
       class="visually-hidden"> in session {{ session.number }}</span></a>`,
};
