// The LMS platforms registered with Paperclub: list, add, change (deployments replaced as a whole) and remove.
import { ref, reactive, onMounted, nextTick } from 'vue';
import { get, post, put, del } from '../api.js';
import { useAction } from './use-action.js';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';

const FIELDS = [
  { key: 'name', label: 'Name', hint: 'How the platform is called here; the issuer\'s host when left empty.', optional: true },
  { key: 'issuer', label: 'Issuer', hint: 'The platform\'s iss, exactly: e.g. https://canvas.instructure.com.' },
  { key: 'clientId', label: 'Client ID', hint: 'The id the platform gave Paperclub (Canvas: the developer key\'s number).' },
  { key: 'authLoginUrl', label: 'OIDC authentication URL', hint: 'Where Paperclub sends the browser to sign in (Canvas: …/api/lti/authorize_redirect).' },
  { key: 'accessTokenUrl', label: 'Access token URL', hint: 'Where Paperclub gets tokens for rosters and grades (Canvas: …/login/oauth2/token).' },
  { key: 'jwksUrl', label: 'Public keyset (JWKS) URL', hint: 'The platform\'s public keys (Canvas: …/api/lti/security/jwks).' },
];
const LABELS = Object.fromEntries([...FIELDS.map(f => [f.key, f.label]), ['deploymentIds', 'Deployment IDs']]);

function blank() {
  return { name: '', issuer: '', clientId: '', authLoginUrl: '', accessTokenUrl: '', jwksUrl: '', deploymentIds: [''] };
}

