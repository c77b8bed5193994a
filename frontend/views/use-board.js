// The sign-up board as the page reads it: loading it (with the students, for staff), one row per session with its
// slots and role seats, and the words the staff's choice lists say about each student. The page provides it to its
// parts under BOARD.
import { ref, computed } from 'vue';
import { get } from '../api.js';
import { isStaff, announce } from '../store.js';
import { formatDay, formatInstant } from '../time.js';
import { useCourseView } from './use-course-view.js';
import { byName } from '../format.js';

export const BOARD = Symbol('board');

export function useBoard(props) {
  const { base, course, loadProblem, zone, loading } = useCourseView(props);
  const board = ref(null);
  const papers = ref([]);
  const students = ref([]);
  const staff = computed(() => (board.value ? board.value.viewerRole !== 'STUDENT' : isStaff(course.value)));

  // Two requests: the board (for staff with the students for their choice lists) and the papers.
  function show(b) {
    if (b.students) {
      students.value = [...b.students].sort(byName);
    }
    board.value = b;
  }

  loading(async () => {
    const [b, p] = await Promise.all([get(`${base}/signups/board`), get(`${base}/papers`)]);
    papers.value = p;
    show(b);
  });

  const reloadBoard = () => loading(async () => {
    show(await get(`${base}/signups/board`));
  });

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

  const studentName = id => (students.value.find(x => x.userId === id) || {}).name || 'The student';
  const day = s => formatDay(s.date);
  const when = instant => formatInstant(instant, zone.value);

  return {
    base, course, board, papers, students, loadProblem, staff, zone, reloadBoard, refresh, refreshing, isMe, isMember,
    blockName, mayChange, rows, roleOption, presenterOption, paperGroups, moveTargets, studentName, day, when,
  };
}
