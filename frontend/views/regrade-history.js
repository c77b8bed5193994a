// A student's regrade requests, newest first, with what staff answered and how the grade changed (the grades page).
import { formatMoment } from '../time.js';
import { itemText } from './grade-format.js';

export default {
  props: {
    regrades: { type: Array, required: true },
    zone: { type: String, required: true },
    own: { type: Boolean, default: true },
  },
  setup(props) {
    const when = at => formatMoment(at, props.zone);
    const newestFirst = () => [...props.regrades].sort((a, b) => Date.parse(b.filedAt) - Date.parse(a.filedAt));
    return { when, newestFirst, itemText };
  },
  template: /*html*/`
    <ol class="regrade-history">
      <li v-for="r in newestFirst()" :key="r.id" :class="['regrade', 'card', r.status.toLowerCase()]" :data-regrade-id="r.id">
        <p class="regrade-head"><strong>{{ r.item ? itemText(r.item) : 'A grade since removed' }}</strong>
          <span :class="['label', r.status === 'OPEN' ? 'need-label' : 'done-label']">{{ r.status === 'OPEN' ? 'Waiting for an answer' : 'Answered' }}</span></p>
        <p class="hint">Asked <time :datetime="r.filedAt">{{ when(r.filedAt) }}</time><span v-if="!own"> by {{ r.studentName }}</span></p>
        <p class="regrade-reason"><span class="visually-hidden">Reason: </span>“{{ r.reason }}”</p>
        <div v-if="r.status === 'ANSWERED'" class="regrade-answer">
          <p><strong>{{ r.answeredBy }}</strong> answered <time :datetime="r.answeredAt">{{ when(r.answeredAt) }}</time>:</p>
          <p>“{{ r.answer }}”</p>
          <p v-if="r.newValue && r.newValue !== r.oldValue" class="success">The grade changed: {{ r.oldValue }} → {{ r.newValue }}.</p>
          <p v-else class="hint">The grade stays {{ r.oldValue || 'as it was' }}.</p>
        </div>
      </li>
    </ol>`,
};
