// What every page of one course starts with: its API address, the course as far as it is known (the signed-in
// user's list has it before the page loads it in full), its time zone, and the page's load problem.
import { ref, computed } from 'vue';
import { problemOf } from '../api.js';
import { courseOf } from '../store.js';
import { browserZone } from '../time.js';

export function useCourseView(props) {
  const base = `/api/courses/${props.courseId}`;
  const course = ref(courseOf(props.courseId) || null);
  const loadProblem = ref(null);
  const zone = computed(() => (course.value && course.value.timeZone) || browserZone);

  /**
   * Runs a load of the page's data; a failure is shown as the page's load problem instead of being thrown, and a
   * later success clears it. Resolves to whether it worked.
   */
  async function loading(work) {
    try {
      await work();
      loadProblem.value = null;
      return true;
    } catch (e) {
      loadProblem.value = problemOf(e);
      return false;
    }
  }

  return { base, course, loadProblem, zone, loading };
}
