// The bell in the header: how many of my notices are unread, kept fresh on every route change and once a minute
// while the page is in view (a hidden tab asks nothing). The count is shared with the notifications view, which
// lowers it as notices are read.
import { reactive, onMounted, onUnmounted } from 'vue';
import { get, put } from '../api.js';
import { store } from '../store.js';
import { browserZone } from '../time.js';

export const bell = reactive({ unread: null });

export async function refreshBell() {
  if (!store.me) {
    return;
  }
  try {
    bell.unread = (await get('/api/me/notifications/unread')).unread;
  } catch {
    // The bell is a hint; a failed refresh keeps the last count, and the next one tries again.
  }
}

/**
 * Times in e-mail are given in the reader's zone too: tell the server this browser's zone, once per person and
 * browser session (one small write, not one per page; the server keeps the last one told).
 */
async function shareTimeZone() {
  const key = 'paperclub.zone';
  const mark = `${store.me.id}:${browserZone}`;
  try {
    if (!browserZone || sessionStorage.getItem(key) === mark) {
      return;
    }
    await put('/api/me/notifications/settings', { timeZone: browserZone });
    sessionStorage.setItem(key, mark);
  } catch {
    // Without it, e-mail gives the course's time only; the next browser session tries again.
  }
}

export default {
  setup() {
    const onHash = () => refreshBell();
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        refreshBell();
      }
    };
    let timer;
    onMounted(() => {
      refreshBell();
      shareTimeZone();
      window.addEventListener('hashchange', onHash);
      document.addEventListener('visibilitychange', onVisible);
      timer = setInterval(onVisible, 60_000);
    });
    onUnmounted(() => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
      bell.unread = null;
    });
    return { bell };
  },
  template: /*html*/`
    <a href="#/notifications" id="bell" class="bell" :class="{ 'has-unread': bell.unread > 0 }"
       :aria-label="bell.unread > 0 ? 'Notifications, ' + bell.unread + ' unread' : 'Notifications'">
      <svg class="bell-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"/>
      </svg><span class="bell-text">Notifications</span><span v-if="bell.unread > 0" class="badge" id="bell-count"
        aria-hidden="true">{{ bell.unread > 99 ? '99+' : bell.unread }}</span></a>`,
};
