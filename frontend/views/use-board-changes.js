// Changing the sign-up board: one form open at a time, one request at a time, the outcome said in the status region
// and written in the cell it concerns, and a refusal shown in that cell. Students take, switch and drop roles and
// sign up to present; staff also assign, move and remove anyone, and approve or decline proposed papers.
import { reactive, watch } from 'vue';
import { post, del } from '../api.js';
import { store } from '../store.js';
import { focusLater } from '../focus.js';
import { useAction } from './use-action.js';

/** b: what useBoard returns. */
export function useBoardChanges(b) {
  const { base, board, staff, isMe } = b;
  const open = reactive({ what: null, id: null });
  const form = reactive({ paperId: '', partnerEmail: '', studentId: '', partnerId: '', reason: '', moveTo: '' });
  const choice = reactive({});  // staff's student choice per role cell or team
  // Every choice list starts at its "Choose…" option (a select bound to a missing key would show nothing chosen).
  watch(board, value => {
    for (const s of value ? value.sessions : []) {
      s.seats.forEach(seat => { choice[`${s.id}-${seat.roleId}`] ??= ''; });
      s.presentations.forEach(p => { choice[`team-${p.id}`] ??= ''; });
    }
  });
  const action = useAction();
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
  function act({ key, cell, request, success, focus, fallback }) {
    action.clear();
    done.key = null;
    store.status = '';  // an earlier success must not stand next to this change's outcome
    return action.run({ key, where: cell, request, focus, fallback,
      success: result => {
        close();
        const message = typeof success === 'function' ? success(result) : success;
        done.key = cell;
        done.text = message;
        return message;
      },
      then: () => b.reloadBoard(),
      refused: e => (e.status === 409 || e.status === 404 ? b.reloadBoard() : null),
    });
  }

  function requireChoice(cell, value, what) {
    if (value) {
      return true;
    }
    done.key = null;
    action.clear();
    action.refuse(cell, { detail: `Choose ${what} first.`, errors: [] });
    return false;
  }

  const rolePath = (s, roleId) => `${base}/sessions/${s.id}/roles/${roleId}/signups`;

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
        const asked = (r.invited || []).map(m => m.name);
        return `You are signed up to present ${what}${team.length ? ' with ' + team.join(' and ') : ''}.${proposal}`
          + (asked.length ? ` ${asked.join(' and ')} ${asked.length === 1 ? 'is' : 'are'} asked to join, and ${asked.length === 1
            ? 'joins' : 'join'} on accepting.` : '');
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
        return `${b.studentName(studentId)} joined the team presenting “${p.paperTitle}” in session ${s.number}.`;
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

  // A partner's answer to an invitation to present (see board-presentations.js).
  function answerInvitation(s, p, invitation, accept) {
    return act({ key: `answer-${invitation.id}`, cell: `pres-${s.id}`, fallback: `slot-${s.id}-${p.slot}`,
      request: () => post(`${base}/signups/invitations/${invitation.id}/${accept ? 'accept' : 'decline'}`, {}),
      success: accept ? `You joined ${invitation.invitedBy} to present “${p.paperTitle}” in session ${s.number}.`
        : `You declined to present “${p.paperTitle}” with ${invitation.invitedBy}; they are told.`,
      focus: accept ? `leave-${p.id}` : `slot-${s.id}-${p.slot}` });
  }

  return {
    open, form, choice, busy: action.busy, problemFor: action.problemFor, doneIn, show, close, isOpen,
    takeRole, switchRole, assignRole, dropRole, moveRole, present, join, addMember, leave, removeMember, removeTeam,
    approve, decline, answerInvitation,
  };
}
