// "Forgot your password?": asks the server to e-mail a link. The answer is the same whatever the address, so the
// page shows the server's sentence as it is; when the site sends no e-mail it says so before anyone types.
import { ref } from 'vue';
import { get, post, problemOf } from '../api.js';
import ProblemBox from './problem-box.js';

export default {
  components: { ProblemBox },
  setup() {
    const mailEnabled = ref(null);
    const campusOnly = ref(null);
    get('/api/auth/options').then(o => {
      mailEnabled.value = o.mailEnabled;
      campusOnly.value = o.passwordSignIn ? null : o.campusLabel;
    }).catch(() => { mailEnabled.value = null; });

    const email = ref('');
    const busy = ref(false);
    const problem = ref(null);
    const answer = ref('');
    async function ask() {
      busy.value = true;
      problem.value = null;
      answer.value = '';
      try {
        const result = await post('/api/auth/password-reset', { email: email.value.trim() });
        answer.value = result.message;
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    return { mailEnabled, campusOnly, email, busy, problem, answer, ask };
  },
  template: /*html*/`
    <section class="narrow">
      <h1>Forgot your password?</h1>
      <p v-if="campusOnly" id="campus-only-forgot" class="card notice">This site signs in with your campus account and keeps
        no password to reset. Use “{{ campusOnly }}” on the <a href="#/login">sign-in page</a>; if you forgot your campus
        password, your campus IT help desk resets it.</p>
      <p v-else-if="mailEnabled === false" id="mail-off" class="card notice">E-mail is off on this site, so no link can be sent.
        Ask your course staff: they can give you a link to choose a new password from the course's roster.</p>
      <form v-if="!campusOnly" id="forgot-form" class="card" @submit.prevent="ask" :aria-busy="busy">
        <problem-box id="forgot-error" :problem="problem" :labels="{ email: 'Email' }" />
        <p>Type the e-mail address you sign in with. If an account uses it, we e-mail it a link to choose a new password.
          The link works once, for an hour.</p>
        <div class="field">
          <label for="forgot-email">Email</label>
          <input id="forgot-email" name="email" type="email" v-model="email" autocomplete="username" maxlength="320" required>
        </div>
        <button id="forgot-submit" type="submit" :disabled="busy">{{ busy ? 'Sending…' : 'E-mail me a link' }}</button>
        <p id="forgot-answer" class="success" role="status" aria-live="polite">{{ answer }}</p>
      </form>
      <p><a href="#/login">Back to sign in</a></p>
    </section>`,
};
