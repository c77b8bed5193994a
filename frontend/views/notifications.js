// My notices, newest first: each leads to what it is about (and is then read); older ones page in on demand.
import { ref, computed } from 'vue';
import { get, post, problemOf } from '../api.js';
import { announce, navigate } from '../store.js';
import { formatInstant, browserZone } from '../time.js';
import { plural } from '../format.js';
import { bell } from './bell.js';
import { focusLater } from '../focus.js';
import ProblemBox from './problem-box.js';

const PAGE = 20;

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago"; a week or more: the date. */
export function ago(instant, now = Date.now()) {
  const minutes = Math.floor((now - Date.parse(instant)) / 60_000);
  if (Number.isNaN(minutes)) {
    return String(instant);
  }
  if (minutes < 1) {
    return 'just now';
  }
  if (minutes < 60) {
    return `${plural(minutes, 'minute', 'minutes')} ago`;
  }
  if (minutes < 24 * 60) {
    return `${plural(Math.floor(minutes / 60), 'hour', 'hours')} ago`;
  }
  if (minutes < 7 * 24 * 60) {
    return `${plural(Math.floor(minutes / 1440), 'day', 'days')} ago`;
  }
  return formatInstant(instant, browserZone);
}

/** Only the app's own pages are followed: a notice's link is a route such as "/#/courses/2/signups". */
const route = link => (typeof link === 'string' && link.startsWith('/#/') ? link.slice(2) : '/');

export default {
  components: { ProblemBox },
  setup() {
    const items = ref(null);
    const nextBefore = ref(null);
    const problem = ref(null);
    const busy = ref(null);

    async function load(before) {
      const page = await get(`/api/me/notifications?limit=${PAGE}` + (before ? `&before=${before}` : ''));
      bell.unread = page.unread;
      nextBefore.value = page.nextBefore;
      return page.items;
    }

    (async () => {
      try {
        items.value = await load(null);
      } catch (e) {
        problem.value = problemOf(e);
      }
    })();

    async function older() {
      busy.value = 'older';
      problem.value = null;
      try {
        const first = items.value.length;
        items.value = [...items.value, ...await load(nextBefore.value)];
        announce(`${plural(items.value.length - first, 'older notice', 'older notices')} shown.`);
        if (items.value[first]) {
          focusLater(`notice-${items.value[first].id}-link`);
        }
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    async function readAll() {
      busy.value = 'all';
      problem.value = null;
      try {
        await post('/api/me/notifications/read-all');
        const now = new Date().toISOString();
        items.value = items.value.map(n => n.readAt ? n : { ...n, readAt: now });
        bell.unread = 0;
        announce('All notices are marked read.');
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = null;
      }
    }

    async function open(n) {
      if (!n.readAt) {
        try {
          await post(`/api/me/notifications/${n.id}/read`);
          n.readAt = new Date().toISOString();
          bell.unread = Math.max(0, (bell.unread || 1) - 1);
        } catch {
          // Going to the thing matters more than the mark; it stays unread and can be opened again.
        }
      }
      navigate(route(n.link));
    }

    const unreadShown = computed(() => (items.value || []).filter(n => !n.readAt).length);
    return { items, nextBefore, problem, busy, older, readAll, open, ago, unreadShown, bell, route };
  },
  template: /*html*/`
    <section class="notifications-page">
      <div class="section-head">
        <h1>Notifications</h1>
        <div class="section-actions">
          <button v-if="bell.unread > 0" type="button" id="read-all" class="secondary" :disabled="busy === 'all'"
                  @click="readAll">{{ busy === 'all' ? 'Marking…' : 'Mark all read' }}</button>
        </div>
      </div>
      <p class="hint">News from your courses. Choose which also come by e-mail under <a href="#/account">Account</a>.</p>
      <problem-box id="notifications-error" :problem="problem" />
      <p v-if="items === null && !problem" class="loading">Loading your notifications…</p>
      <p v-else-if="items && items.length === 0" id="no-notifications" class="empty">Nothing yet. When something
        happens in your courses — a grade published, an announcement, a change to your sign-up — it shows here.</p>
      <ol v-if="items && items.length" id="notifications" class="notice-list">
        <li v-for="n in items" :key="n.id" :class="['notice-item', { unread: !n.readAt }]" :data-notice-id="n.id"
            :data-kind="n.kind">
          <p class="notice-meta">
            <span v-if="!n.readAt" class="label unread-label">New<span class="visually-hidden">, unread</span></span>
            <span v-if="n.courseCode" class="course-code">{{ n.courseCode }}</span>
            <time :datetime="n.createdAt" :title="n.createdAt">{{ ago(n.createdAt) }}</time>
          </p>
          <h2 class="h3 notice-title"><a :id="'notice-' + n.id + '-link'" :href="'#' + route(n.link)"
              @click.prevent="open(n)">{{ n.title }}</a></h2>
          <p class="notice-body">{{ n.body }}</p>
        </li>
      </ol>
      <button v-if="items && nextBefore" type="button" id="show-older" class="secondary" :disabled="busy === 'older'"
              @click="older">{{ busy === 'older' ? 'Loading…' : 'Show older' }}</button>
    </section>`,
};