export default {
  components: { ProblemBox, ConfirmStep },
  setup() {
    const platforms = ref(null);
    const loadProblem = ref(null);
    const editing = ref(null);      // null: no form; 'new'; or the id being changed
    const form = reactive(blank());
    const asking = ref(null);
    const notice = ref('');
    const { busy, problemFor, run, clear } = useAction();

    async function load() {
      try {
        platforms.value = await get('/api/lti/registrations');
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = e.problem;
      }
    }
    onMounted(load);

    function open(platform) {
      clear();
      notice.value = '';
      Object.assign(form, blank(), platform ? {
        name: platform.name, issuer: platform.issuer, clientId: platform.clientId, authLoginUrl: platform.authLoginUrl,
        accessTokenUrl: platform.accessTokenUrl, jwksUrl: platform.jwksUrl, deploymentIds: [...platform.deploymentIds],
      } : {});
      editing.value = platform ? platform.id : 'new';
      nextTick(() => document.getElementById('platform-form-heading').focus());
    }

    function close() {
      const was = editing.value;
      editing.value = null;
      nextTick(() => {
        const back = document.getElementById(was === 'new' || was == null ? 'add-platform' : 'edit-platform-' + was);
        (back || document.getElementById('platforms-heading')).focus();
      });
    }

    function addDeployment() {
      form.deploymentIds.push('');
      nextTick(() => document.getElementById('deployment-' + (form.deploymentIds.length - 1)).focus());
    }

    function removeDeployment(i) {
      form.deploymentIds.splice(i, 1);
      if (form.deploymentIds.length === 0) {
        form.deploymentIds.push('');
      }
      nextTick(() => document.getElementById('deployment-' + Math.min(i, form.deploymentIds.length - 1)).focus());
    }

    const save = () => {
      const body = { ...form, name: form.name.trim() || null, deploymentIds: form.deploymentIds.filter(d => d.trim() !== '') };
      const id = editing.value;
      return run({
        key: 'save',
        request: () => id === 'new' ? post('/api/lti/registrations', body) : put('/api/lti/registrations/' + id, body),
        success: r => r.notice ? `${r.name} is saved. ${r.notice}` : `${r.name} is saved.`,
        then: async r => {
          notice.value = r.notice || '';
          editing.value = null;
          await load();
        },
        focus: r => 'platform-' + r.id,
        fallback: 'platforms-heading',
        failFocus: 'platform-form-error',
      });
    };

    const remove = p => run({
      key: 'remove-' + p.id,
      where: 'remove',
      request: () => del('/api/lti/registrations/' + p.id),
      success: `${p.name} is removed: its launches are refused from now on.`,
      then: async () => { asking.value = null; await load(); },
      focus: 'platforms-heading',
      refused: () => { asking.value = null; },
    });

    return { FIELDS, LABELS, platforms, loadProblem, editing, form, asking, notice, busy, problemFor, open, close,
      addDeployment, removeDeployment, save, remove };
  },
  template: /*html*/`
    <section class="card" aria-labelledby="platforms-heading">
      <div class="section-head">
        <h2 id="platforms-heading" tabindex="-1">LMS platforms</h2>
        <button v-if="editing === null" type="button" id="add-platform" class="secondary" @click="open(null)">Add a platform</button>
      </div>
      <p class="hint">A platform (Canvas, Moodle, Blackboard, D2L…) can launch Paperclub once it is registered here with
        the values its administrator gives you.</p>
      <problem-box id="platforms-load-error" :problem="loadProblem" />
      <problem-box id="remove-platform-error" :problem="problemFor('remove')" />
      <p v-if="notice" class="notice card" id="platform-notice">{{ notice }}</p>
      <p v-if="!platforms && !loadProblem" class="loading">Loading…</p>
      <p v-else-if="platforms && platforms.length === 0" id="no-platforms">No platform is registered yet.</p>
      <ul v-if="platforms && platforms.length" id="platforms" class="course-list">
        <li v-for="p in platforms" :key="p.id" class="platform">
          <h3 :id="'platform-' + p.id" tabindex="-1">{{ p.name }}</h3>
          <dl class="receipt-facts">
            <dt>Issuer</dt><dd class="platform-issuer">{{ p.issuer }}</dd>
            <dt>Client ID</dt><dd>{{ p.clientId }}</dd>
            <dt>Deployment IDs</dt><dd class="platform-deployments">{{ p.deploymentIds.join(', ') }}</dd>
            <dt>Authentication URL</dt><dd>{{ p.authLoginUrl }}</dd>
            <dt>Access token URL</dt><dd>{{ p.accessTokenUrl }}</dd>
            <dt>JWKS URL</dt><dd>{{ p.jwksUrl }}</dd>
          </dl>
          <confirm-step v-if="asking === p.id" :question="'Remove ' + p.name + '? Its launches will be refused; Paperclub courses and work stay.'"
                        yes="Yes, remove" :busy="busy === 'remove-' + p.id" @yes="remove(p)" @no="asking = null" />
          <div v-else class="actions">
            <button type="button" class="small secondary" :id="'edit-platform-' + p.id" :disabled="editing !== null"
                    @click="open(p)">Change<span class="visually-hidden"> {{ p.name }}</span></button>
            <button type="button" class="small secondary" :id="'remove-platform-' + p.id" :disabled="editing !== null"
                    @click="asking = p.id">Remove<span class="visually-hidden"> {{ p.name }}</span></button>
          </div>
        </li>
      </ul>
      <form v-if="editing !== null" id="platform-form" class="inline-form" novalidate @submit.prevent="save" :aria-busy="busy === 'save'"
            @keydown.esc="close">
        <h3 id="platform-form-heading" tabindex="-1">{{ editing === 'new' ? 'Add a platform' : 'Change ' + form.name }}</h3>
        <div id="platform-form-error" tabindex="-1"><problem-box :problem="problemFor('save')" :labels="LABELS" /></div>
        <div class="form-grid">
          <div v-for="f in FIELDS" :key="f.key" class="field wide">
            <label :for="'platform-' + f.key">{{ f.label }} <span v-if="f.optional" class="optional">(optional)</span></label>
            <input :id="'platform-' + f.key" v-model="form[f.key]" :type="f.key === 'name' || f.key === 'clientId' ? 'text' : 'url'"
                   :required="!f.optional" autocomplete="off" spellcheck="false" :aria-describedby="'platform-' + f.key + '-hint'">
            <span :id="'platform-' + f.key + '-hint'" class="hint">{{ f.hint }}</span>
          </div>
        </div>
        <fieldset class="wide">
          <legend>Deployment IDs</legend>
          <p class="hint" id="deployments-hint">Each deployment of Paperclub on this platform (Canvas: the app's "Deployment Id").
            Removing one refuses launches from it.</p>
          <div v-for="(d, i) in form.deploymentIds" :key="i" class="field">
            <label :for="'deployment-' + i">Deployment ID {{ i + 1 }}</label>
            <div class="actions">
              <input :id="'deployment-' + i" v-model="form.deploymentIds[i]" autocomplete="off" spellcheck="false" maxlength="255"
                     aria-describedby="deployments-hint" class="deployment-input">
              <button type="button" class="small secondary" @click="removeDeployment(i)">Remove<span class="visually-hidden"> deployment ID {{ i + 1 }}</span></button>
            </div>
          </div>
          <button type="button" id="add-deployment" class="small secondary" @click="addDeployment">Add a deployment ID</button>
        </fieldset>
        <div class="actions">
          <button type="submit" id="save-platform" :disabled="busy === 'save'">{{ busy === 'save' ? 'Saving…' : (editing === 'new' ? 'Register platform' : 'Save changes') }}</button>
          <button type="button" class="secondary" id="cancel-platform" @click="close">Cancel</button>
        </div>
      </form>
    </section>`,
};
