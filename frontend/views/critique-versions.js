// The versions of one critique, newest first: when each came in, how it was judged, its fingerprint and a download
// link. Used in the student's own table and in the staff's view of any critique.
import { formatMoment, durationWords } from '../time.js';
import { plural, formatSize, formatPercent } from '../format.js';

/** What the page says about the timing of a version when it is late: minutes, grace spent, points kept. */
export function lateFacts(v, graceUnit) {
  if (!v.late) {
    return '';
  }
  const parts = [`${durationWords(v.minutesLate)} late`];
  if (v.graceSpent) {
    const unit = graceUnit === 'HOURS' ? 'hour' : 'day';
    parts.push(`${plural(v.graceSpent, 'grace ' + unit, 'grace ' + unit + 's')} spent`);
  }
  parts.push(`${formatPercent(v.keepPercent)} % of the points kept`);
  return parts.join('; ');
}

export default {
  props: {
    versions: { type: Array, required: true },
    zone: { type: String, required: true },
    // Says whose critique it is in the download links' names: "your critique of “…”" or "Student 3's critique of “…”".
    what: { type: String, required: true },
  },
  setup(props) {
    const newestFirst = () => [...props.versions].sort((a, b) => b.version - a.version);
    const when = v => formatMoment(v.uploadedAt, props.zone);
    const facts = v => [plural(v.pages, 'page', 'pages'), plural(v.words, 'word', 'words')].join(', ');
    return { newestFirst, when, facts, formatSize };
  },
  template: /*html*/`
    <ol class="versions" reversed>
      <li v-for="(v, i) in newestFirst()" :key="v.id" :class="['version', { late: v.late, current: i === 0 }]"
          :data-version-id="v.id" :data-version="v.version">
        <p class="version-head">
          <strong>Version {{ v.version }}</strong><span v-if="i === 0" class="label current-label">Current</span>
          <span v-else class="label">Replaced</span>
          <span v-if="v.late" class="label late-label">Late</span>
          <span v-if="v.byStaff" class="label staff-label">Uploaded by staff</span>
        </p>
        <p class="version-when">Uploaded <time :datetime="v.uploadedAt">{{ when(v) }}</time></p>
        <p class="version-timing">{{ v.timing }}</p>
        <p class="version-facts">{{ facts(v) }}</p>
        <details class="version-details">
          <summary>Details<span class="visually-hidden"> of version {{ v.version }}</span></summary>
          <p class="version-id">Version id {{ v.id }}; {{ formatSize(v.sizeBytes) }}</p>
          <p class="version-sha">SHA-256: <code class="sha256">{{ v.sha256 }}</code></p>
        </details>
        <ul v-if="v.warnings.length" class="warnings" :aria-label="'Warnings about version ' + v.version">
          <li v-for="(w, j) in v.warnings" :key="j" class="warning"><strong>Warning:</strong> {{ w }}</li>
        </ul>
        <a class="download-version" :href="'/api/critiques/' + v.id + '/file'" download>Download version {{ v.version }}
          <span class="visually-hidden">of {{ what }}</span> (PDF)</a>
      </li>
    </ol>`,
};
