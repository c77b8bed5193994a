// A session's presentations on the sign-up board: its papers, each slot and its team, and the forms to present, join,
// leave, add a member, approve or decline (staff's controls have class "staff-control").
import { inject, ref } from 'vue';
import ProblemBox from './problem-box.js';
import ConfirmStep from './confirm-step.js';
import { plural } from '../format.js';
import { BOARD } from './use-board.js';

export default {
  components: { ProblemBox, ConfirmStep },
  props: { row: { type: Object, required: true } },
  setup() {
    const teamRoom = p => {
      const left = p.maxTeamSize - p.members.length;
      return left > 0 ? `${plural(left, 'place', 'places')} free in the team` : 'Team full';
    };
    // Removing a member or a team, and leaving a team, ask first (confirm-step.js): one question open at a time.
    const asking = ref(null);
    const board = inject(BOARD);
    const confirmed = (work, ...args) => {
      asking.value = null;
      return work(...args);
    };
    // An invitation to the viewer for this team, if any (board.mine.invitations).
    const invitationTo = p => {
      const mine = board.board.value && board.board.value.mine;
      return mine && mine.invitations ? mine.invitations.find(i => i.presentationId === p.id) || null : null;
    };
    return { ...board, teamRoom, asking, confirmed, invitationTo };
  },
  template: /*html*/`
    <td class="pres-cell" :id="'pres-' + row.s.id" tabindex="-1" :data-session-id="row.s.id">
      <template v-if="row.slots.length">
        <div v-if="row.s.papers.length" class="session-papers">
          <p class="papers-title">Papers of this session:</p>
          <ul>
            <li v-for="p in row.s.papers" :key="p.paperId" :data-paper-id="p.paperId">{{ p.title }}</li>
          </ul>
        </div>
        <p class="free" :class="{ full: !row.freeSlots }">{{ row.freeSlots }} of {{ row.s.presentationSlots }}
          {{ row.s.presentationSlots === 1 ? 'slot' : 'slots' }} free</p>
        <ol class="slots">
          <li v-for="x in row.slots" :key="x.slot" :id="'slot-' + row.s.id + '-' + x.slot" tabindex="-1"
              :data-slot="x.slot" :data-presentation-id="x.p ? x.p.id : null"
              :class="['slot', x.p ? 'taken' : 'open', { mine: x.p && isMember(x.p), proposed: x.p && x.p.status === 'PROPOSED' }]">
            <span class="slot-name">Slot {{ x.slot }}:</span>
            <span v-if="!x.p" class="free-slot">free</span>
            <template v-else>
              <span class="paper-title">“{{ x.p.paperTitle }}”</span>
              <span v-if="x.p.status === 'PROPOSED'" class="label proposed-label">Proposed: awaits approval</span>
              <span v-if="!x.p.officialPaper && x.p.status !== 'PROPOSED'" class="label">not on the official list</span>
              <ul class="team" :aria-label="'Team presenting “' + x.p.paperTitle + '”'">
                <li v-for="m in x.p.members" :key="m.userId" :class="['member', { mine: isMe(m.userId) }]" :data-user-id="m.userId">
                  <span v-if="isMe(m.userId)" class="label you">You</span>
                  <span class="name">{{ m.name }}</span>
                  <button v-if="staff" type="button" :aria-expanded="asking === 'member-' + x.p.id + '-' + m.userId ? 'true' : 'false'"
                          class="staff-control small secondary remove-member"
                          :disabled="busy === 'remove-' + x.p.id + '-' + m.userId"
                          :aria-label="'Remove ' + m.name + ' from the team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                          @click="asking = 'member-' + x.p.id + '-' + m.userId">Remove</button>
                  <confirm-step v-if="asking === 'member-' + x.p.id + '-' + m.userId" class="staff-control"
                                :question="'Remove ' + m.name + ' from the team presenting “' + x.p.paperTitle + '”?'"
                                yes="Yes, remove" :busy="busy === 'remove-' + x.p.id + '-' + m.userId"
                                @yes="confirmed(removeMember, row.s, x.p, m)" @no="asking = null" />
                </li>
              </ul>
              <p v-if="x.p.invited && x.p.invited.length" class="invited">Asked to join: {{ x.p.invited.map(m => m.name).join(', ') }}
                (not in the team until they accept)</p>
              <div v-if="invitationTo(x.p)" class="invitation-answer" role="group"
                   :aria-labelledby="'invitation-' + invitationTo(x.p).id">
                <p :id="'invitation-' + invitationTo(x.p).id" class="invitation-text"><strong>{{ invitationTo(x.p).invitedBy }}
                  asked you to present “{{ x.p.paperTitle }}” together.</strong></p>
                <div class="actions">
                  <button type="button" class="small accept-invitation" :id="'accept-' + invitationTo(x.p).id"
                          :disabled="busy === 'answer-' + invitationTo(x.p).id"
                          @click="answerInvitation(row.s, x.p, invitationTo(x.p), true)">Accept<span class="visually-hidden">:
                    present “{{ x.p.paperTitle }}” in session {{ row.s.number }}</span></button>
                  <button type="button" class="small secondary decline-invitation" :id="'decline-invitation-' + invitationTo(x.p).id"
                          :disabled="busy === 'answer-' + invitationTo(x.p).id"
                          @click="answerInvitation(row.s, x.p, invitationTo(x.p), false)">Decline<span class="visually-hidden">
                    presenting “{{ x.p.paperTitle }}” in session {{ row.s.number }}</span></button>
                </div>
              </div>
              <span class="room">{{ teamRoom(x.p) }}</span>
              <span v-for="(n, i) in x.p.notes" :key="i" class="note">{{ n }}</span>
              <div class="actions">
                <button v-if="!staff && isMember(x.p) && mayChange(row.s)" type="button" :id="'leave-' + x.p.id"
                        :aria-expanded="asking === 'leave-' + x.p.id ? 'true' : 'false'"
                        class="small secondary leave-presentation" :disabled="busy === 'leave-' + x.p.id"
                        :aria-label="'Leave the team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                        @click="asking = 'leave-' + x.p.id">Leave</button>
                <button v-if="!staff && !isMember(x.p) && x.p.members.length < x.p.maxTeamSize && mayChange(row.s)"
                        type="button" :id="'join-' + x.p.id" class="small join-presentation" :disabled="busy === 'join-' + x.p.id"
                        :aria-label="'Join the team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                        @click="join(row.s, x.p)">Join</button>
                <template v-if="staff">
                  <button v-if="x.p.status === 'PROPOSED'" type="button" :id="'approve-' + x.p.id"
                          class="staff-control small approve-presentation" :disabled="busy === 'approve-' + x.p.id"
                          :aria-label="'Approve “' + x.p.paperTitle + '” for session ' + row.s.number"
                          @click="approve(row.s, x.p)">Approve</button>
                  <button v-if="x.p.status === 'PROPOSED' && !isOpen('decline', x.p.id)" type="button" :id="'decline-' + x.p.id"
                          class="staff-control small secondary decline-presentation"
                          :aria-label="'Decline “' + x.p.paperTitle + '” for session ' + row.s.number"
                          @click="show('decline', x.p.id, 'decline-reason-' + x.p.id)">Decline…</button>
                  <button type="button" :id="'remove-team-' + x.p.id" :aria-expanded="asking === 'team-' + x.p.id ? 'true' : 'false'"
                          class="staff-control small secondary remove-team"
                          :disabled="busy === 'remove-team-' + x.p.id"
                          :aria-label="'Remove the whole team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                          @click="asking = 'team-' + x.p.id">Remove team</button>
                </template>
              </div>
              <confirm-step v-if="asking === 'leave-' + x.p.id"
                            :question="'Leave the team presenting “' + x.p.paperTitle + '” in session ' + row.s.number + '?'"
                            yes="Yes, leave the team" no="Stay" :busy="busy === 'leave-' + x.p.id"
                            @yes="confirmed(leave, row.s, x.p)" @no="asking = null" />
              <confirm-step v-if="asking === 'team-' + x.p.id" class="staff-control"
                            :question="'Remove the whole team presenting “' + x.p.paperTitle + '” in session ' + row.s.number
                              + ' (' + x.p.members.map(m => m.name).join(', ') + ')?'"
                            yes="Yes, remove the team" :busy="busy === 'remove-team-' + x.p.id"
                            @yes="confirmed(removeTeam, row.s, x.p)" @no="asking = null" />
              <form v-if="staff && isOpen('decline', x.p.id)" class="staff-control decline-form inline-form"
                    @submit.prevent="decline(row.s, x.p)" @keydown.esc="close('decline-' + x.p.id)" :aria-busy="busy === 'decline-' + x.p.id">
                <div class="field">
                  <label :for="'decline-reason-' + x.p.id">Why decline “{{ x.p.paperTitle }}”?
                    <span class="optional">(optional; the team is told)</span></label>
                  <input :id="'decline-reason-' + x.p.id" type="text" class="staff-control" v-model="form.reason"
                         maxlength="500" autocomplete="off">
                </div>
                <div class="actions">
                  <button type="submit" class="danger small staff-control" :disabled="busy === 'decline-' + x.p.id">
                    {{ busy === 'decline-' + x.p.id ? 'Declining…' : 'Decline the proposal' }}</button>
                  <button type="button" class="secondary small staff-control" @click="close('decline-' + x.p.id)">Cancel</button>
                </div>
              </form>
              <div v-if="staff && x.p.members.length < x.p.maxTeamSize" class="assign staff-control">
                <label class="visually-hidden" :for="'team-' + x.p.id">Student to add to the team presenting “{{ x.p.paperTitle }}” in session {{ row.s.number }}</label>
                <select :id="'team-' + x.p.id" class="staff-control" v-model="choice['team-' + x.p.id]">
                  <option value="">Add a student…</option>
                  <option v-for="st in students" :key="st.userId" :value="st.userId">{{ presenterOption(st) }}</option>
                </select>
                <button type="button" class="staff-control small add-member" :disabled="busy === 'add-' + x.p.id"
                        :aria-label="'Add the chosen student to the team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                        @click="addMember(row.s, x.p)">Add</button>
              </div>
            </template>
          </li>
        </ol>
        <button v-if="row.freeSlots && mayChange(row.s) && !isOpen('present', row.s.id)" type="button"
                :id="'present-' + row.s.id" :class="['small', 'present-paper', { 'staff-control': staff }]"
                :aria-label="(staff ? 'Add a presenter in session ' : 'Present a paper in session ') + row.s.number"
                @click="show('present', row.s.id, 'present-paper-' + row.s.id)">{{ staff ? 'Add a presenter' : 'Present a paper' }}</button>
        <form v-if="isOpen('present', row.s.id)" class="present-form inline-form" @submit.prevent="present(row.s)"
              @keydown.esc="close('present-' + row.s.id)"
              :aria-labelledby="'present-title-' + row.s.id" :aria-busy="busy === 'present-' + row.s.id">
          <p :id="'present-title-' + row.s.id" class="form-title">{{ staff ? 'Add a presenter' : 'Present a paper' }} in session {{ row.s.number }}</p>
          <div class="field">
            <label :for="'present-paper-' + row.s.id">Paper</label>
            <select :id="'present-paper-' + row.s.id" v-model="form.paperId" required>
              <option value="" disabled>Choose a paper…</option>
              <optgroup v-for="g in paperGroups(row.s)" :key="g.label" :label="g.label">
                <option v-for="p in g.papers" :key="p.id" :value="p.id">{{ p.label }}</option>
              </optgroup>
            </select>
          </div>
          <template v-if="staff">
            <div class="field staff-control">
              <label :for="'present-student-' + row.s.id">Student</label>
              <select :id="'present-student-' + row.s.id" class="staff-control" v-model="form.studentId" required>
                <option value="" disabled>Choose a student…</option>
                <option v-for="st in students" :key="st.userId" :value="st.userId">{{ presenterOption(st) }}</option>
              </select>
            </div>
            <div class="field staff-control">
              <label :for="'present-partner-' + row.s.id">Partner <span class="optional">(optional)</span></label>
              <select :id="'present-partner-' + row.s.id" class="staff-control" v-model="form.partnerId">
                <option value="">No partner</option>
                <option v-for="st in students" :key="st.userId" :value="st.userId">{{ presenterOption(st) }}</option>
              </select>
            </div>
          </template>
          <div v-else class="field">
            <label :for="'present-partner-' + row.s.id">Partner’s email <span class="optional">(optional)</span></label>
            <input :id="'present-partner-' + row.s.id" type="email" v-model="form.partnerEmail" autocomplete="off"
                   :aria-describedby="'present-hint-' + row.s.id">
            <span :id="'present-hint-' + row.s.id" class="hint">A team has at most {{ board.maxTeamSize }}
              {{ board.maxTeamSize === 1 ? 'member' : 'members' }}. Choosing a paper that already has a team
              with a free place joins that team.</span>
          </div>
          <div class="actions">
            <button type="submit" class="small" :disabled="busy === 'present-' + row.s.id">
              {{ busy === 'present-' + row.s.id ? 'Signing up…' : (staff ? 'Sign up the presenter' : 'Sign up to present') }}</button>
            <button type="button" class="secondary small" @click="close('present-' + row.s.id)">Cancel</button>
          </div>
        </form>
      </template>
      <span v-else class="none">—<span class="visually-hidden">No presentations in this session</span></span>
      <p v-if="doneIn('pres-' + row.s.id)" class="cell-done">✓ {{ doneIn('pres-' + row.s.id) }}</p>
      <problem-box :problem="problemFor('pres-' + row.s.id)"
                   :labels="{ partnerEmail: 'Partner’s email', paperId: 'Paper', studentId: 'Student', partnerId: 'Partner' }" />
    </td>`,
};
