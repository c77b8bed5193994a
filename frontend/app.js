// The shell: hash router, who is signed in, header, and the status and error regions every view reports into.
import { createApp, ref, shallowRef, computed, nextTick, watch } from 'vue';
import { get, post, onUnauthorized, problemOf } from './api.js';
import { store, signedIn, signedOut, navigate, showProblem, announce, courseOf } from './store.js';
import ProblemBox from './views/problem-box.js';
import Login from './views/login.js';
import Courses from './views/courses.js';
import Course from './views/course.js';
import Roster from './views/roster.js';
import Account from './views/account.js';
import Board from './views/board.js';
import Coverage from './views/coverage.js';
import Critiques from './views/critiques.js';
import Grading from './views/grading.js';
import GradeSummary from './views/grade-summary.js';
import Grades from './views/grades.js';
import Invitation from './views/invitation.js';
import Forgot from './views/forgot.js';
import CourseNew from './views/course-new.js';
import Notifications from './views/notifications.js';
import Unsubscribe from './views/unsubscribe.js';
import Bell from './views/bell.js';
import Admin from './views/admin.js';

const routes = [
  { pattern: /^\/login(?:\?error=(sso-[a-z]+))?$/, view: Login, title: () => 'Sign in', anonymous: true,
    props: m => ({ error: m[1] || null }) },
  { pattern: /^\/invitation\/([A-Za-z0-9_-]{20,100})$/, view: Invitation, title: () => 'Choose your password', anonymous: true,
    props: m => ({ token: m[1] }) },
  { pattern: /^\/forgot$/, view: Forgot, title: () => 'Forgot your password?', anonymous: true },
  { pattern: /^\/reset\/([A-Za-z0-9_-]{20,100})$/, view: Invitation, title: () => 'Choose a new password', anonymous: true,
    props: m => ({ token: m[1], purpose: 'reset' }) },
  { pattern: /^\/$/, view: Courses, title: () => 'What is next' },
  { pattern: /^\/courses\/new(?:\?from=(\d+))?$/, view: CourseNew, title: () => 'Start a course', props: m => ({ fromId: m[1] ? Number(m[1]) : null }) },
  { pattern: /^\/courses\/(\d+)$/, view: Course, title: p => `${courseCode(p)} schedule`, props: m => ({ courseId: Number(m[1]) }) },
  { pattern: /^\/courses\/(\d+)\/roster$/, view: Roster, title: p => `${courseCode(p)} roster`, props: m => ({ courseId: Number(m[1]) }) },
  { pattern: /^\/courses\/(\d+)\/signups$/, view: Board, title: p => `${courseCode(p)} sign-ups`, props: m => ({ courseId: Number(m[1]) }) },
  { pattern: /^\/courses\/(\d+)\/coverage$/, view: Coverage, title: p => `${courseCode(p)} coverage and audit`, props: m => ({ courseId: Number(m[1]) }) },
  { pattern: /^\/courses\/(\d+)\/critiques$/, view: Critiques, title: p => `${courseCode(p)} critiques`, props: m => ({ courseId: Number(m[1]) }) },
  { pattern: /^\/courses\/(\d+)\/sessions\/(\d+)\/grading$/, view: Grading, title: p => `${courseCode(p)} grading`,
    props: m => ({ courseId: Number(m[1]), sessionId: Number(m[2]) }) },
  { pattern: /^\/courses\/(\d+)\/grades$/, view: GradeSummary, title: p => `${courseCode(p)} grades`, props: m => ({ courseId: Number(m[1]) }) },
  { pattern: /^\/courses\/(\d+)\/grades\/students\/(\d+)$/, view: Grades, title: p => `${courseCode(p)} grades of a student`,
    props: m => ({ courseId: Number(m[1]), studentId: Number(m[2]) }) },
  { pattern: /^\/courses\/(\d+)\/my-grades$/, view: Grades, title: p => `${courseCode(p)} your grades`, props: m => ({ courseId: Number(m[1]) }) },
  { pattern: /^\/account$/, view: Account, title: () => 'Your account' },
  { pattern: /^\/notifications$/, view: Notifications, title: () => 'Notifications' },
  { pattern: /^\/admin$/, view: Admin, title: () => 'Site administration' },
  { pattern: /^\/unsubscribe\/([^/]{1,40})\/([^/]{1,40})\/([^/]{1,100})$/, view: Unsubscribe, title: () => 'Stop e-mails',
    anonymous: true, props: m => ({ userId: m[1], kind: m[2], unsubscribeKey: m[3] }) },
];

