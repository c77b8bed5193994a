// The sign-in page: the password form, the campus account's button (when the site has campus sign-in), or only the
// button on a site that signs in with the campus account alone (GET /api/auth/options says which). A campus sign-in
// that failed comes back here as #/login?error=sso-…; the reason is said in the alert region.
import { ref, computed } from 'vue';
import { get, post, problemOf } from '../api.js';
import { store, signedIn, navigate } from '../store.js';
import ProblemBox from './problem-box.js';

// Only these words are shown for a failed campus sign-in: the address bar is not trusted to supply a sentence.
const CAMPUS_FAILURES = {
  'sso-cancelled': 'The campus sign-in was cancelled, so you are not signed in. Try again when you are ready.',
  'sso-expired': 'The campus sign-in took too long or was started in another window. Please try again.',
  'sso-failed': 'Signing in with your campus account did not work. Please try again; if it keeps failing, tell your course staff.',
};

export default {
  components: { ProblemBox },
  props: { error: { type: String, default: null } },
  setup(props) {
    const email = ref('');
    const password = ref('');
    const busy = ref(false);
    const problem = ref(props.error ? { detail: CAMPUS_FAILURES[props.error] || CAMPUS_FAILURES['sso-failed'], errors: [] } : null);
    // Until the options arrive the password form shows, as on every site before campus sign-in existed.
    const options = ref({ passwordSignIn: true, campusLabel: null, campusLoginUrl: null, mailEnabled: null });
    get('/api/auth/options').then(o => { options.value = o; }).catch(() => {});

    const returnTo = () => (store.returnTo && !store.returnTo.startsWith('/login') ? store.returnTo : '/');
    const campusHref = computed(() => {
      const next = returnTo();
      return options.value.campusLoginUrl + (next === '/' ? '' : '?next=' + encodeURIComponent(next));
    });

    async function signIn() {
      busy.value = true;
      problem.value = null;
      try {
        const me = await post('/api/auth/login', { email: email.value.trim(), password: password.value });
        signedIn(me);
        const target = returnTo();
        store.returnTo = null;
        navigate(target, { flash: `Signed in as ${me.name}.` });
      } catch (e) {
        problem.value = problemOf(e);
        password.value = '';
      } finally {
        busy.value = false;
      }
    }
    return { email, password, busy, problem, options, campusHref, signIn };
  },
  template: /*html*/`
    <section class="narrow">
      <h1>Sign in to Paperclub</h1>
      <problem-box id="login-error" :problem="problem" />
      <div v-if="options.campusLabel" id="campus-sign-in" class="card">
        <a id="campus-sign-in-button" class="button-link campus-button" :href="campusHref">{{ options.campusLabel }}</a>
        <p v-if="options.passwordSignIn" class="hint">Or sign in with your Paperclub password below.</p>
      </div>
      <form v-if="options.passwordSignIn" id="login-form" class="card" @submit.prevent="signIn" :aria-busy="busy">
        <div class="field">
          <label for="login-email">Email</label>
          <input id="login-email" name="email" type="email" v-model="email" autocomplete="username" required>
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input id="login-password" name="password" type="password" v-model="password" autocomplete="current-password" required>
        </div>
        <button id="login-submit" type="submit" :disabled="busy">{{ busy ? 'Signing in…' : 'Sign in' }}</button>
        <p><a id="forgot-password" href="#/forgot">Forgot your password?</a></p>
      </form>
      <p v-if="options.passwordSignIn" class="hint" id="demo-hint">Demo accounts: instructor@example.edu, ta@example.edu, student1@example.edu …
        student20@example.edu, password <kbd>paperclub</kbd></p>
    </section>`,
};
