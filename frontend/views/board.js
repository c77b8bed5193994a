// The sign-up board: each presentation session × its presentation slots and supporting roles, who holds each seat
// and how many are free. Students sign themselves up and withdraw until the session freezes; staff assign, move and
// remove anyone at any time, and approve or decline proposed papers (every such control has class "staff-control").
import { ref, reactive, computed, nextTick, watch } from 'vue';
import { get, post, del, problemOf } from '../api.js';
import { store, courseOf, isStaff, announce } from '../store.js';
import { formatDay, formatInstant, browserZone } from '../time.js';
import ProblemBox from './problem-box.js';
import { focusLater, restoreFocus } from '../focus.js';
import { plural } from '../format.js';

export default {
  components: { ProblemBox },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const base = `/api/courses/${props.courseId}`;
    const course = ref(courseOf(props.courseId) || null);
    const board = ref(null);
    const papers = ref([]);
    const students = ref([]);
    const loadProblem = ref(null);
    const staff = computed(() => (board.value ? board.value.viewerRole !== 'STUDENT' : isStaff(course.value)));
    const zone = computed(() => (course.value && course.value.timeZone) || browserZone);

    async function loadStudents() {
      const roster = await get(`${base}/roster`);
      students.value = roster.filter(p => p.role === 'STUDENT')
        .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
    }

    async function load() {
      try {
        const [b, p] = await Promise.all([get(`${base}/signups/board`), get(`${base}/papers`)]);
        papers.value = p;
        if (b.viewerRole !== 'STUDENT') {
          await loadStudents();
        }
        board.value = b;
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }
    load();

    async function reloadBoard() {
      try {
        board.value = await get(`${base}/signups/board`);
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }

    const refreshing = ref(false);
    async function refresh() {
      refreshing.value = true;
      await reloadBoard();
      refreshing.value = false;
      if (!loadProblem.value) {
        announce('The board is up to date.');
      }
    }

    // Reading the board

    const me = computed(() => (board.value && board.value.mine ? board.value.mine.userId : null));
    const isMe = userId => me.value !== null && userId === me.value;
    const isMember = p => p.members.some(m => isMe(m.userId));
    const blockName = index => {
      const block = board.value && board.value.blocks.find(b => b.index === index);
      return block ? block.name : `block ${index + 1}`;
    };
    /** Students change their sign-ups only while sign-ups are open and the session is not frozen; staff always. */
    const mayChange = s => s.kind !== 'NO_CLASS' && (staff.value || (board.value.open && !s.frozen));

    // The grid: one row per session with slots or roles, and any other session that still holds sign-ups or notes.
    const rows = computed(() => {
      if (!board.value) {
        return [];
      }
      const roles = board.value.roles;
      return board.value.sessions
        .filter(s => s.presentationSlots > 0 || s.hasRoles || s.presentations.length
          || s.seats.some(seat => seat.holders.length) || s.notes.length)
        .map(s => {
          const slots = [];
          for (let i = 1; i <= s.presentationSlots; i++) {
            slots.push({ slot: i, p: s.presentations.find(p => p.slot === i) || null });
          }
          s.presentations.filter(p => p.slot > s.presentationSlots).forEach(p => slots.push({ slot: p.slot, p }));
          const cells = roles.map(r => {
            const seat = s.seats.find(x => x.roleId === r.id) || null;
            return { r, seat, key: `${s.id}-${r.id}`, free: seat ? Math.max(0, seat.capacity - seat.holders.length) : 0,
              mine: !!seat && seat.holders.some(h => isMe(h.userId)) };
          });
          const held = cells.find(c => c.mine);
          return { s, slots, freeSlots: slots.filter(x => !x.p).length, cells,
            presenting: s.presentations.some(isMember), heldRole: held ? held.r : null,
            needsMe: !!board.value.mine && s.block !== null && board.value.mine.blocksMissingRole.includes(s.block) };
        });
    });

    // Where each student stands, for the staff's choice lists: which blocks they cover, what they do in each session.
    const standing = computed(() => {
      const map = new Map();
      const of = id => {
        if (!map.has(id)) {
          map.set(id, { blocks: new Set(), here: new Map(), presents: [] });
        }
        return map.get(id);
      };
      for (const s of board.value ? board.value.sessions : []) {
        for (const seat of s.seats) {
          for (const h of seat.holders) {
            const x = of(h.userId);
            if (s.block !== null) {
              x.blocks.add(s.block);
            }
            x.here.set(s.id, `holds ${seat.roleName} here`);
          }
        }
        for (const p of s.presentations) {
          for (const m of p.members) {
            const x = of(m.userId);
            x.here.set(s.id, 'presents here');
            x.presents.push(s.number);
          }
        }
      }
      return map;
    });
    function roleOption(student, s) {
      const x = standing.value.get(student.userId);
      const here = x && x.here.get(s.id);
      if (here) {
        return `${student.name} (${here})`;
      }
      if (s.block !== null && !(x && x.blocks.has(s.block))) {
        return `${student.name} (no role in ${blockName(s.block)} yet)`;
      }
      return student.name;
    }
    function presenterOption(student) {
      const x = standing.value.get(student.userId);
      return x && x.presents.length
        ? `${student.name} (presents in session ${x.presents.join(', ')})` : student.name;
    }

    // The papers a student may choose: the session's readings first, then the other official papers, then the rest
    // (presenting one of those is a proposal that staff approve).
    function paperGroups(s) {
      const onList = new Set(s.papers.map(p => p.paperId));
      const teamNote = paperId => {
        const p = s.presentations.find(x => x.paperId === paperId);
        if (!p) {
          return '';
        }
        return p.members.length < p.maxTeamSize ? ' — join its team (a place is free)' : ' — its team is full';
      };
      const reading = s.papers.map(p => ({ id: p.paperId, label: p.title + teamNote(p.paperId) }));
      const others = papers.value.filter(p => !onList.has(p.id));
      return [
        { label: `Readings of session ${s.number}`, papers: reading },
        { label: 'Other official papers', papers: others.filter(p => p.official).map(p => ({ id: p.id, label: p.title + teamNote(p.id) })) },
        { label: 'Other papers (a proposal: staff must approve it)',
          papers: others.filter(p => !p.official).map(p => ({ id: p.id, label: p.title + teamNote(p.id) })) },
      ].filter(g => g.papers.length);
    }

    function moveTargets(from, seat) {
      return rows.value.filter(row => row.s.hasRoles).map(row => ({
        label: `Session ${row.s.number}`,
        options: row.cells.filter(c => c.seat && !(row.s.id === from.id && c.r.id === seat.roleId)).map(c => ({
          value: `${row.s.id}:${c.r.id}`, full: c.free === 0,
          label: `${c.r.name} in session ${row.s.number} (${c.free === 0 ? 'full' : c.free + ' of ' + c.seat.capacity + ' free'})`,
        })),
      }));
    }

    // Changing it: one form open at a time, one request at a time, and the problem shown in the cell it concerns.

    const open = reactive({ what: null, id: null });
    const form = reactive({ paperId: '', partnerEmail: '', studentId: '', partnerId: '', reason: '', moveTo: '' });
    const choice = reactive({});  // staff's student choice per role cell or team
    // Every choice list starts at its "Choose…" option (a select bound to a missing key would show nothing chosen).
    watch(board, b => {
      for (const s of b ? b.sessions : []) {
        s.seats.forEach(seat => { choice[`${s.id}-${seat.roleId}`] ??= ''; });
        s.presentations.forEach(p => { choice[`team-${p.id}`] ??= ''; });
      }
    });
    const busy = ref(null);
    const problem = reactive({ key: null, value: null });
    const problemFor = key => (problem.key === key ? problem.value : null);
    // The last success is also written in the cell it concerns, for eyes that are on the grid, not the status line.
    const done = reactive({ key: null, text: '' });
    const doneIn = key => (done.key === key ? done.text : '');

    function show(what, id, focusId) {
      open.what = what;
      open.id = id;
      Object.assign(form, { paperId: '', partnerEmail: '', studentId: '', partnerId: '', reason: '', moveTo: '' });
      focusLater(focusId);
    }
    function close(focusId) {
      open.what = null;
      open.id = null;
      if (focusId) {
        focusLater(focusId);
      }
    }
    const isOpen = (what, id) => open.what === what && open.id === id;

    /**
     * Sends one change. Success is said in the status region at once, before the quiet reload, and focus goes where
     * the user will act next; a refusal is shown next to the control, and the board reloaded in case it was stale.
     */
    async function act({ key, cell, request, success, focus, fallback }) {
      const control = document.activeElement;
      let failed = false;
      busy.value = key;
      problem.key = null;
      problem.value = null;
      done.key = null;
      store.status = '';  // an earlier success must not stand next to this change's outcome
      try {
        const result = await request();
        close();
        const message = typeof success === 'function' ? success(result) : success;
        announce(message);
        done.key = cell;
        done.text = message;
        await reloadBoard();
        focusLater(typeof focus === 'function' ? focus(result) : focus, fallback);
      } catch (e) {
        failed = true;
        problem.key = cell;
        problem.value = problemOf(e);
        if (e.status === 409 || e.status === 404) {
          await reloadBoard();
        }
      } finally {
        busy.value = null;
        if (failed) {
          restoreFocus(control, fallback);
        }
      }
    }

    function requireChoice(cell, value, what) {
      if (value) {
        return true;
      }
      done.key = null;
      problem.key = cell;
      problem.value = { detail: `Choose ${what} first.`, errors: [] };
      return false;
    }

    const rolePath = (s, roleId) => `${base}/sessions/${s.id}/roles/${roleId}/signups`;
    const studentName = id => (students.value.find(x => x.userId === id) || {}).name || 'The student';

    function takeRole(s, c) {
      return act({ key: `take-${c.key}`, cell: c.key, fallback: `cell-${c.key}`,
        request: () => post(rolePath(s, c.r.id), {}),
        success: `You took ${c.r.name} in session ${s.number}.`,
        focus: r => `drop-${r.id}` });
    }

    /** One request: the new seat is taken and the held role given up together, or nothing changes. */
    function switchRole(s, c, from) {
      return act({ key: `take-${c.key}`, cell: c.key, fallback: `cell-${c.key}`,
        request: () => post(rolePath(s, c.r.id), { replace: true }),
        success: `You switched from ${from.name} to ${c.r.name} in session ${s.number}.`,
        focus: r => `drop-${r.id}` });
    }

    function assignRole(s, c) {
      const studentId = Number(choice[c.key]);
      if (!requireChoice(c.key, studentId, `the student to assign to ${c.r.name} in session ${s.number}`)) {
        return null;
      }
      return act({ key: `assign-${c.key}`, cell: c.key, fallback: `cell-${c.key}`,
        request: () => post(rolePath(s, c.r.id), { studentId }),
        success: r => {
          choice[c.key] = '';
          return `${r.name} now holds ${c.r.name} in session ${s.number}.`;
        },
        focus: `assign-${c.key}` });
    }

    function dropRole(s, c, h) {
      const own = isMe(h.userId);
      return act({ key: `drop-${h.signupId}`, cell: c.key, fallback: `cell-${c.key}`,
        request: () => del(`${rolePath(s, c.r.id)}/${h.signupId}`),
        success: own ? `You withdrew from ${c.r.name} in session ${s.number}.`
          : `${h.name} no longer holds ${c.r.name} in session ${s.number}.`,
        focus: staff.value ? `assign-${c.key}` : `take-${c.key}` });
    }

    function moveRole(s, c, h) {
      if (!requireChoice(c.key, form.moveTo, `where to move ${h.name}`)) {
        return null;
      }
      const [sessionId, roleId] = form.moveTo.split(':').map(Number);
      const target = board.value.sessions.find(x => x.id === sessionId);
      return act({ key: `move-${h.signupId}`, cell: c.key, fallback: `cell-${c.key}`,
        request: () => post(`${rolePath(s, c.r.id)}/${h.signupId}/move`, { sessionId, roleId }),
        success: r => `Moved ${h.name} to ${r.roleName} in session ${target ? target.number : ''}.`,
        focus: r => `drop-${r.id}` });
    }

    const presentationPath = s => `${base}/sessions/${s.id}/presentations`;
    const others = r => r.members.filter(m => !isMe(m.userId)).map(m => m.name);

    function present(s) {
      const cell = `pres-${s.id}`;
      const paperId = Number(form.paperId);
      if (!requireChoice(cell, paperId, 'a paper')) {
        return null;
      }
      let body;
      if (staff.value) {
        const studentId = Number(form.studentId);
        if (!requireChoice(cell, studentId, 'the student who presents')) {
          return null;
        }
        body = { paperId, studentId, ...(form.partnerId ? { partnerId: Number(form.partnerId) } : {}) };
      } else {
        body = { paperId, ...(form.partnerEmail.trim() ? { partnerEmail: form.partnerEmail.trim() } : {}) };
      }
      return act({ key: `present-${s.id}`, cell, fallback: `present-${s.id}`,
        request: () => post(presentationPath(s), body),
        success: r => {
          const what = `“${r.paperTitle}” in session ${s.number} (slot ${r.slot})`;
          const proposal = r.status === 'PROPOSED' ? ' It is a proposal: staff must approve the paper.' : '';
          if (staff.value) {
            return `${r.members.map(m => m.name).join(' and ')} ${r.members.length === 1 ? 'presents' : 'present'} ${what}.`;
          }
          const team = others(r);
          return `You are signed up to present ${what}${team.length ? ' with ' + team.join(' and ') : ''}.${proposal}`;
        },
        focus: r => (staff.value ? `slot-${s.id}-${r.slot}` : `leave-${r.id}`) });
    }

    function join(s, p) {
      return act({ key: `join-${p.id}`, cell: `pres-${s.id}`, fallback: `slot-${s.id}-${p.slot}`,
        request: () => post(presentationPath(s), { paperId: p.paperId }),
        success: `You joined the team presenting “${p.paperTitle}” in session ${s.number}.`,
        focus: `leave-${p.id}` });
    }

    function addMember(s, p) {
      const key = `team-${p.id}`;
      const studentId = Number(choice[key]);
      if (!requireChoice(`pres-${s.id}`, studentId, `the student to add to the team presenting “${p.paperTitle}”`)) {
        return null;
      }
      return act({ key: `add-${p.id}`, cell: `pres-${s.id}`, fallback: `slot-${s.id}-${p.slot}`,
        request: () => post(presentationPath(s), { paperId: p.paperId, studentId }),
        success: () => {
          choice[key] = '';
          return `${studentName(studentId)} joined the team presenting “${p.paperTitle}” in session ${s.number}.`;
        },
        focus: `slot-${s.id}-${p.slot}` });
    }

    function leave(s, p) {
      return act({ key: `leave-${p.id}`, cell: `pres-${s.id}`, fallback: `pres-${s.id}`,
        request: () => del(`${presentationPath(s)}/${p.id}`),
        success: `You left the team presenting “${p.paperTitle}” in session ${s.number}.`,
        focus: `present-${s.id}` });
    }

    function removeMember(s, p, m) {
      return act({ key: `remove-${p.id}-${m.userId}`, cell: `pres-${s.id}`, fallback: `pres-${s.id}`,
        request: () => del(`${presentationPath(s)}/${p.id}?studentId=${m.userId}`),
        success: `${m.name} no longer presents “${p.paperTitle}” in session ${s.number}.`,
        focus: `slot-${s.id}-${p.slot}` });
    }

    function removeTeam(s, p) {
      return act({ key: `remove-team-${p.id}`, cell: `pres-${s.id}`, fallback: `pres-${s.id}`,
        request: () => del(`${presentationPath(s)}/${p.id}`),
        success: `The team presenting “${p.paperTitle}” was removed from session ${s.number}.`,
        focus: `slot-${s.id}-${p.slot}` });
    }

    function approve(s, p) {
      return act({ key: `approve-${p.id}`, cell: `pres-${s.id}`, fallback: `pres-${s.id}`,
        request: () => post(`${base}/presentations/${p.id}/approve`),
        success: `Approved “${p.paperTitle}” for session ${s.number}.`,
        focus: `slot-${s.id}-${p.slot}` });
    }

    function decline(s, p) {
      const reason = form.reason.trim();
      return act({ key: `decline-${p.id}`, cell: `pres-${s.id}`, fallback: `pres-${s.id}`,
        request: () => post(`${base}/presentations/${p.id}/decline`, reason ? { reason } : {}),
        success: `Declined “${p.paperTitle}” for session ${s.number}; the slot is free and the team is told.`,
        focus: `slot-${s.id}-${p.slot}` });
    }

    // What the student sees about themselves

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

    const day = s => formatDay(s.date);
    const when = instant => formatInstant(instant, zone.value);
    const teamRoom = p => {
      const left = p.maxTeamSize - p.members.length;
      return left > 0 ? `${plural(left, 'place', 'places')} free in the team` : 'Team full';
    };

    return {
      course, board, students, loadProblem, staff, refresh, refreshing, rows, isMe, isMember, blockName, mayChange,
      roleOption, presenterOption, paperGroups, moveTargets, open, form, choice, busy, problemFor, doneIn, show, close, isOpen,
      takeRole, switchRole, assignRole, dropRole, moveRole, present, join, addMember, leave, removeMember, removeTeam, approve,
      decline, myRoles, presentationSummary, gapsSummary, showAllNotices, notices, shownNotices, day, when, teamRoom,
    };
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
        </section>

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
          The table scrolls sideways on a small screen.
        </p>

        <p v-if="!rows.length">No session of this course has presentation slots or supporting roles.</p>
        <div v-else class="table-wrap board-wrap" role="region" aria-labelledby="board-caption" tabindex="0">
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
                              <button v-if="staff" type="button" class="staff-control small secondary remove-member"
                                      :disabled="busy === 'remove-' + x.p.id + '-' + m.userId"
                                      :aria-label="'Remove ' + m.name + ' from the team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                                      @click="removeMember(row.s, x.p, m)">Remove</button>
                            </li>
                          </ul>
                          <span class="room">{{ teamRoom(x.p) }}</span>
                          <span v-for="(n, i) in x.p.notes" :key="i" class="note">{{ n }}</span>
                          <div class="actions">
                            <button v-if="!staff && isMember(x.p) && mayChange(row.s)" type="button" :id="'leave-' + x.p.id"
                                    class="small secondary leave-presentation" :disabled="busy === 'leave-' + x.p.id"
                                    :aria-label="'Leave the team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                                    @click="leave(row.s, x.p)">Leave</button>
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
                              <button type="button" :id="'remove-team-' + x.p.id" class="staff-control small secondary remove-team"
                                      :disabled="busy === 'remove-team-' + x.p.id"
                                      :aria-label="'Remove the whole team presenting “' + x.p.paperTitle + '” in session ' + row.s.number"
                                      @click="removeTeam(row.s, x.p)">Remove team</button>
                            </template>
                          </div>
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
                </td>

                <td v-for="c in row.cells" :key="c.r.id" :id="'cell-' + c.key" tabindex="-1" :data-role-id="c.r.id"
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
                                class="small secondary drop-role" :disabled="busy === 'drop-' + h.signupId"
                                :aria-label="'Withdraw from ' + c.r.name + ' in session ' + row.s.number"
                                @click="dropRole(row.s, c, h)">Withdraw</button>
                        <template v-if="staff">
                          <span class="holder-actions">
                            <button type="button" :id="'drop-' + h.signupId" class="staff-control small secondary drop-role"
                                    :disabled="busy === 'drop-' + h.signupId"
                                    :aria-label="'Remove ' + h.name + ' from ' + c.r.name + ' in session ' + row.s.number"
                                    @click="dropRole(row.s, c, h)">Remove</button>
                            <button v-if="!isOpen('move', h.signupId)" type="button" :id="'move-' + h.signupId"
                                    class="staff-control small secondary move-role"
                                    :aria-label="'Move ' + h.name + ' from ' + c.r.name + ' in session ' + row.s.number"
                                    @click="show('move', h.signupId, 'move-to-' + h.signupId)">Move</button>
                          </span>
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
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </template>
    </div>`,
};
