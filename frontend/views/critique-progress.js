// The student's progress on the critiques page: how many critiques are in of how many, and the upcoming deadlines
// with a countdown, any extension, and whether each is handed in.
import { ref, computed, inject } from 'vue';
import { CRITIQUES } from './use-critiques.js';

export default {
  setup() {
    const c = inject(CRITIQUES);
    const { progress, extensions, now, passed } = c;
    const upcoming = computed(() => (progress.value ? progress.value.deadlines.filter(d => !passed(d)) : []));
    const showAllDeadlines = ref(false);
    const shownDeadlines = computed(() => (showAllDeadlines.value ? upcoming.value : upcoming.value.slice(0, 5)));
    const soon = d => Date.parse(d.due) - now.value < 24 * 3600_000;
    const extensionHours = sessionId => extensions.value
      .filter(e => e.sessionId === null || e.sessionId === sessionId).reduce((sum, e) => sum + e.hours, 0);
    const progressText = computed(() => {
      const p = progress.value;
      if (!p) {
        return '';
      }
      return `${p.accepted} of ${p.required} critiques`;
    });
    const toGo = computed(() => {
      const p = progress.value;
      const n = p ? p.required - p.accepted : 0;
      return n > 0 ? `${n} to go` : 'all required critiques are in';
    });

    return { ...c, upcoming, showAllDeadlines, shownDeadlines, soon, extensionHours, progressText, toGo };
  },
  template: /*html*/`
    <section id="progress-card" class="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading" class="h3">Your progress</h2>
      <div v-if="!progress.required" id="critique-progress" class="critique-progress">
        <p>This course does not ask for critiques<span v-if="progress.accepted">; you have handed in
          {{ progress.accepted }}</span>.</p>
      </div>
      <div v-else id="critique-progress" class="critique-progress">
        <progress id="critique-progress-bar" :max="Math.max(progress.required, 1)" :value="Math.min(progress.accepted, progress.required)"
                  aria-labelledby="progress-heading" :aria-valuetext="progressText"></progress>
        <p><strong id="critique-progress-text">{{ progressText }}</strong> handed in; {{ toGo }}.</p>
      </div>
    </section>

    <section v-if="progress.required" id="deadlines-card" class="card" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading" class="h3">Upcoming deadlines</h2>
      <p v-if="!upcoming.length">No critique deadlines are left this term.</p>
      <ol v-else id="deadlines" class="deadlines">
        <li v-for="d in shownDeadlines" :key="d.sessionId" :class="['deadline', { soon: soon(d), done: handedInFor(d).length }]"
            :data-session-id="d.sessionId">
          <p class="deadline-what"><strong>Session {{ d.sessionNumber }}:</strong> {{ d.topic }}</p>
          <p class="deadline-when">Due <time :datetime="d.due">{{ due(d) }}</time><span v-if="yourDue(d)" class="local-time">
            (your time: {{ yourDue(d) }})</span> — <span class="countdown">{{ left(d) }}</span>
            <span v-if="soon(d)" class="label soon-label">Due soon</span></p>
          <p v-if="extensionHours(d.sessionId)" class="hint">Includes your extension of {{ extensionHours(d.sessionId) }} hours.</p>
          <p class="deadline-state">
            <template v-if="handedInFor(d).length">
              <span class="label done-label">Handed in</span> “{{ paperTitle(handedInFor(d)[0].paperId) }}”
            </template>
            <template v-else>Not handed in yet.</template>
          </p>
        </li>
      </ol>
      <button v-if="upcoming.length > 5" type="button" id="all-deadlines" class="secondary small"
              :aria-expanded="showAllDeadlines ? 'true' : 'false'" aria-controls="deadlines"
              @click="showAllDeadlines = !showAllDeadlines">
        {{ showAllDeadlines ? 'Show only the next 5' : 'Show all ' + upcoming.length + ' upcoming deadlines' }}</button>
    </section>`,
};
