// The page a set-password link opens: the person added to a roster chooses their password (purpose 'invitation'), or
// someone who forgot theirs chooses a new one (purpose 'reset'); then they are signed in.
// Everything shown comes from the server as text (never as markup).
import { ref } from 'vue';
import { get, post, problemOf } from '../api.js';
import { signedIn, navigate } from '../store.js';
import ProblemBox from './problem-box.js';

export default {
  components: { ProblemBox },
  props: { token: { type: String, required: true }, purpose: { type: String, default: 'invitation' } },
  setup(props) {
    const reset = props.purpose === 'reset';
    const path = reset ? `/api/auth/password-reset/${encodeURIComponent(props.token)}`
      : `/api/auth/invitations/${encodeURIComponent(props.token)}`;
    const invitation = ref(null);
    const loadProblem = ref(null);
    get(path).then(v => { invitation.value = v; }).catch(e => { loadProblem.value = problemOf(e); });
    // On a site that signs in with the campus account only, the link leads there instead of to a password.
    const campus = ref(null);
    get('/api/auth/options').then(o => { campus.value = o.passwordSignIn ? null : o; }).catch(() => {});

    const password = ref('');
    const again = ref('');
    const busy = ref(false);
    const problem = ref(null);
    async function save() {
      problem.value = null;
      if (password.value !== again.value) {
        problem.value = { detail: 'The two passwords are not the same. Type your new password twice.', errors: [] };
        return;
      }
      busy.value = true;
      try {
        await post(path, { password: password.value });
        const me = await post('/api/auth/login', { email: invitation.value.email, password: password.value });
        signedIn(me);
        navigate('/', { flash: reset ? `Your new password is set; you are signed out everywhere else. Signed in as ${me.name}.`
          : `Your password is set. Signed in as ${me.name}.` });
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    return { reset, invitation, loadProblem, password, again, busy, problem, save, campus };
  },
  template: /*html*/`
    <section class="narrow">
      <h1>{{ campus ? 'Your Paperclub account' : reset ? 'Choose a new password' : 'Choose your password' }}</h1>
      <problem-box id="invitation-error" :problem="loadProblem" />
      <p v-if="!invitation && !loadProblem" class="loading">Checking the link…</p>
      <div v-if="invitation && campus" id="invitation-campus" class="card notice">
        <p>This site has no passwords: <strong>{{ invitation.name }}</strong> signs in with the campus account. Your Paperclub
          account (<span>{{ invitation.email }}</span>) is yours at your first campus sign-in, when the campus account has the
          same, verified e-mail address.</p>
        <a id="invitation-campus-button" class="button-link campus-button" :href="campus.campusLoginUrl">{{ campus.campusLabel }}</a>
      </div>
      <form v-if="invitation && !campus" id="invitation-form" class="card" @submit.prevent="save" :aria-busy="busy">
        <problem-box :problem="problem" :labels="{ password: 'New password' }" />
        <p>For <strong id="invitation-name">{{ invitation.name }}</strong>
          (<span id="invitation-email">{{ invitation.email }}</span>). This link works once<template v-if="reset">;
          choosing a new password signs you out on every other device</template>.</p>
        <input type="email" :value="invitation.email" autocomplete="username" hidden readonly>
        <div class="field">
          <label for="invitation-password">New password <span class="hint">(at least 10 characters)</span></label>
          <input id="invitation-password" type="password" v-model="password" minlength="10" maxlength="200"
                 autocomplete="new-password" required>
        </div>
        <div class="field">
          <label for="invitation-again">The same password again</label>
          <input id="invitation-again" type="password" v-model="again" minlength="10" maxlength="200"
                 autocomplete="new-password" required>
        </div>
        <button type="submit" id="invitation-submit" :disabled="busy">{{ busy ? 'Saving…' : reset ? 'Set my new password and sign in' : 'Set my password and sign in' }}</button>
      </form>
    </section>`,
};
