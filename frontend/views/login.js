import { ref } from 'vue';
import { post, problemOf } from '../api.js';
import { store, signedIn, navigate } from '../store.js';
import ProblemBox from './problem-box.js';

export default {
  components: { ProblemBox },
  setup() {
    const email = ref('');
    const password = ref('');
    const busy = ref(false);
    const problem = ref(null);

    async function signIn() {
      busy.value = true;
      problem.value = null;
      try {
        const me = await post('/api/auth/login', { email: email.value.trim(), password: password.value });
        signedIn(me);
        const target = store.returnTo && store.returnTo !== '/login' ? store.returnTo : '/';
        store.returnTo = null;
        navigate(target, { flash: `Signed in as ${me.name}.` });
      } catch (e) {
        problem.value = problemOf(e);
        password.value = '';
      } finally {
        busy.value = false;
      }
    }
    return { email, password, busy, problem, signIn };
  },
  template: /*html*/`
    <section class="narrow">
      <h1>Sign in to Paperclub</h1>
      <form id="login-form" class="card" @submit.prevent="signIn" :aria-busy="busy">
        <problem-box id="login-error" :problem="problem" />
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
      <p class="hint" id="demo-hint">Demo accounts: instructor@example.edu, ta@example.edu, student1@example.edu …
        student20@example.edu, password <kbd>paperclub</kbd></p>
    </section>`,
};
