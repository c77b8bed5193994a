import { computed } from 'vue';
import { store, navigate } from '../store.js';

export const roleNames = { STUDENT: 'Student', TA: 'Teaching assistant', INSTRUCTOR: 'Instructor' };

export default {
  setup() {
    const courses = computed(() => store.me.courses);
    // Most people take one course: skip the list for them (replace, so Back does not bounce here again).
    if (courses.value.length === 1) {
      navigate(`/courses/${courses.value[0].id}`, { replace: true, flash: store.flash });
    }
    return { store, courses, roleNames };
  },
  template: /*html*/`
    <h1>Your courses</h1>
    <p v-if="store.me.courseCreator" class="new-course"><a id="new-course-link" class="button-link" href="#/courses/new">New course: copy or import</a></p>
    <p v-if="courses.length === 0">You are not in any course yet. Ask your instructor to add you to the roster.</p>
    <ul v-else id="courses" class="course-list">
      <li v-for="c in courses" :key="c.id" :data-course-id="c.id" class="card">
        <h2><a :href="'#/courses/' + c.id">{{ c.code }}: {{ c.title }}</a></h2>
        <p>{{ c.term }} · {{ roleNames[c.role] || c.role }}</p>
      </li>
    </ul>`,
};
