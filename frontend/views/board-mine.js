// The student's own part of the sign-up board: what they present, the roles they hold, the blocks still needing a
// role from them, and the changes made to their sign-ups (by them, by staff or by a freeze).
import { ref, computed, inject } from 'vue';
import { plural } from '../format.js';
import { BOARD } from './use-board.js';

export default {
  setup() {
    const { board, isMe, isMember, blockName, when } = inject(BOARD);
    const myPresentations = computed(() => (board.value && board.value.mine
      ? board.value.sessions.flatMap(s => s.presentations.filter(isMember)) : []));
    const myRoles = computed(() => (board.value && board.value.mine
      ? board.value.sessions.flatMap(s => s.seats.flatMap(seat => seat.holders.filter(h => isMe(h.userId))
        .map(() => `${seat.roleName} in session ${s.number}`))) : []));
    const presentationSummary = computed(() => {
      const mine = board.value.mine;
      const list = myPresentations.value;
      const required = plural(mine.presentationsRequired, 'presentation', 'presentations');
      if (!list.length && !mine.presentationsRequired) {
        return 'This course asks for no presentation.';
      }
      if (!list.length) {
        return `You have not signed up to present yet (this course asks for ${required}).`;
      }
      const told = list.map(p => `“${p.paperTitle}” in session ${p.sessionNumber}`
        + (p.status === 'PROPOSED' ? ' (proposed: awaits approval)' : '')).join('; ');
      return `You present ${told}` + (list.length < mine.presentationsRequired ? ` (this course asks for ${required}).` : '.');
    });
    const gapsSummary = computed(() => {
      if (!board.value.roles.length) {
        return 'This course has no supporting roles: there is no role to sign up for.';
      }
      if (!board.value.blocks.length) {
        return 'This course has no sessions with supporting roles.';
      }
      const missing = board.value.mine.blocksMissingRole;
      return missing.length
        ? `Blocks still needing a supporting role from you: ${missing.map(blockName).join(', ')}.`
        : 'You hold a supporting role in every block.';
    });

    const showAllNotices = ref(false);
    const notices = computed(() => (board.value ? board.value.notices : []));
    const shownNotices = computed(() => (showAllNotices.value ? notices.value : notices.value.slice(0, 5)));

    return { board, myRoles, presentationSummary, gapsSummary, showAllNotices, notices, shownNotices, when };
  },
  template: /*html*/`
    <section v-if="board.mine" id="my-signups" class="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading" class="h3">Your sign-ups</h2>
      <p id="my-presentation">{{ presentationSummary }}</p>
      <p v-if="board.roles.length" id="my-roles">{{ myRoles.length ? 'Your supporting roles: ' + myRoles.join('; ') + '.' : 'You hold no supporting role yet.' }}</p>
      <p id="my-gaps" :class="{ 'has-gaps': board.mine.blocksMissingRole.length }">{{ gapsSummary }}</p>
    </section>

    <section v-if="board.mine" id="notices" class="card" aria-labelledby="notices-heading">
      <h2 id="notices-heading" class="h3">Changes to your sign-ups</h2>
      <p v-if="!notices.length">Nothing has happened to your sign-ups yet.</p>
      <ul v-else class="notices">
        <li v-for="(n, i) in shownNotices" :key="i" class="notice-item">
          <time :datetime="n.at" class="when">{{ when(n.at) }}</time> {{ n.detail }}</li>
      </ul>
      <button v-if="notices.length > 5" type="button" id="all-notices" class="secondary small"
              :aria-expanded="showAllNotices ? 'true' : 'false'" @click="showAllNotices = !showAllNotices">
        {{ showAllNotices ? 'Show only the latest 5' : 'Show all ' + notices.length }}</button>
    </section>`,
};
