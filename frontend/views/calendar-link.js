// The calendar subscription: a secret link per user that calendar apps can read without signing in. The token is
// shown once, right after it is made; making a new one or revoking it stops the old link.
import { ref } from 'vue';
import { get, post, del, problemOf } from '../api.js';
import { store, announce } from '../store.js';
import { formatMoment, browserZone } from '../time.js';
import { focusLater } from '../focus.js';
import ProblemBox from './problem-box.js';

export const feedUrl = (courseId, token) => `${location.origin}/api/courses/${courseId}/calendar.ics?token=${encodeURIComponent(token)}`;

export default {
  components: { ProblemBox },
  setup() {
    const link = ref(null);       // { exists, createdAt }
    const fresh = ref(null);      // { token, createdAt }, only right after making it
    const problem = ref(null);
    const busy = ref(null);
    const confirmRevoke = ref(false);
    const copied = ref('');

    async function load() {
      try {
        link.value = await get('/api/me/calendar-link');
      } catch (e) {
        problem.value = problemOf(e);
      }
    }
    load();

    async function make() {
      busy.value = 'make';
      problem.value = null;
      copied.value = '';
      try {
        fresh.value = await post('/api/me/calendar-link');
        link.value = { exists: true, createdAt: fresh.value.createdAt };
        confirmRevoke.value = false;
        announce('Your calendar link is made. Copy it now: it is shown only this once.');
        focusLater('calendar-urls-heading');
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    async function revoke() {
      busy.value = 'revoke';
      problem.value = null;
      try {
        await del('/api/me/calendar-link');
        link.value = { exists: false, createdAt: null };
        fresh.value = null;
        confirmRevoke.value = false;
        announce('Your calendar link is revoked: calendar apps that used it get nothing more.');
        focusLater('make-calendar-link');
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    function askRevoke() {
      confirmRevoke.value = true;
      focusLater('confirm-revoke');
    }
    function keep() {
      confirmRevoke.value = false;
      focusLater('revoke-calendar-link');
    }

    async function copy(course) {
      const url = feedUrl(course.id, fresh.value.token);
      try {
        await navigator.clipboard.writeText(url);
        copied.value = course.id;
        announce(`The calendar link of ${course.code} is copied.`);
      } catch {
        // No clipboard (an insecure origin, or refused): select the text so that the user can copy it by hand.
        const input = document.getElementById(`calendar-url-${course.id}`);
        input.focus();
        input.select();
        announce('Copying was not allowed here: the link is selected, copy it with your keyboard.');
      }
    }
    const select = event => event.target.select();
    const when = at => formatMoment(at, browserZone);
    return { store, link, fresh, problem, busy, confirmRevoke, copied, make, revoke, askRevoke, keep, copy, select, when, feedUrl };
  },
  template: /*html*/`
    <section id="calendar-link" class="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar subscription</h2>
      <p>Add your courses to a calendar app (Google Calendar, Outlook, Apple Calendar): the class sessions with their
        topics and readings, critique deadlines, and your own presentation and roles. The app reads them through a
        secret link and keeps them up to date. It also sets reminders: 24 hours and 1 hour before each critique
        deadline, and 1 day and 1 hour before your own presentation and roles.</p>
      <problem-box id="calendar-problem" :problem="problem" />
      <p v-if="!link && !problem" class="loading">Loading…</p>
      <template v-else-if="link">
        <p id="calendar-state">{{ link.exists ? 'You have a calendar link, made ' + when(link.createdAt) + '.' : 'You have no calendar link.' }}</p>

        <div v-if="fresh" id="calendar-urls" class="fresh-link notice card">
          <h3 id="calendar-urls-heading" tabindex="-1">Your calendar links</h3>
          <p class="file-warning" id="calendar-warning"><strong>Keep these links private.</strong> Anyone who has one sees your
            calendar, without signing in. They are shown only now; if you lose them, make a new link.</p>
          <div v-for="c in store.me.courses" :key="c.id" class="field calendar-url">
            <label :for="'calendar-url-' + c.id">{{ c.code }}: {{ c.title }}</label>
            <div class="copy-row">
              <input :id="'calendar-url-' + c.id" type="text" readonly :value="feedUrl(c.id, fresh.token)" @focus="select"
                     spellcheck="false">
              <button type="button" class="small secondary copy-url" @click="copy(c)">{{ copied === c.id ? 'Copied' : 'Copy' }}<span
                class="visually-hidden"> the link of {{ c.code }}</span></button>
            </div>
          </div>
        </div>

        <div class="actions">
          <button type="button" id="make-calendar-link" :class="{ secondary: link.exists }" :disabled="!!busy" @click="make"
                  :aria-describedby="link.exists ? 'make-hint' : null">
            {{ busy === 'make' ? 'Making…' : link.exists ? 'Make a new link' : 'Make a calendar link' }}</button>
          <button v-if="link.exists && !confirmRevoke" type="button" id="revoke-calendar-link" class="secondary"
                  :disabled="!!busy" @click="askRevoke">Revoke the link</button>
        </div>
        <p v-if="link.exists" id="make-hint" class="hint">A new link replaces the old one, which then stops working.</p>
        <div v-if="confirmRevoke" class="confirm card" role="group" aria-labelledby="revoke-text" @keydown.esc.stop.prevent="keep">
          <p id="revoke-text">Revoke your calendar link? Calendar apps that subscribed with it stop getting updates.</p>
          <div class="actions">
            <button type="button" id="confirm-revoke" class="danger" :disabled="!!busy" @click="revoke">
              {{ busy === 'revoke' ? 'Revoking…' : 'Revoke' }}</button>
            <button type="button" class="secondary" @click="keep">Keep it</button>
          </div>
        </div>
      </template>
    </section>`,
};
