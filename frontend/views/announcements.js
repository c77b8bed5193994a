// A course's announcements on its page: the newest few for everyone (they come with the page's shared answer, so no
// request of their own), all on demand; staff write one here, and are told how many people it reached.
import { ref, computed } from 'vue';
import { get, post, problemOf } from '../api.js';
import { announce } from '../store.js';
import { plural } from '../format.js';
import { focusLater } from '../focus.js';
import { ago } from './notifications.js';
import ProblemBox from './problem-box.js';

const NEWEST = 3;   // as many as the page's shared answer carries (Announcements.ON_THE_PAGE)

export default {
  components: { ProblemBox },
  props: { courseId: { type: Number, required: true }, staff: { type: Boolean, default: false },
    newest: { type: Object, required: true } },
  setup(props) {
    const base = `/api/courses/${props.courseId}/announcements`;
    const items = ref(props.newest.items);
    const total = ref(props.newest.total);
    const all = ref(false);
    const loadProblem = ref(null);

    async function load() {
      try {
        const page = await get(`${base}?limit=${all.value ? 200 : NEWEST}`);
        items.value = page.items;
        total.value = page.total;
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }
    async function showAll() {
      all.value = true;
      await load();
      if (items.value && items.value[NEWEST]) {
        focusLater(`announcement-${items.value[NEWEST].id}`);
      }
    }

    const writing = ref(false);
    const title = ref('');
    const body = ref('');
    const busy = ref(false);
    const problem = ref(null);
    const posted = ref('');

    function write() {
      writing.value = true;
      posted.value = '';
      focusLater('announcement-title');
    }
    function cancel() {
      writing.value = false;
      problem.value = null;
      focusLater('write-announcement');
    }
    async function send() {
      busy.value = true;
      problem.value = null;
      try {
        const a = await post(base, { title: title.value, body: body.value });
        title.value = body.value = '';
        writing.value = false;
        posted.value = `Posted “${a.title}”; ${plural(a.notified, 'person', 'people')} notified.`;
        announce(posted.value);
        await load();
        focusLater('announcement-posted');
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    }
    const more = computed(() => !all.value && total.value > (items.value || []).length);
    return { items, total, all, more, loadProblem, showAll, writing, title, body, busy, problem, posted, write, cancel,
      send, ago };
  },
  template: /*html*/`
    <section id="announcements" class="announcements" aria-labelledby="announcements-heading"
             v-if="staff || (items && items.length) || loadProblem">
      <div class="section-head">
        <h2 id="announcements-heading">Announcements</h2>
        <div class="section-actions">
          <button v-if="staff && !writing" type="button" id="write-announcement" class="staff-control secondary"
                  @click="write">Write an announcement</button>
        </div>
      </div>
      <p v-if="posted" id="announcement-posted" class="success" tabindex="-1">{{ posted }}</p>
      <form v-if="staff && writing" id="announcement-form" class="card staff-control" @submit.prevent="send" :aria-busy="busy"
            @keydown.esc.stop.prevent="cancel">
        <problem-box id="announcement-error" :problem="problem" :labels="{ title: 'Title', body: 'Message' }" />
        <div class="field">
          <label for="announcement-title">Title</label>
          <input id="announcement-title" v-model="title" maxlength="200" required autocomplete="off">
        </div>
        <div class="field">
          <label for="announcement-body">Message</label>
          <textarea id="announcement-body" v-model="body" rows="5" maxlength="4000" required
                    aria-describedby="announcement-hint"></textarea>
          <span id="announcement-hint" class="hint">Everyone in the course is notified under the bell, and by e-mail as
            they chose.</span>
        </div>
        <div class="actions">
          <button type="submit" id="post-announcement" :disabled="busy">{{ busy ? 'Posting…' : 'Post' }}</button>
          <button type="button" class="secondary" @click="cancel">Cancel</button>
        </div>
      </form>
      <problem-box :problem="loadProblem" />
      <p v-if="items && !items.length && staff" class="hint" id="no-announcements">No announcements yet.</p>
      <ul v-if="items && items.length" class="announcement-list">
        <li v-for="a in items" :key="a.id" :id="'announcement-' + a.id" tabindex="-1" class="announcement">
          <h3 class="announcement-title">{{ a.title }}</h3>
          <p class="announcement-meta">{{ a.authorName }} · <time :datetime="a.createdAt" :title="a.createdAt">{{ ago(a.createdAt) }}</time></p>
          <p class="announcement-body">{{ a.body }}</p>
        </li>
      </ul>
      <button v-if="more" type="button" id="all-announcements" class="secondary small" @click="showAll">Show all
        {{ total }} announcements</button>
    </section>`,
};
