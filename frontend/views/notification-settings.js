// On the Account page: how each kind of notice reaches me — in the app only, by e-mail at once, or in a daily
// digest. With e-mail off on the site, it says so and every kind stays in the app.
import { ref } from 'vue';
import { get, put, problemOf } from '../api.js';
import { announce } from '../store.js';
import ProblemBox from './problem-box.js';

export const deliveryNames = { APP: 'In the app only', EMAIL: 'E-mail at once', DIGEST: 'Daily digest' };

export default {
  components: { ProblemBox },
  setup() {
    const settings = ref(null);
    const chosen = ref({});
    const problem = ref(null);
    const busy = ref(false);
    const saved = ref(false);

    function show(s) {
      settings.value = s;
      chosen.value = Object.fromEntries(s.kinds.map(k => [k.kind, k.delivery]));
    }
    get('/api/me/notifications/settings').then(show).catch(e => { problem.value = problemOf(e); });

    async function save() {
      busy.value = true;
      saved.value = false;
      problem.value = null;
      try {
        show(await put('/api/me/notifications/settings',
          { kinds: Object.entries(chosen.value).map(([kind, delivery]) => ({ kind, delivery })) }));
        saved.value = true;
        announce('Your notification settings are saved.');
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    const change = () => { saved.value = false; };
    return { settings, chosen, problem, busy, saved, save, change, deliveryNames };
  },
  template: /*html*/`
    <section aria-labelledby="notification-settings-heading" id="notification-settings">
      <h2 id="notification-settings-heading">Notifications and e-mail</h2>
      <problem-box id="notification-settings-error" :problem="problem" />
      <p v-if="!settings && !problem" class="loading">Loading your settings…</p>
      <form v-if="settings" class="card" @submit.prevent="save" :aria-busy="busy">
        <p v-if="!settings.mailEnabled" id="mail-off" class="notice-text"><strong>E-mail is off on this site: every notice
          is in the app only (the bell).</strong></p>
        <p v-else class="hint">Every notice is under the bell. Choose which also come by e-mail to
          <strong>{{ settings.email }}</strong>, at once or gathered in one e-mail a day (around 7:00 your time).</p>
        <div v-for="k in settings.kinds" :key="k.kind" class="field delivery-field">
          <label :for="'delivery-' + k.kind">{{ k.label }}</label>
          <select v-if="settings.mailEnabled" :id="'delivery-' + k.kind" v-model="chosen[k.kind]" :data-kind="k.kind"
                  @change="change">
            <option v-for="(name, d) in deliveryNames" :key="d" :value="d">{{ name }}</option>
          </select>
          <!-- Mail off: the e-mail choices are disabled, and what happens (the app only) is what is shown. -->
          <select v-else :id="'delivery-' + k.kind" :data-kind="k.kind" disabled>
            <option v-for="(name, d) in deliveryNames" :key="d" :value="d" :selected="d === 'APP'"
                    :disabled="d !== 'APP'">{{ name }}</option>
          </select>
        </div>
        <button v-if="settings.mailEnabled" type="submit" id="save-notification-settings" :disabled="busy">{{ busy ? 'Saving…' : 'Save settings' }}</button>
        <p v-if="saved" class="success" id="notification-settings-saved">Saved.</p>
      </form>
    </section>`,
};
