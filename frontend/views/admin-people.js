// Site administrators: those the environment names (PAPERCLUB_ADMIN_EMAILS, not removable here) and those granted in
// the app; grant by e-mail address, revoke with a confirmation step.
import { ref, onMounted } from 'vue';
import { get, post, del } from '../api.js';
import { store, navigate } from '../store.js';
import { useAction } from './use-action.js';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';
import { formatInstant } from './admin-format.js';

export default {
  components: { ProblemBox, ConfirmStep },
  setup() {
    const admins = ref(null);
    const email = ref('');
    const asking = ref(null);
    const loadProblem = ref(null);
    const { busy, problemFor, run } = useAction();

    async function load() {
      try {
        admins.value = await get('/api/admin/site-admins');
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = e.problem;
      }
    }
    onMounted(load);

    const grant = () => run({
      key: 'grant',
      request: () => post('/api/admin/site-admins', { email: email.value }),
      success: a => `${a.name || a.email} is a site administrator.`,
      then: async () => { email.value = ''; await load(); },
    });

    const revoke = a => run({
      key: 'revoke-' + a.userId,
      where: 'revoke',
      request: () => del('/api/admin/site-admins/' + a.userId),
      success: `${a.name} is no longer a site administrator.`,
      then: async () => {
        asking.value = null;
        if (a.userId === store.me.id) {
          // Stepping down: this page is no longer for them.
          store.me.siteAdmin = false;
          navigate('/', { flash: 'You are no longer a site administrator.' });
          return;
        }
        await load();
      },
      focus: 'admins-heading',
      refused: () => { asking.value = null; },
      failFocus: 'admins-heading',
    });

    return { admins, email, asking, loadProblem, busy, problemFor, grant, revoke, formatInstant, store };
  },
  template: /*html*/`
    <section class="card" aria-labelledby="admins-heading">
      <h2 id="admins-heading" tabindex="-1">Site administrators</h2>
      <p class="hint">They register LMS platforms and name other administrators. Those named by the server's
        configuration (PAPERCLUB_ADMIN_EMAILS) can only be removed there.</p>
      <problem-box id="admins-load-error" :problem="loadProblem" />
      <problem-box id="revoke-error" :problem="problemFor('revoke')" />
      <p v-if="!admins && !loadProblem" class="loading">Loading…</p>
      <div v-if="admins" class="table-wrap">
        <table id="site-admins" class="stack-table">
          <caption class="visually-hidden">Site administrators</caption>
          <thead><tr><th scope="col">Person</th><th scope="col">How</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            <tr v-for="a in admins" :key="a.email" class="site-admin">
              <th scope="row">{{ a.name || 'No account yet' }}<span class="email">{{ a.email }}</span></th>
              <td data-label="How">
                <template v-if="a.namedByEnvironment">Named by the server's configuration<span v-if="!a.userId">: signs in once an account with this address exists</span></template>
                <template v-else>Granted by {{ a.grantedByName || 'an administrator' }} on {{ formatInstant(a.grantedAt) }}</template>
              </td>
              <td>
                <template v-if="!a.namedByEnvironment">
                  <confirm-step v-if="asking === a.userId"
                                :question="a.userId === store.me.id ? 'Stop being a site administrator yourself?' : 'Remove ' + a.name + ' as a site administrator?'"
                                yes="Yes, remove" :busy="busy === 'revoke-' + a.userId" @yes="revoke(a)" @no="asking = null" />
                  <button v-else type="button" class="small secondary revoke-admin" :id="'revoke-' + a.userId"
                          @click="asking = a.userId">Remove<span class="visually-hidden"> {{ a.name }}</span></button>
                </template>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <form id="grant-form" class="inline-form" novalidate @submit.prevent="grant" :aria-busy="busy === 'grant'">
        <problem-box id="grant-error" :problem="problemFor('grant')" />
        <div class="field">
          <label for="grant-email">E-mail address of a person with a Paperclub account</label>
          <input id="grant-email" type="email" v-model="email" autocomplete="off" required maxlength="320">
        </div>
        <button type="submit" id="grant-admin" :disabled="busy === 'grant'">{{ busy === 'grant' ? 'Granting…' : 'Make site administrator' }}</button>
      </form>
    </section>`,
};
