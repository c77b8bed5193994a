import { ref, computed } from 'vue';
import { put, problemOf } from '../api.js';
import { store, announce } from '../store.js';
import ProblemBox from './problem-box.js';
import CalendarLink from './calendar-link.js';
import NotificationSettings from './notification-settings.js';

export default {
  components: { ProblemBox, CalendarLink, NotificationSettings },
  setup() {
    const current = ref('');
    const fresh = ref('');
    const again = ref('');
    const busy = ref(false);
    const problem = ref(null);
    const done = ref(false);
    // A site that signs in with the campus account only keeps no passwords: nothing to change here.
    const campusOnly = computed(() => store.me && !store.me.passwordSignIn ? store.me.campusLabel : null);

    async function change() {
      problem.value = null;
      done.value = false;
      // Checked here too, so that a typo is caught before the server is asked.
      if (fresh.value !== again.value) {
        problem.value = { detail: 'The two new passwords are not the same.', errors: [] };
        return;
      }
      busy.value = true;
      try {
        await put('/api/me/password', { currentPassword: current.value, newPassword: fresh.value });
        current.value = fresh.value = again.value = '';
        done.value = true;
        announce('Your password is changed. Your other sessions are signed out.');
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    return { store, current, fresh, again, busy, problem, done, change, campusOnly };
  },
  template: /*html*/`
    <section class="narrow">
      <h1>Your account</h1>
      <dl class="facts">
        <dt>Name</dt><dd>{{ store.me.name }}</dd>
        <dt>Email</dt><dd id="account-email">{{ store.me.email }}</dd>
      </dl>
      <template v-if="campusOnly">
        <h2>Signing in</h2>
        <p id="campus-only-account">You sign in with your campus account (“{{ campusOnly }}” on the sign-in page). This site keeps
          no password for you; your campus changes that password.</p>
      </template>
      <h2 v-if="!campusOnly">Change your password</h2>
      <form v-if="!campusOnly" id="password-form" class="card" @submit.prevent="change" :aria-busy="busy">
        <!-- For password managers: they file the new password under this account. -->
        <input type="text" name="username" autocomplete="username" :value="store.me.email" hidden>
        <problem-box id="password-error" :problem="problem"
                     :labels="{ currentPassword: 'Current password', newPassword: 'New password' }" />
        <div class="field">
          <label for="current-password">Current password</label>
          <input id="current-password" type="password" v-model="current" autocomplete="current-password" required>
        </div>
        <div class="field">
          <label for="new-password">New password</label>
          <input id="new-password" type="password" v-model="fresh" autocomplete="new-password" minlength="10" maxlength="200"
                 required aria-describedby="new-password-hint">
          <span id="new-password-hint" class="hint">At least 10 characters.</span>
        </div>
        <div class="field">
          <label for="new-password-again">New password again</label>
          <input id="new-password-again" type="password" v-model="again" autocomplete="new-password" required>
        </div>
        <button type="submit" id="change-password" :disabled="busy">{{ busy ? 'Saving…' : 'Change password' }}</button>
        <p v-if="done" class="success">Your password is changed. Your other sessions are signed out.</p>
      </form>
      <notification-settings />
      <calendar-link />
    </section>`,
};
