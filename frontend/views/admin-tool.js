// What an LMS administrator pastes to install Paperclub (each value with a copy button), the Canvas JSON, and the
// tool's signing keys: add one (published at once, signing after a delay) and retire old ones.
import { ref, onMounted } from 'vue';
import { get, post, del } from '../api.js';
import { announce } from '../store.js';
import { useAction } from './use-action.js';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';
import { formatInstant } from './admin-format.js';

export default {
  components: { ProblemBox, ConfirmStep },
  setup() {
    const tool = ref(null);
    const keys = ref(null);
    const loadProblem = ref(null);
    const minutes = ref(60);
    const asking = ref(null);
    const link = ref(null);
    const { busy, problemFor, run } = useAction();

    async function load() {
      try {
        [tool.value, keys.value] = await Promise.all([get('/api/lti/tool'), get('/api/lti/keys')]);
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = e.problem;
      }
    }
    onMounted(load);

    async function copy(label, value) {
      try {
        await navigator.clipboard.writeText(value);
        announce(`${label} copied.`);
      } catch {
        // No clipboard (an insecure origin, a refused permission): the value is on the page to select by hand.
        announce(`Could not copy; select the ${label} and copy it by hand.`);
      }
    }

    const rotate = () => run({
      key: 'rotate',
      request: () => post('/api/lti/keys', { signsAfterMinutes: Number(minutes.value) }),
      success: k => k.signing ? `Key ${k.kid} is published and signs now.` : `Key ${k.kid} is published; it signs from ${formatInstant(k.activeFrom)}.`,
      then: load,
      focus: k => 'key-' + k.kid,
    });

    const retire = k => run({
      key: 'retire-' + k.kid,
      where: 'retire',
      request: () => del('/api/lti/keys/' + encodeURIComponent(k.kid)),
      success: `Key ${k.kid} is retired.`,
      then: async () => { asking.value = null; await load(); },
      focus: 'keys-heading',
      refused: () => { asking.value = null; },
      failFocus: 'keys-heading',
    });

    const makeLink = () => run({
      key: 'link',
      request: () => post('/api/lti/registration-links'),
      success: 'A registration link is ready to copy.',
      then: l => { link.value = l; },
      focus: 'registration-link',
    });

    const urls = () => tool.value ? [
      { id: 'login-url', label: 'Login initiation URL', value: tool.value.loginUrl },
      { id: 'launch-url', label: 'Launch / redirect URL', value: tool.value.launchUrl },
      { id: 'deep-linking-url', label: 'Deep linking URL', value: tool.value.deepLinkingUrl },
      { id: 'jwks-url', label: 'Public keyset (JWKS) URL', value: tool.value.jwksUrl },
      { id: 'canvas-url', label: 'Canvas configuration URL', value: tool.value.canvasConfigUrl },
    ] : [];

    return { tool, keys, loadProblem, minutes, asking, link, busy, problemFor, copy, rotate, retire, makeLink, urls, formatInstant };
  },
  template: /*html*/`
    <section class="card" aria-labelledby="tool-heading">
      <h2 id="tool-heading" tabindex="-1">Tool details</h2>
      <p class="hint">What an LMS administrator enters to install Paperclub. The addresses start with the site's public
        address (PAPERCLUB_PUBLIC_URL).</p>
      <problem-box id="tool-load-error" :problem="loadProblem" />
      <p v-if="!tool && !loadProblem" class="loading">Loading…</p>
      <template v-if="tool">
        <dl class="receipt-facts" id="tool-urls">
          <template v-for="u in urls()" :key="u.id">
            <dt :id="u.id + '-label'">{{ u.label }}</dt>
            <dd class="copy-row">
              <code :id="u.id">{{ u.value }}</code>
              <button type="button" class="small secondary copy" :aria-describedby="u.id + '-label'" @click="copy(u.label, u.value)">Copy</button>
            </dd>
          </template>
        </dl>
        <p><a id="canvas-json" :href="tool.canvasConfigUrl" target="_blank" rel="noopener">Open the Canvas JSON</a>
          (Canvas: Developer Keys, + Developer Key, + LTI Key, Method "Paste JSON" or "Enter URL"; also put the launch URL in "Redirect URIs").</p>
        <details>
          <summary>Moodle: the "Tool configuration" fields</summary>
          <div class="table-wrap">
            <table id="moodle-fields" class="stack-table">
              <caption class="visually-hidden">Moodle tool configuration</caption>
              <thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>
              <tbody><tr v-for="f in tool.moodle" :key="f.field"><th scope="row">{{ f.field }}</th><td data-label="Value"><code>{{ f.value }}</code></td></tr></tbody>
            </table>
          </div>
        </details>
        <details>
          <summary>Canvas: the fields of a manual entry</summary>
          <div class="table-wrap">
            <table id="canvas-fields" class="stack-table">
              <caption class="visually-hidden">Canvas manual entry</caption>
              <thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>
              <tbody><tr v-for="f in tool.canvas" :key="f.field"><th scope="row">{{ f.field }}</th><td data-label="Value"><code>{{ f.value }}</code></td></tr></tbody>
            </table>
          </div>
        </details>
      </template>

      <h3 id="dynamic-heading">Register by URL (LTI Dynamic Registration)</h3>
      <p class="hint">Canvas ("LTI Registration" by URL) and Moodle ("Tool URL" under "Manage tools") can install Paperclub
        from one link. Each link works once, for 24 hours.</p>
      <problem-box id="link-error" :problem="problemFor('link')" />
      <div v-if="link" class="copy-row">
        <code id="registration-link" tabindex="-1">{{ link.url }}</code>
        <button type="button" class="small secondary copy" @click="copy('Registration link', link.url)">Copy<span class="visually-hidden"> registration link</span></button>
        <span class="hint">Valid until {{ formatInstant(link.expiresAt) }}.</span>
      </div>
      <button type="button" id="make-link" class="secondary" :disabled="busy === 'link'" @click="makeLink">
        {{ busy === 'link' ? 'Making…' : (link ? 'Make another link' : 'Make a registration link') }}</button>

      <h3 id="keys-heading" tabindex="-1">Signing keys</h3>
      <p class="hint">Every key listed is published at the JWKS URL. To rotate: add a key, which platforms can fetch
        before it signs; once it signs, retire the old one.</p>
      <problem-box id="retire-error" :problem="problemFor('retire')" />
      <div v-if="keys" class="table-wrap">
        <table id="tool-keys" class="stack-table">
          <caption class="visually-hidden">Signing keys</caption>
          <thead><tr><th scope="col">Key id (kid)</th><th scope="col">State</th><th scope="col">Made</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            <tr v-for="k in keys" :key="k.kid" class="tool-key">
              <th scope="row" :id="'key-' + k.kid" tabindex="-1"><code>{{ k.kid }}</code></th>
              <td data-label="State"><span v-if="k.signing" class="label current-label">Signs now</span>
                <template v-else-if="new Date(k.activeFrom) > new Date()">Published; signs from {{ formatInstant(k.activeFrom) }}</template>
                <template v-else>Published; a newer key signs</template></td>
              <td data-label="Made">{{ formatInstant(k.createdAt) }}</td>
              <td>
                <confirm-step v-if="asking === k.kid" :question="'Retire key ' + k.kid + '? What it signed will no longer verify.'"
                              yes="Yes, retire" :busy="busy === 'retire-' + k.kid" @yes="retire(k)" @no="asking = null" />
                <button v-else type="button" class="small secondary retire-key" @click="asking = k.kid">Retire<span class="visually-hidden"> key {{ k.kid }}</span></button>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <form id="rotate-form" class="inline-form" novalidate @submit.prevent="rotate" :aria-busy="busy === 'rotate'">
        <problem-box id="rotate-error" :problem="problemFor('rotate')" />
        <div class="field">
          <label for="signs-after">Minutes the new key is published before it signs</label>
          <input id="signs-after" type="number" min="0" max="10080" step="1" v-model="minutes" inputmode="numeric" aria-describedby="signs-after-hint">
          <span id="signs-after-hint" class="hint">60 gives platforms an hour to fetch it; 0 signs at once.</span>
        </div>
        <button type="submit" id="add-key" :disabled="busy === 'rotate'">{{ busy === 'rotate' ? 'Adding…' : 'Add a key' }}</button>
      </form>
    </section>`,
};
