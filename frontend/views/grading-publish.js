// Publishing a session's draft grades, after a confirmation: until then students do not see them.
import { ref } from 'vue';
import ProblemBox from './problem-box.js';
import { post } from '../api.js';
import { focusLater } from '../focus.js';
import { plural } from '../format.js';
import { useAction } from './use-action.js';

export default {
  components: { ProblemBox },
  props: {
    courseId: { type: Number, required: true },
    sessionId: { type: Number, required: true },
    data: { type: Object, required: true },          // the grading sheet: its session and count of drafts
    sessionTitle: { type: String, required: true },
    dirtyCount: { type: Number, required: true },    // rows changed and not saved
    windowDays: { type: Number, default: null },     // the regrade window, when the course has one
    reload: { type: Function, required: true },      // the sheet's, awaited before focus moves on
  },
  setup(props) {
    const { busy, problemFor, clear, run } = useAction();
    const confirming = ref(false);
    const published = ref(null);
    function askPublish() {
      confirming.value = true;
      published.value = null;
      clear();
      focusLater('publish-confirm');
    }
    function cancelPublish() {
      confirming.value = false;
      focusLater('publish');
    }
    function publish() {
      return run({ key: 'publish',
        request: () => post(`/api/courses/${props.courseId}/sessions/${props.sessionId}/grades/publish`),
        success: result => {
          published.value = result ? result.published : 0;
          confirming.value = false;
          return `Published ${plural(published.value, 'grade', 'grades')} of session ${props.data.session.number}; `
            + 'the students see them now.';
        },
        then: () => props.reload(), focus: 'publish-heading', failFocus: 'publish-heading' });
    }
    // Items of the session with no grade at all: publishing leaves them without one, so the page says so.
    const ungraded = () => Math.max(0, (props.data.toGrade || 0) - (props.data.graded || 0));
    return { busy, problemFor, confirming, published, askPublish, cancelPublish, publish, plural, ungraded };
  },
  template: /*html*/`
    <section id="publish-section" class="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading" tabindex="-1">Publish</h2>
      <problem-box :problem="problemFor('publish')" />
      <p v-if="published !== null" id="publish-result" class="success">Published {{ plural(published, 'grade', 'grades') }};
        the students see them now.</p>
      <p v-if="!data.unpublished && !data.toGrade" id="nothing-to-grade">Nothing to grade or publish in this session yet.</p>
      <p v-else-if="!data.unpublished && !ungraded()" id="all-published">Every grade of this session is published.</p>
      <p v-else-if="!data.unpublished" id="published-but-ungraded">Every grade given so far is published, but
        {{ plural(ungraded(), 'item has', 'items have') }} no grade yet.</p>
      <p v-else>Students see a grade once it is published<span v-if="windowDays !== null">, and may then ask for a regrade
        within {{ plural(windowDays, 'day', 'days') }}</span>.</p>
      <p v-if="dirtyCount && data.unpublished" class="file-warning">{{ plural(dirtyCount, 'row has', 'rows have') }} changes
        that are not saved: they are not published.</p>
      <div v-if="confirming" class="confirm" role="group" aria-labelledby="publish-confirm-text" @keydown.esc.stop.prevent="cancelPublish">
        <p id="publish-confirm-text">Publish {{ plural(data.unpublished, 'draft grade', 'draft grades') }} of {{ sessionTitle }}?</p>
        <p v-if="ungraded()" id="publish-ungraded-warning" class="file-warning">{{ plural(ungraded(), 'row is', 'rows are') }}
          not graded yet: {{ ungraded() === 1 ? 'that student sees' : 'those students see' }} no grade for it until you grade
          and publish again.</p>
        <div class="actions">
          <button type="button" id="publish-confirm" :disabled="busy === 'publish'" @click="publish">
            {{ busy === 'publish' ? 'Publishing…' : 'Publish ' + plural(data.unpublished, 'grade', 'grades') }}</button>
          <button type="button" class="secondary" id="publish-cancel" @click="cancelPublish">Not yet</button>
        </div>
      </div>
      <button v-else type="button" id="publish" :disabled="!data.unpublished" @click="askPublish">
        Publish {{ plural(data.unpublished, 'draft grade', 'draft grades') }}</button>
    </section>`,
};
