// The student's own critiques on the critiques page, each with its versions (newest first) and, while the deadline or
// the late rules allow, a way to upload a new version.
import { inject } from 'vue';
import VersionList from './critique-versions.js';
import { CRITIQUES } from './use-critiques.js';

export default {
  components: { VersionList },
  setup() {
    const c = inject(CRITIQUES);
    const mayReupload = critique => {
      const d = c.deadlineOf(critique.sessionId);
      return !!d && c.open(d);
    };
    return { ...c, mayReupload };
  },
  template: /*html*/`
  <section v-if="critiques && !staff" id="my-critiques-section" aria-labelledby="my-critiques-heading">
    <h2 id="my-critiques-heading" tabindex="-1">Your critiques</h2>
    <p v-if="!mine.length" id="no-critiques">You have not handed in any critique yet.</p>
    <div v-else class="table-wrap">
      <table id="my-critiques" class="my-critiques stack-table">
        <caption class="visually-hidden">Your critiques, each with its versions (newest first)</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Paper</th>
            <th scope="col">Versions</th>
          </tr>
        </thead>
        <tbody>
          <tr v-for="c in mine" :key="c.id" :data-critique-id="c.id" :data-session-id="c.sessionId" :data-paper-id="c.paperId">
            <th scope="row" data-label="Session">Session {{ c.sessionNumber }}
              <span v-if="deadlineOf(c.sessionId)" class="critique-due">due {{ due(deadlineOf(c.sessionId)) }}</span></th>
            <td data-label="Paper">
              <span class="paper-title">“{{ c.paperTitle }}”</span>
              <p v-for="(n, i) in c.notes" :key="i" class="note">{{ n }}</p>
              <button v-if="mayReupload(c)" type="button" class="small secondary reupload" :id="'reupload-' + c.id"
                      :aria-label="'Upload a new version of your critique of “' + c.paperTitle + '” for session ' + c.sessionNumber"
                      @click="uploadFor({ sessionId: c.sessionId, paperId: c.paperId })">Upload a new version</button>
            </td>
            <td data-label="Versions">
              <version-list :versions="c.versions" :zone="zone"
                            :what="'your critique of “' + c.paperTitle + '”'" />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  </section>`,
};
