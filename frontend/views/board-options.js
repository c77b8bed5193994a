// On a phone, the sign-up board as a list of what the student may do in each open session: the roles with a free
// seat (take or switch), the role they hold (withdraw), and whether presenting is still possible there. It uses the
// board's own actions and element ids, so focus and messages land as they do in the table (one of the two is shown).
import { inject, computed, ref } from 'vue';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';
import { plural } from '../format.js';
import { BOARD } from './use-board.js';

export default {
  components: { ProblemBox, ConfirmStep },
  emits: ['present'],
  setup() {
    const b = inject(BOARD);
    // Presenting is offered while the student presents fewer times than the course asks.
    const mayPresent = computed(() => !!b.board.value.mine
      && b.board.value.mine.presentationIds.length < b.board.value.mine.presentationsRequired);
    const options = computed(() => b.rows.value.filter(row => row.s.kind !== 'NO_CLASS' && b.mayChange(row.s)
      && (row.s.hasRoles || (row.freeSlots > 0 && mayPresent.value))));
    const held = c => (c.seat ? c.seat.holders.find(h => b.isMe(h.userId)) : null);
    // Withdrawing asks first, as in the table (board-role-cell.js): confirm-step.js.
    const asking = ref(null);
    const confirmed = (...args) => {
      asking.value = null;
      return b.dropRole(...args);
    };
    return { ...b, options, held, plural, mayPresent, asking, confirmed };
  },
  template: /*html*/`
    <section id="my-options" aria-labelledby="my-options-heading">
      <h2 id="my-options-heading" class="h3">Your options</h2>
      <p v-if="!options.length" class="hint">No open session has a seat or a slot you could take now.</p>
      <ul v-else class="option-list">
        <li v-for="row in options" :key="row.s.id" :id="'option-' + row.s.id" :data-session-id="row.s.id"
            :class="['card', 'option', { 'needs-me': row.needsMe }]">
          <h3 class="h4">Session {{ row.s.number }}, <time :datetime="row.s.date">{{ day(row.s) }}</time>: {{ row.s.topic }}</h3>
          <p class="labels">
            <span v-if="row.needsMe" class="label need-label">Needs your role</span>
            <span v-if="row.presenting" class="label you">You present</span>
            <span class="freeze">Freezes <time :datetime="row.s.freezesAt">{{ when(row.s.freezesAt) }}</time></span>
          </p>
          <ul v-if="row.s.hasRoles && !row.presenting" class="option-roles" :aria-label="'Roles in session ' + row.s.number">
            <template v-for="c in row.cells" :key="c.key">
              <li v-if="c.seat && (c.mine || c.free > 0)" :id="'cell-' + c.key" tabindex="-1" class="option-role" :data-role-id="c.r.id">
                <span class="role-name">{{ c.r.name }}</span>
                <span v-if="c.mine" class="label you">You</span>
                <span v-else class="free">{{ c.free }} of {{ c.seat.capacity }} free</span>
                <button v-if="c.mine" type="button" :id="'drop-' + held(c).signupId" class="small secondary drop-role"
                        :disabled="busy === 'drop-' + held(c).signupId"
                        :aria-expanded="asking === held(c).signupId ? 'true' : 'false'"
                        :aria-label="'Withdraw from ' + c.r.name + ' in session ' + row.s.number"
                        @click="asking = held(c).signupId">Withdraw</button>
                <button v-else-if="row.heldRole" type="button" :id="'take-' + c.key" class="small switch-role"
                        :disabled="busy === 'take-' + c.key"
                        :aria-label="'Switch from ' + row.heldRole.name + ' to ' + c.r.name + ' in session ' + row.s.number"
                        @click="switchRole(row.s, c, row.heldRole)">{{ busy === 'take-' + c.key ? 'Switching…' : 'Switch' }}</button>
                <button v-else type="button" :id="'take-' + c.key" class="small take-role" :disabled="busy === 'take-' + c.key"
                        :aria-label="'Take ' + c.r.name + ' in session ' + row.s.number"
                        @click="takeRole(row.s, c)">{{ busy === 'take-' + c.key ? 'Taking…' : 'Take' }}</button>
                <confirm-step v-if="c.mine && asking === held(c).signupId"
                              :question="'Withdraw from ' + c.r.name + ' in session ' + row.s.number + '?'"
                              yes="Yes, withdraw" no="Keep my seat" :busy="busy === 'drop-' + held(c).signupId"
                              @yes="confirmed(row.s, c, held(c))" @no="asking = null" />
                <p v-if="doneIn(c.key)" class="cell-done">✓ {{ doneIn(c.key) }}</p>
                <problem-box :problem="problemFor(c.key)" />
              </li>
            </template>
          </ul>
          <p v-if="row.freeSlots > 0 && !row.presenting && mayPresent" class="option-present">
            {{ plural(row.freeSlots, 'presentation slot', 'presentation slots') }} free.
            <button type="button" class="small secondary" :id="'choose-paper-' + row.s.id"
                    @click="$emit('present', row.s.id)">Choose a paper to present</button></p>
        </li>
      </ul>
    </section>`,
};