function courseCode({ courseId }) {
  const course = courseOf(courseId);
  return course ? course.code : 'Course';
}

const NotFound = {
  template: /*html*/`
    <h1 tabindex="-1">Page not found</h1>
    <p>There is no page at this address. <a href="#/">Go to your courses</a>.</p>`,
};

function resolve(hash) {
  const path = hash.replace(/^#/, '') || '/';
  for (const route of routes) {
    const match = path.match(route.pattern);
    if (match) {
      return { path, route, props: route.props ? route.props(match) : {} };
    }
  }
  return { path, route: { view: NotFound, title: () => 'Not found' }, props: {} };
}

const App = {
  components: { ProblemBox, NotificationBell: Bell },
  setup() {
    // Shallow: the route holds component objects, which must stay plain to compare and render them.
    const current = shallowRef(resolve(location.hash));
    const ready = ref(false);

    function guard() {
      const { route, path } = current.value;
      if (!store.me && !route.anonymous) {
        store.returnTo = path;
        navigate('/login', { replace: true, problem: store.problem });
        return false;
      }
      if (store.me && route.view === Login) {
        navigate('/', { replace: true });
        return false;
      }
      return true;
    }

    function focusHeading() {
      // A new view is like a new page: move focus to its heading so that screen readers start there.
      nextTick(() => {
        const heading = document.querySelector('#main h1');
        if (heading) {
          heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: true });
        }
        window.scrollTo(0, 0);
      });
    }

    window.addEventListener('hashchange', () => {
      // Only '#/…' are routes; any other fragment is an in-page link and leaves the view alone.
      if (location.hash && !location.hash.startsWith('#/')) {
        return;
      }
      current.value = resolve(location.hash);
      store.problem = store.flashProblem;
      store.flashProblem = null;
      store.status = '';
      if (store.flash) {
        announce(store.flash);
        store.flash = null;
      }
      if (ready.value && guard()) {
        focusHeading();
      }
    });

    watch(() => [current.value, store.me && store.me.name], () => {
      document.title = `${current.value.route.title(current.value.props)} – Paperclub`;
    }, { immediate: true });

    onUnauthorized(() => {
      if (store.me) {
        signedOut();
        store.returnTo = current.value.path;
        navigate('/login', { replace: true, flash: 'Your session has ended. Please sign in again.' });
      }
    });

    get('/api/me')
      .then(signedIn)
      .catch(e => {
        if (e.status !== 401) {
          showProblem(problemOf(e));
        }
      })
      .finally(() => {
        ready.value = true;
        guard();
      });

    const signingOut = ref(false);
    async function signOut() {
      signingOut.value = true;
      try {
        await post('/api/auth/logout');
        signedOut();
        store.returnTo = null;
        navigate('/login', { flash: 'You are signed out.' });
      } catch (e) {
        showProblem(problemOf(e));
      } finally {
        signingOut.value = false;
      }
    }

    function skipToMain(event) {
      // A plain "#main" link would be taken for a route; focusing by hand keeps the URL as it is.
      event.preventDefault();
      const main = document.getElementById('main');
      main.focus();
      main.scrollIntoView();
    }

    const view = computed(() => current.value.route.view);
    const showView = computed(() => ready.value && (store.me || current.value.route.anonymous));
    return { store, current, view, ready, showView, signOut, signingOut, skipToMain };
  },
  template: /*html*/`
    <a class="skip-link" href="#main" @click="skipToMain">Skip to main content</a>
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="#/">Paperclub</a>
        <nav v-if="store.me" aria-label="Account">
          <ul class="nav-list">
            <li><a href="#/">Home</a></li>
            <li v-if="store.me.siteAdmin"><a href="#/admin" id="admin-link">Site administration</a></li>
            <li><notification-bell /></li>
            <li><a href="#/account" id="account-link"><span class="visually-hidden">Account: </span><span id="user-name">{{ store.me.name }}</span></a></li>
            <li><button type="button" id="sign-out" class="secondary" :disabled="signingOut" @click="signOut">
              {{ signingOut ? 'Signing out…' : 'Sign out' }}</button></li>
          </ul>
        </nav>
      </div>
    </header>
    <main id="main" tabindex="-1">
      <div id="status" role="status" aria-live="polite" class="status">{{ store.status }}</div>
      <problem-box id="error" :problem="store.problem" />
      <p v-if="!ready" class="loading">Loading…</p>
      <component v-else-if="showView" :is="view" v-bind="current.props" :key="current.path" />
    </main>`,
};

createApp(App).mount('#app');
