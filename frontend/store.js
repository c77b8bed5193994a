// The state every view shares: who is signed in, and the page's status and error messages.
import { reactive } from 'vue';
import { setCsrfToken } from './api.js';

export const store = reactive({
  me: null,        // GET /api/me while signed in, else null
  status: '',      // polite announcements: progress and success
  problem: null,   // the page-level error, shown in #error
  flash: null,     // a status to show after the next route change (which clears messages)
  flashProblem: null, // likewise, an error
  returnTo: null,  // the route to go back to after signing in again
});

export function signedIn(me) {
  store.me = me;
  setCsrfToken(me.csrfToken);
}

// What views keep in memory about the person signed in (a search typed, a student followed), dropped at sign-out
// so that the next person on this browser starts clean.
const forgetters = [];
export function forgetAtSignOut(forget) {
  forgetters.push(forget);
}

export function signedOut() {
  store.me = null;
  setCsrfToken(null);
  forgetters.forEach(forget => forget());
}

let announcing;
/** Says text in the status region; cleared first so that the same words said twice are heard twice. */
export function announce(text) {
  store.status = '';
  clearTimeout(announcing);
  announcing = setTimeout(() => { store.status = text; }, 30);
}

export function showProblem(problem) {
  store.problem = problem;
}

/** Goes to a route such as '/courses/1'; flash is said, and problem shown, once it is there. */
export function navigate(path, { replace = false, flash = null, problem = null } = {}) {
  store.flash = flash;
  store.flashProblem = problem;
  const hash = '#' + path;
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (replace) {
    location.replace(hash);
  } else {
    location.hash = hash;
  }
}

export function courseOf(id) {
  return store.me ? store.me.courses.find(c => c.id === Number(id)) : undefined;
}

export function isStaff(course) {
  return !!course && (course.role === 'TA' || course.role === 'INSTRUCTOR');
}
