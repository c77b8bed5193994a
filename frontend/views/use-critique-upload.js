// Handing in a critique: the form (the student, for staff; the session and paper, kept to what can still be handed
// in), the file, the upload with its progress, and the receipt or every reason it was refused. uploadFor sets the
// form up for a new version of a critique listed elsewhere on the page.
import { ref, reactive, computed, onUnmounted } from 'vue';
import { get, upload, problemOf } from '../api.js';
import { store, announce } from '../store.js';
import { formatMoment, browserZone } from '../time.js';
import { focusLater, restoreFocus } from '../focus.js';
import { formatSize } from '../format.js';
import { useFileDrop } from './use-file-drop.js';

const fieldInputs = { studentId: 'critique-student', sessionId: 'critique-session', paperId: 'critique-paper', file: 'critique-file' };

/** c: what useCritiques returns. */
export function useCritiqueUpload(c) {
  const { base, staff, progress, policies, lateAccepted, zone, passed, due, paperTitle, studentName, critiquesOf,
    open } = c;

  const form = reactive({ studentId: '', sessionId: '', paperId: '' });
  const subject = ref(null);  // staff: the chosen student's progress (their deadlines include their extensions)
  const subjectLoading = ref(false);

  async function loadSubject(studentId) {
    subjectLoading.value = true;
    try {
      const p = await get(`${base}/critiques/progress?studentId=${studentId}`);
      if (String(form.studentId) === String(studentId)) {
        subject.value = p;
      }
    } catch (e) {
      uploadProblem.value = problemOf(e);
    } finally {
      subjectLoading.value = false;
    }
  }

  async function studentChosen() {
    subject.value = null;
    if (form.studentId) {
      await loadSubject(form.studentId);
      keepChoiceValid();
    }
  }

  const formDeadlines = computed(() => {
    if (staff.value) {
      return (subject.value || progress.value || { deadlines: [] }).deadlines;
    }
    return progress.value ? progress.value.deadlines : [];
  });
  const subjectId = computed(() => (staff.value ? Number(form.studentId) || null : (store.me && store.me.id)));

  const sessionChoices = computed(() => {
    const handedIn = d => subjectId.value && critiquesOf(subjectId.value, d.sessionId).length;
    const label = d => {
      const head = `Session ${d.sessionNumber}: ${d.topic}`;
      const when = passed(d)
        ? ` — deadline passed (${due(d)})${lateAccepted.value ? '; late rules apply' : ''}`
        : ` — due ${due(d)}`;
      return head + when + (handedIn(d) ? ' — handed in' : '');
    };
    const list = formDeadlines.value.map(d => ({ d, label: label(d), disabled: !open(d) }));
    return [
      { label: 'Upcoming deadlines', options: list.filter(x => !passed(x.d)) },
      { label: 'Deadline passed', options: list.filter(x => passed(x.d)) },
    ].filter(g => g.options.length);
  });
  const chosenDeadline = computed(() => formDeadlines.value.find(d => d.sessionId === Number(form.sessionId)) || null);

  const paperChoices = computed(() => {
    const d = chosenDeadline.value;
    if (!d) {
      return [];
    }
    const mine = subjectId.value ? critiquesOf(subjectId.value, d.sessionId) : [];
    const full = mine.length >= (policies.value.critiquesPerSession || 1);
    const who = staff.value ? 'this student’s' : 'your';
    return d.assignedPaperIds.map(id => {
      const done = mine.find(c => c.paperId === id);
      let note = '';
      if (done) {
        note = ` — ${who} critique (a new upload replaces it; the old version is kept)`;
      } else if (full) {
        note = ` — not possible: ${who} critique of this session is of “${paperTitle(mine[0].paperId)}”`;
      }
      return { id, label: paperTitle(id) + note, disabled: !done && full };
    });
  });

  /** Picks the paper already critiqued, or the only assigned one, so that a re-upload takes one step. */
  function choosePaper() {
    const choices = paperChoices.value;
    const d = chosenDeadline.value;
    const done = d && subjectId.value ? critiquesOf(subjectId.value, d.sessionId) : [];
    if (done.length === 1) {
      form.paperId = done[0].paperId;
    } else if (choices.filter(c => !c.disabled).length === 1) {
      form.paperId = choices.find(c => !c.disabled).id;
    } else {
      form.paperId = '';
    }
  }
  function sessionChosen() {
    choosePaper();
  }
  function keepChoiceValid() {
    const d = chosenDeadline.value;
    if (!d || !open(d)) {
      form.sessionId = '';
      form.paperId = '';
    } else if (!paperChoices.value.some(c => c.id === Number(form.paperId) && !c.disabled)) {
      choosePaper();
    }
  }
  /** A student starts at their next deadline not handed in yet. */
  function chooseDefaults() {
    const next = formDeadlines.value.find(d => !passed(d) && !critiquesOf(subjectId.value, d.sessionId).length)
      || formDeadlines.value.find(d => !passed(d));
    if (next && !form.sessionId) {
      form.sessionId = next.sessionId;
      choosePaper();
    }
  }

  const maxBytes = computed(() => policies.value.maxFileBytes || 0);
  const drop = useFileDrop(maxBytes);
  const { file, fileNote } = drop;

  async function reloadAfterUpload() {
    if (await c.reloadCritiques() && staff.value && form.studentId) {
      await loadSubject(form.studentId);
    }
  }

  const phase = ref(null);        // 'sending' while the file goes out, 'checking' while the server judges it
  const percent = ref(0);
  const receipt = ref(null);
  const uploadProblem = ref(null);
  let controller = null;
  onUnmounted(() => controller && controller.abort());

  function check() {
    const errors = [];
    if (staff.value && !form.studentId) {
      errors.push({ field: 'studentId', message: 'Choose the student you upload for.' });
    }
    if (!form.sessionId) {
      errors.push({ field: 'sessionId', message: 'Choose the session.' });
    }
    if (!form.paperId) {
      errors.push({ field: 'paperId', message: 'Choose the paper your critique is about.' });
    }
    if (!file.value) {
      errors.push({ field: 'file', message: 'Choose a PDF file, or drop one on the box.' });
    } else if (maxBytes.value && file.value.size > maxBytes.value) {
      // Checked here too: the server refuses it anyway, and a large body is better not sent at all.
      errors.push({ field: 'file', message: `The file is ${formatSize(file.value.size)}; the limit is ${formatSize(maxBytes.value)}.` });
    }
    return errors;
  }

  async function submit() {
    const control = document.activeElement;
    receipt.value = null;
    uploadProblem.value = null;
    const errors = check();
    if (errors.length) {
      uploadProblem.value = { detail: errors.length === 1 ? 'Nothing was uploaded yet: one thing needs fixing.'
        : `Nothing was uploaded yet: ${errors.length} things need fixing.`, errors };
      focusLater(fieldInputs[errors[0].field]);
      return;
    }
    const d = chosenDeadline.value;
    const paperId = Number(form.paperId);
    const studentId = staff.value ? Number(form.studentId) : null;
    const body = new FormData();
    body.append('sessionId', String(form.sessionId));
    body.append('paperId', String(paperId));
    if (studentId) {
      body.append('studentId', String(studentId));
    }
    body.append('file', file.value, file.value.name);

    phase.value = 'sending';
    percent.value = 0;
    announce(`Uploading “${file.value.name}”…`);
    controller = new AbortController();
    let failed = false;
    try {
      const r = await upload(`${base}/critiques`, body, {
        signal: controller.signal,
        onProgress: fraction => { percent.value = Math.round(fraction * 100); },
        onSent: () => { percent.value = 100; phase.value = 'checking'; },
      });
      receipt.value = { ...r, sessionNumber: d ? d.sessionNumber : null, paperTitle: paperTitle(paperId),
        studentName: studentId ? studentName(studentId) : null, fileName: file.value.name };
      const whose = studentId ? `${studentName(studentId)}’s critique` : 'your critique';
      announce(`Accepted: version ${r.version} of ${whose} of “${paperTitle(paperId)}”`
        + (d ? ` for session ${d.sessionNumber}` : '') + `. ${r.timing}`);
      file.value = null;
      fileNote.value = '';
      const input = document.getElementById('critique-file');
      if (input) {
        input.value = '';
      }
      await reloadAfterUpload();
      focusLater('receipt-title');
    } catch (e) {
      failed = true;
      if (e.aborted) {
        announce('The upload was cancelled; nothing was handed in.');
      } else {
        store.status = '';  // "Uploading…" is over; the alert next to the form says why
        uploadProblem.value = problemOf(e);
      }
    } finally {
      phase.value = null;
      controller = null;
      if (failed) {
        restoreFocus(control, 'critique-submit');
      }
    }
  }

  function cancelUpload() {
    if (controller) {
      controller.abort();
    }
  }

  /** From a row of "Your critiques" (or the staff's view of a critique): the form, set up for a new version. */
  async function uploadFor({ studentId = null, sessionId, paperId }) {
    receipt.value = null;
    uploadProblem.value = null;
    if (staff.value && studentId && String(form.studentId) !== String(studentId)) {
      form.studentId = studentId;
      subject.value = null;
      await loadSubject(studentId);
    }
    form.sessionId = sessionId;
    form.paperId = paperId;
    const zoneEl = document.getElementById('drop-zone');
    if (zoneEl) {
      zoneEl.scrollIntoView({ block: 'center' });
    }
    focusLater('critique-file');
  }

  // What a student needs from a receipt; the ids, the file's size and its SHA-256 are the details (receiptDetails).
  const receiptFacts = computed(() => {
    const r = receipt.value;
    if (!r) {
      return [];
    }
    const facts = [
      ['Received', formatMoment(r.uploadedAt, zone.value)
        + (browserZone !== zone.value ? ` (your time: ${formatMoment(r.uploadedAt, browserZone)})` : '')],
      ['Paper', `“${r.paperTitle}”` + (r.sessionNumber ? `, session ${r.sessionNumber}` : '')],
      ['Pages', String(r.pages)],
      ['Words', String(r.words)],
      ['On time or late', r.timing],
      ['Counts toward the term', `yes: ${r.accepted} of ${r.required} critiques` + (r.studentName ? ` for ${r.studentName}` : '')
        + (r.version > 1 ? ' (this version replaces the earlier one, which is kept; it is still one critique)' : '')],
    ];
    if (r.uploadedOnBehalfBy) {
      facts.push(['Uploaded by', `${r.uploadedOnBehalfBy}, on ${r.studentName || 'the student'}’s behalf (recorded as such)`]);
    }
    return facts;
  });
  const receiptDetails = computed(() => {
    const r = receipt.value;
    return r ? [
      ['Critique', `number ${r.critiqueId}, version ${r.version}`],
      ['File', `“${r.fileName}”, version id ${r.versionId}`],
      ['Size', `${formatSize(r.sizeBytes)} (${r.sizeBytes.toLocaleString()} bytes)`],
    ] : [];
  });

  return {
    form, subject, subjectLoading, loadSubject, studentChosen, sessionChoices, chosenDeadline, paperChoices,
    sessionChosen, chooseDefaults, ...drop, phase, percent, receipt, receiptFacts, receiptDetails, uploadProblem, submit, cancelUpload,
    uploadFor,
  };
}
