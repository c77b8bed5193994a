// The sign-up board: each presentation session × its presentation slots and supporting roles, who holds each seat
// and how many are free. Students sign themselves up and withdraw until the session freezes; staff assign, move and
// remove anyone at any time, and approve or decline proposed papers (every such control has class "staff-control").
// The page reads the board (useBoard) and changes it (useBoardChanges), and provides both to its parts.
import { provide, ref, onUnmounted } from 'vue';
import BoardOptions from './board-options.js';
import { focusLater } from '../focus.js';
import ProblemBox from './problem-box.js';
import BoardMine from './board-mine.js';
import BoardPresentations from './board-presentations.js';
import BoardRoleCell from './board-role-cell.js';
import { useBoard, BOARD } from './use-board.js';
import { useBoardChanges } from './use-board-changes.js';

export default {
  components: { ProblemBox, BoardMine, BoardPresentations, BoardRoleCell, BoardOptions },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const reading = useBoard(props);
    const parts = { ...reading, ...useBoardChanges(reading) };
    provide(BOARD, parts);
    // On a phone a student sees their options as a list; the whole table is one click away.
    const narrow = window.matchMedia('(max-width: 40rem)');
    const phone = ref(narrow.matches);
    const onWidth = e => { phone.value = e.matches; };
    narrow.addEventListener('change', onWidth);
    onUnmounted(() => narrow.removeEventListener('change', onWidth));
    const wholeTable = ref(false);
    function showTable(sessionId) {
      wholeTable.value = true;
      focusLater(sessionId ? `pres-${sessionId}` : 'board-heading');
    }
    return { ...parts, phone, wholeTable, showTable };
  },
  template: /*html*/`
    <div class="board-page">
      <p class="breadcrumb"><a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a></p>
      <h1>Sign-ups<span v-if="course">: {{ course.code }}</span></h1>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="!board && !loadProblem" class="loading">Loading the sign-up board…</p>

      <template v-if="board">
        <p v-if="!board.open" id="not-open" class="card notice">
          Sign-ups open on {{ board.opensAt ? when(board.opensAt) : 'a date staff have yet to set' }}.
          <span v-if="staff">Staff can assign students already.</span>
          <span v-else>Until then you can look at the board.</span>
        </p>

        <board-mine v-if="board.mine" />

        <nav v-if="staff" class="course-links staff-control" aria-label="Sign-up administration">
          <ul class="nav-list">
            <li><a id="coverage-link" class="staff-control" :href="'#/courses/' + courseId + '/coverage'">Coverage, auto-fill and audit trail</a></li>
          </ul>
        </nav>

        <details v-if="board.roles.length" id="role-descriptions" class="about">
          <summary>What the supporting roles do</summary>
          <dl class="roles">
            <template v-for="r in board.roles" :key="r.id">
              <dt>{{ r.name }} <span class="optional">({{ r.capacity }} per session)</span></dt>
              <dd>{{ r.description }}</dd>
            </template>
          </dl>
        </details>

        <div class="section-head">
          <h2 id="board-heading" tabindex="-1">Board</h2>
          <div class="section-actions">
            <button type="button" id="refresh-board" class="secondary" :disabled="refreshing" @click="refresh">
              {{ refreshing ? 'Refreshing…' : 'Refresh' }}</button>
          </div>
        </div>
        <p class="hint board-key">
          <span class="label you">You</span> marks your own seat.
          <span class="label frozen-label">Frozen</span> sessions are closed to students’ changes
          <span v-if="staff">(not to staff)</span><span v-else>(ask staff to change them)</span>.
          <span v-if="!phone || staff || wholeTable">The table scrolls sideways on a small screen.</span>
        </p>

        <template v-if="phone && !staff && rows.length">
          <board-options v-if="!wholeTable" @present="showTable" />
          <button type="button" id="toggle-table" class="secondary" @click="wholeTable ? (wholeTable = false) : showTable()">
            {{ wholeTable ? 'Show your options as a list' : 'Show the whole table' }}</button>
        </template>
        <p v-if="!rows.length">No session of this course has presentation slots or supporting roles.</p>
        <div v-else-if="!phone || staff || wholeTable" class="table-wrap board-wrap" role="region" aria-labelledby="board-caption" tabindex="0">
          <table id="board" class="board">
            <caption id="board-caption"><span class="caption-text">Sign-ups by session: presentation slots and supporting roles, with free seats</span></caption>
            <thead>
              <tr>
                <th scope="col" class="session-col">Session</th>
                <th scope="col" class="pres-col">Presentations</th>
                <th v-for="r in board.roles" :key="r.id" scope="col" class="role-col" :data-role-id="r.id" :title="r.description">
                  {{ r.name }}</th>
              </tr>
            </thead>
            <tbody>
              <tr v-for="row in rows" :key="row.s.id" :id="'row-' + row.s.id" :data-session-number="row.s.number"
                  :data-session-id="row.s.id"
                  :class="{ frozen: row.s.frozen, cancelled: row.s.kind === 'NO_CLASS', 'needs-me': row.needsMe }">
                <th scope="row" class="session-cell">
                  <span class="number">Session {{ row.s.number }}</span>
                  <time class="date" :datetime="row.s.date">{{ day(row.s) }}</time>
                  <span class="topic">{{ row.s.topic }}</span>
                  <span class="labels">
                    <span v-if="row.s.frozen" class="label frozen-label">Frozen</span>
                    <span v-if="row.s.kind === 'NO_CLASS'" class="label no-class-label">No class</span>
                    <span v-if="row.presenting" class="label you">You present</span>
                    <span v-if="row.needsMe" class="label need-label">Needs your role</span>
                  </span>
                  <span v-if="row.s.block !== null" class="block">Block: {{ blockName(row.s.block) }}</span>
                  <span v-if="row.s.kind !== 'NO_CLASS'" class="freeze">{{ row.s.frozen ? 'Froze' : 'Freezes' }}
                    <time :datetime="row.s.freezesAt">{{ when(row.s.freezesAt) }}</time></span>
                  <span v-for="(n, i) in row.s.notes" :key="i" class="note">{{ n }}</span>
                </th>

                <board-presentations :row="row" />

                <board-role-cell v-for="c in row.cells" :key="c.r.id" :row="row" :c="c" />
              </tr>
            </tbody>
          </table>
        </div>
      </template>
    </div>`,
};

