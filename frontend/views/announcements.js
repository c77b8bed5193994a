// A course's announcements on its page: the newest few for everyone (they come with the page's shared answer, so no
// request of their own), all on demand; staff write one here, and are told how many people it reached. Staff also
// correct one in place (the same form; the notices already given show the new text, and "Tell everyone again" sends
// "Corrected: …") and delete one after a confirm step (it leaves the page and everyone's bell).
import { ref, computed } from 'vue';
import { get, post, put, del, problemOf } from '../api.js';
import { announce } from '../store.js';
import { plural } from '../format.js';
import { focusLater } from '../focus.js';
import { ago } from './notifications.js';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';

const NEWEST = 3;   // as many as the page's shared answer carries (Announcements.ON_THE_PAGE)

// The form to write an announcement and to correct one: the same fields and checks. `prefix` keeps the ids of the
// form for a new one ('announcement') and makes them unique per announcement when correcting.
const AnnouncementForm = {
  components: { ProblemBox },
  props: { prefix: { type: String, required: true }, title: { type: String, default: '' },
    body: { type: String, default: '' }, busy: { type: Boolean, default: false }, problem: { type: Object, default: null },
    correcting: { type: Boolean, default: false } },
  emits: ['send', 'cancel'],
  setup(props, { emit }) {
    const t = ref(props.title);
    const b = ref(props.body);
    const notify = ref(false);
    const send = () => emit('send', { title: t.value, body: b.value, notify: notify.value });
    const clear = () => { t.value = ''; b.value = ''; notify.value = false; };
    return { t, b, notify, send, clear };
  },
  template: /*html*/`
    <form :id="prefix + '-form'" class="card staff-control announcement-form" @submit.prevent="send" :aria-busy="busy"
          :aria-label="correcting ? 'Correct “' + title + '”' : null" @keydown.esc.stop.prevent="$emit('cancel')">
      <problem-box :id="prefix + '-error'" :problem="problem" :labels="{ title: 'Title', body: 'Message' }" />
      <div class="field">
        <label :for="prefix + '-title'">Title</label>
        <input :id="prefix + '-title'" v-model="t" maxlength="200" required autocomplete="off">
      </div>
      <div class="field">
        <label :for="prefix + '-body'">Message</label>
        <textarea :id="prefix + '-body'" class="announcement-text" v-model="b" rows="5" maxlength="4000" required
                  :aria-describedby="prefix + '-hint'"></textarea>
        <span v-if="!correcting" :id="prefix + '-hint'" class="hint">Everyone in the course is notified under the bell,
          and by e-mail as they chose.</span>
        <span v-else :id="prefix + '-hint'" class="hint">The notices already under everyone's bell show the corrected
          text; e-mails already sent stay as they were.</span>
      </div>
      <div v-if="correcting" class="field check">
        <input :id="prefix + '-notify'" type="checkbox" v-model="notify">
        <label :for="prefix + '-notify'">Tell everyone again, as “Corrected: {{ t.trim() || title }}” (under the bell,
          and by e-mail as they chose)</label>
      </div>
      <div class="actions">
        <button type="submit" :id="correcting ? prefix + '-save' : 'post-announcement'" :disabled="busy">{{ correcting
          ? (busy ? 'Saving…' : 'Save correction') : (busy ? 'Posting…' : 'Post') }}</button>
        <button type="button" class="secondary" @click="$emit('cancel')">Cancel</button>
      </div>
    </form>`,
};

