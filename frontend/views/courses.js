// Home: for each of my courses, what is next for me (one request, GET /api/me/home). Each course is a home-course.
import { ref, onUnmounted } from 'vue';
import { get, problemOf } from '../api.js';
import { store } from '../store.js';
import ProblemBox from './problem-box.js';
import HomeCourse from './home-course.js';

export const roleNames = { STUDENT: 'Student', TA: 'Teaching assistant', INSTRUCTOR: 'Instructor' };

export default {
  components: { ProblemBox, HomeCourse },
  setup() {
    const home = ref(null);
    const loadProblem = ref(null);
    // Countdowns follow the clock while the page stays open.
    const now = ref(Date.now());
    const tick = setInterval(() => { now.value = Date.now(); }, 60_000);
    onUnmounted(() => clearInterval(tick));

    get('/api/me/home')
      .then(h => { home.value = h; })
      .catch(e => { loadProblem.value = problemOf(e); });
    return { store, home, loadProblem, now };
  },
  template: /*html*/`
    <div class="home-page">
      <h1>What is next</h1>
      <p v-if="store.me.courseCreator" class="new-course"><a id="new-course-link" class="button-link" href="#/courses/new">New course: copy or import</a></p>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="store.me.courses.length === 0">You are not in any course yet. Ask your instructor to add you to the roster.</p>
      <p v-else-if="!home && !loadProblem" class="loading">Loading your courses…</p>
      <ul v-else-if="home" id="courses" class="course-list">
        <li v-for="c in home.courses" :key="c.courseId" :data-course-id="c.courseId">
          <home-course :course="c" :now="now" />
        </li>
      </ul>
    </div>`,
};
