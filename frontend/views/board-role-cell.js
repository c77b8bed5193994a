// One supporting role's seats in one session on the sign-up board: who holds them, how many are free, and the
// controls to take, switch to, withdraw from, assign, remove and move (staff's controls have class "staff-control").
import { inject, ref } from 'vue';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';
import { BOARD } from './use-board.js';

export default {
  components: { ProblemBox, ConfirmStep },
  props: {
    row: { type: Object, required: true },
    c: { type: Object, required: true },   // the cell: role r, its seat, free places, whether the viewer holds it
  },
  setup() {
    // Withdrawing (or removing a holder) asks first: confirm-step.js.
    const asking = ref(null);
    const board = inject(BOARD);
    const confirmed = (...args) => {
      asking.value = null;
      return board.dropRole(...args);
    };
    return { ...board, asking, confirmed };
  },
  template: /*html*/`
    <td :id="'cell-' + c.key" tabindex="-1" :data-role-id="c.r.id"
        :data-session-id="row.s.id"
        :class="['role-cell', { full: c.seat && c.free === 0, 'has-free': c.seat && c.free > 0, mine: c.mine }]">
      <template v-if="c.seat">
        <p class="free">{{ c.free }} of {{ c.seat.capacity }} free</p>
        <ul v-if="c.seat.holders.length" class="holders" :aria-label="c.r.name + ' in session ' + row.s.number">
          <li v-for="h in c.seat.holders" :key="h.signupId" :class="['holder', { mine: isMe(h.userId) }]"
              :data-user-id="h.userId" :data-signup-id="h.signupId">
            <span v-if="isMe(h.userId)" class="label you">You</span>
            <span class="name">{{ h.name }}</span>
            <button v-if="!staff && isMe(h.userId) && mayChange(row.s)" type="button" :id="'drop-' + h.signupId"
                    :aria-expanded="asking === h.signupId ? 'true' : 'false'"
                    class="small secondary drop-role" :disabled="busy === 'drop-' + h.signupId"
                    :aria-label="'Withdraw from ' + c.r.name + ' in session ' + row.s.number"
                    @click="asking = h.signupId">Withdraw</button>
            <confirm-step v-if="!staff && asking === h.signupId" :question="'Withdraw from ' + c.r.name + ' in session ' + row.s.number + '?'"
                          yes="Yes, withdraw" no="Keep my seat" :busy="busy === 'drop-' + h.signupId"
                          @yes="confirmed(row.s, c, h)" @no="asking = null" />
            <template v-if="staff">
              <span class="holder-actions">
                <button type="button" :id="'drop-' + h.signupId" class="staff-control small secondary drop-role"
                        :aria-expanded="asking === h.signupId ? 'true' : 'false'"
                        :disabled="busy === 'drop-' + h.signupId"
                        :aria-label="'Remove ' + h.name + ' from ' + c.r.name + ' in session ' + row.s.number"
                        @click="asking = h.signupId">Remove</button>
                <button v-if="!isOpen('move', h.signupId)" type="button" :id="'move-' + h.signupId"
                        class="staff-control small secondary move-role"
                        :aria-label="'Move ' + h.name + ' from ' + c.r.name + ' in session ' + row.s.number"
                        @click="show('move', h.signupId, 'move-to-' + h.signupId)">Move</button>
              </span>
              <confirm-step v-if="asking === h.signupId" class="staff-control"
                            :question="'Remove ' + h.name + ' from ' + c.r.name + ' in session ' + row.s.number + '?'"
                            yes="Yes, remove" :busy="busy === 'drop-' + h.signupId"
                            @yes="confirmed(row.s, c, h)" @no="asking = null" />
              <form v-if="isOpen('move', h.signupId)" class="staff-control move-form inline-form"
                    @submit.prevent="moveRole(row.s, c, h)" @keydown.esc="close('move-' + h.signupId)" :aria-busy="busy === 'move-' + h.signupId">
                <div class="field">
                  <label :for="'move-to-' + h.signupId">Move {{ h.name }} to</label>
                  <select :id="'move-to-' + h.signupId" class="staff-control" v-model="form.moveTo" required>
                    <option value="" disabled>Choose a seat…</option>
                    <optgroup v-for="g in moveTargets(row.s, c.seat)" :key="g.label" :label="g.label">
                      <option v-for="o in g.options" :key="o.value" :value="o.value" :disabled="o.full">{{ o.label }}</option>
                    </optgroup>
                  </select>
                </div>
                <div class="actions">
                  <button type="submit" class="small staff-control" :disabled="busy === 'move-' + h.signupId">
                    {{ busy === 'move-' + h.signupId ? 'Moving…' : 'Move' }}</button>
                  <button type="button" class="small secondary staff-control" @click="close('move-' + h.signupId)">Cancel</button>
                </div>
              </form>
            </template>
          </li>
        </ul>
        <template v-if="!staff && c.free > 0 && !c.mine && row.s.hasRoles && !row.presenting && mayChange(row.s)">
          <button v-if="row.heldRole" type="button"
                  :id="'take-' + c.key" class="small switch-role" :disabled="busy === 'take-' + c.key"
                  :aria-label="'Switch from ' + row.heldRole.name + ' to ' + c.r.name + ' in session ' + row.s.number"
                  @click="switchRole(row.s, c, row.heldRole)">{{ busy === 'take-' + c.key ? 'Switching…' : 'Switch to this role' }}</button>
          <button v-else type="button"
                  :id="'take-' + c.key" class="small take-role" :disabled="busy === 'take-' + c.key"
                  :aria-label="'Take ' + c.r.name + ' in session ' + row.s.number"
                  @click="takeRole(row.s, c)">{{ busy === 'take-' + c.key ? 'Taking…' : 'Take' }}</button>
        </template>
        <div v-if="staff && c.free > 0 && row.s.hasRoles && row.s.kind !== 'NO_CLASS'" class="assign staff-control">
          <label class="visually-hidden" :for="'assign-' + c.key">Student to assign to {{ c.r.name }} in session {{ row.s.number }}</label>
          <select :id="'assign-' + c.key" class="staff-control" v-model="choice[c.key]">
            <option value="">Student…</option>
            <option v-for="st in students" :key="st.userId" :value="st.userId">{{ roleOption(st, row.s) }}</option>
          </select>
          <button type="button" class="staff-control small assign-role" :disabled="busy === 'assign-' + c.key"
                  :aria-label="'Assign the chosen student to ' + c.r.name + ' in session ' + row.s.number"
                  @click="assignRole(row.s, c)">Assign</button>
        </div>
      </template>
      <span v-else class="none">—<span class="visually-hidden">No {{ c.r.name }} in this session</span></span>
      <p v-if="doneIn(c.key)" class="cell-done">✓ {{ doneIn(c.key) }}</p>
      <problem-box :problem="problemFor(c.key)" />
    </td>`,
};
