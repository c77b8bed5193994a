// The page of an e-mail's unsubscribe link: it says what stops and asks first, so that a mail scanner that opens
// links stops nothing. No sign-in needed: the key in the link is the proof.
import { ref } from 'vue';
import { post, problemOf } from '../api.js';
import { store } from '../store.js';
import ProblemBox from './problem-box.js';
import { focusLater } from '../focus.js';

// The labels of the notice kinds (as the server's NoticeKind), for a visitor who may not be signed in.
const kindLabels = {
  GRADE_PUBLISHED: 'Grades published',
  REGRADE_ANSWERED: 'Regrade requests answered',
  PROPOSAL_DECIDED: 'Paper proposals approved or declined',
  PARTNER_INVITATION: 'Invitations to present as a partner',
  PARTNER_ANSWERED: 'A classmate answered my invitation to present together',
  SIGNUP_CHANGED: 'Staff moved or removed my sign-up',
  SESSION_CHANGED: 'A session I am part of was moved or cancelled',
  EXTENSION_GRANTED: 'Extensions granted to me',
  ANNOUNCEMENT: 'Course announcements',
  CRITIQUE_REMINDER: 'Reminder: a critique due soon that I have not handed in',
  SIGNUP_REMINDER: 'Reminder: sign-ups freezing while I still lack a role or presentation',
  PRESENTATION_REMINDER: 'Reminder: my presentation or role in a few days',
  DIGEST: 'the daily digest',
};

export default {
  components: { ProblemBox },
  props: { userId: { type: String, required: true }, kind: { type: String, required: true }, unsubscribeKey: { type: String, required: true } },
  setup(props) {
    const what = kindLabels[props.kind] || props.kind;
    const done = ref(null);
    const problem = ref(null);
    const busy = ref(false);
    async function stop() {
      busy.value = true;
      problem.value = null;
      try {
        done.value = await post(`/api/mail/unsubscribe/${[props.userId, props.kind, props.unsubscribeKey].map(encodeURIComponent).join('/')}`, {});
        focusLater('unsubscribe-done');
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    return { what, done, problem, busy, stop, store };
  },
  template: /*html*/`
    <section class="narrow">
      <h1>Stop these e-mails?</h1>
      <template v-if="!done">
        <p id="unsubscribe-what">Stop e-mails for: <strong>{{ what }}</strong></p>
        <p class="hint">You will still see these notices in Paperclub, under the bell. Nothing else changes.</p>
        <problem-box id="unsubscribe-error" :problem="problem" />
        <button type="button" id="unsubscribe" :disabled="busy" @click="stop">{{ busy ? 'Stopping…' : 'Stop these e-mails' }}</button>
      </template>
      <div v-else id="unsubscribe-done" tabindex="-1" class="card">
        <p class="success">Done: no more e-mails for {{ done.label }}.</p>
        <p>To choose for each kind of notice — in the app only, e-mail at once, or a daily digest — go to
          <a href="#/account">your account</a><span v-if="!store.me"> (after signing in)</span>.</p>
      </div>
    </section>`,
};