export default {
  components: { ProblemBox, ConfirmStep, AnnouncementForm },
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
        loadProblem.value = null;
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
    async function send({ title, body }) {
      busy.value = true;
      problem.value = null;
      try {
        const a = await post(base, { title, body });
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
    // Correcting one in place: which one is open, and its own busy state and problem.
    const editing = ref(null);
    const editBusy = ref(false);
    const editProblem = ref(null);
    function edit(a) {
      asking.value = null;
      editing.value = a.id;
      editProblem.value = null;
      posted.value = '';
      focusLater(`edit-announcement-${a.id}-title`);
    }
    function stopEditing(a) {
      editing.value = null;
      editProblem.value = null;
      focusLater(`edit-announcement-${a.id}`);
    }
    async function save(a, { title, body, notify }) {
      editBusy.value = true;
      editProblem.value = null;
      try {
        const c = await put(`${base}/${a.id}${notify ? '?notify=true' : ''}`, { title, body });
        editing.value = null;
        posted.value = c.notified == null ? `Corrected “${c.title}”.`
          : `Corrected “${c.title}”; ${plural(c.notified, 'person', 'people')} told again.`;
        announce(posted.value);
        await load();
        focusLater(`announcement-${a.id}`, 'announcement-posted');
      } catch (e) {
        editProblem.value = problemOf(e);
      } finally {
        editBusy.value = false;
      }
    }

    // Deleting asks first (confirm-step.js), one question open at a time.
    const asking = ref(null);
    const deleting = ref(null);
    async function remove(a) {
      deleting.value = a.id;
      problem.value = null;
      try {
        await del(`${base}/${a.id}`);
        asking.value = null;
        posted.value = `Deleted “${a.title}”. It is gone from the course page and from everyone's notifications.`;
        announce(posted.value);
        await load();
        focusLater('announcement-posted');
      } catch (e) {
        asking.value = null;
        const refused = problemOf(e);
        await load();   // deleted by someone else meanwhile: the list says so
        loadProblem.value = refused;
        // Its confirm step is gone (and the announcement too, when deleted meanwhile): not the focus with them.
        focusLater(`delete-announcement-${a.id}`, 'write-announcement');
      } finally {
        deleting.value = null;
      }
    }

    const more = computed(() => !all.value && total.value > (items.value || []).length);
    return { items, total, all, more, loadProblem, showAll, writing, busy, problem, posted, write, cancel, send, ago,
      editing, editBusy, editProblem, edit, stopEditing, save, asking, deleting, remove };
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
      <announcement-form v-if="staff && writing" prefix="announcement" :busy="busy" :problem="problem"
                         @send="send" @cancel="cancel" />
      <problem-box :problem="loadProblem" />
      <p v-if="items && !items.length && staff" class="hint" id="no-announcements">No announcements yet.</p>
      <ul v-if="items && items.length" class="announcement-list">
        <li v-for="a in items" :key="a.id" :id="'announcement-' + a.id" tabindex="-1" class="announcement">
          <announcement-form v-if="staff && editing === a.id" :prefix="'edit-announcement-' + a.id" correcting
                             :title="a.title" :body="a.body" :busy="editBusy" :problem="editProblem"
                             @send="c => save(a, c)" @cancel="stopEditing(a)" />
          <template v-else>
            <h3 class="announcement-title">{{ a.title }}</h3>
            <p class="announcement-meta">{{ a.authorName }} · <time :datetime="a.createdAt" :title="a.createdAt">{{ ago(a.createdAt) }}</time>
              <span v-if="a.editedAt" class="announcement-edited">(edited <time :datetime="a.editedAt"
                    :title="a.editedAt">{{ ago(a.editedAt) }}</time>)</span></p>
            <p class="announcement-body">{{ a.body }}</p>
            <div v-if="staff" class="actions staff-control announcement-actions">
              <button type="button" :id="'edit-announcement-' + a.id" class="secondary small"
                      :aria-label="'Edit “' + a.title + '”'" @click="edit(a)">Edit</button>
              <button type="button" :id="'delete-announcement-' + a.id" class="secondary small"
                      :aria-label="'Delete “' + a.title + '”'" :aria-expanded="asking === a.id ? 'true' : 'false'"
                      :disabled="deleting === a.id" @click="asking = a.id">Delete</button>
            </div>
            <confirm-step v-if="staff && asking === a.id" class="staff-control"
                          :question="'Delete “' + a.title + '”? It leaves the course page and everyone’s notifications; e-mails already sent stay sent.'"
                          yes="Yes, delete" :busy="deleting === a.id" @yes="remove(a)" @no="asking = null" />
          </template>
        </li>
      </ul>
      <button v-if="more" type="button" id="all-announcements" class="secondary small" @click="showAll">Show all
        {{ total }} announcements</button>
    </section>`,
};
