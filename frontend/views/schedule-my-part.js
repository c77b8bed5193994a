// On a student's schedule, their part in one session: the critique (due, handed in, late), their role, their
// presentation. Read from GET /api/courses/{id}/me, kept apart from the schedule that everyone shares.
import { computed } from 'vue';
import { formatInstant } from '../time.js';

export default {
  props: { session: { type: Object, required: true }, mine: { type: Object, required: true }, zone: { type: String, required: true } },
  setup(props) {
    const critique = computed(() => props.mine.critiques
      && props.mine.critiques.sessions.find(d => d.sessionId === props.session.id));
    const roles = computed(() => (props.mine.signups ? props.mine.signups.roles : []).filter(r => r.sessionId === props.session.id));
    const talks = computed(() => (props.mine.signups ? props.mine.signups.presentations : [])
      .filter(p => p.sessionId === props.session.id));
    const critiqueMark = computed(() => {
      const d = critique.value;
      if (!d) {
        return null;
      }
      if (d.handedIn.length) {
        const late = d.handedIn.some(h => h.late);
        return { kind: late ? 'late' : 'done', text: late ? 'Critique handed in late' : 'Critique handed in' };
      }
      if (!d.passed) {
        return { kind: 'due', text: `Critique due ${formatInstant(d.due, props.zone)}` };
      }
      return d.acceptedNow && d.openPlace ? { kind: 'late', text: 'Critique not handed in: late, still accepted' }
        : { kind: 'missed', text: 'No critique handed in' };
    });
    const empty = computed(() => !critiqueMark.value && !roles.value.length && !talks.value.length);
    return { critiqueMark, roles, talks, empty };
  },
  template: /*html*/`
    <ul v-if="!empty" class="my-part" :aria-label="'Your part in session ' + session.number">
      <li v-if="critiqueMark" :class="['label', 'critique-mark', critiqueMark.kind + '-mark']" :data-mark="critiqueMark.kind">{{ critiqueMark.text }}</li>
      <li v-for="r in roles" :key="r.roleName" class="label role-mark">Your role: {{ r.roleName }}</li>
      <li v-for="p in talks" :key="p.paperTitle" class="label presentation-mark">You present “{{ p.paperTitle }}”</li>
    </ul>`,
};
