// Critiques: a student hands in a PDF for one assigned paper of a session and gets a receipt or every reason it was
// refused, and follows their progress and deadlines. Staff see everyone's in a matrix, open any critique, upload on
// a student's behalf and grant extensions (every staff-only control has class "staff-control").
import { ref, reactive, computed, nextTick, onMounted, onUnmounted } from 'vue';
import { get, upload, problemOf } from '../api.js';
import { store, courseOf, isStaff, announce } from '../store.js';
import { formatInstant, formatMoment, countdown, browserZone } from '../time.js';
import ProblemBox from './problem-box.js';
import VersionList, { lateFacts } from './critique-versions.js';
import { formatSize, formatPercent, plural } from '../format.js';
import CritiqueMatrix, { Extensions } from './critique-matrix.js';
import { focusLater, restoreFocus } from '../focus.js';

const fieldLabels = { deadline: 'Deadline', file: 'File', sessionId: 'Session', paperId: 'Paper', studentId: 'Student' };
const fieldInputs = { studentId: 'critique-student', sessionId: 'critique-session', paperId: 'critique-paper', file: 'critique-file' };

/** The course's late policy in one sentence. */
export function latePolicyText(policy) {
  if (!policy || !policy.accepted) {
    return 'Late critiques are not accepted.';
  }
  const unit = (u, n) => plural(n, u === 'HOURS' ? 'hour' : 'day', u === 'HOURS' ? 'hours' : 'days');
  const parts = [];
  if (policy.grace && policy.grace.budget > 0) {
    parts.push(`a grace budget of ${unit(policy.grace.unit, policy.grace.budget)} for the term is spent first`
      + (policy.grace.maxPerItem ? ` (at most ${unit(policy.grace.unit, policy.grace.maxPerItem)} per critique)` : ''));
  }
  if (policy.penalty) {
    const per = policy.penalty.per === 'HOURS' ? 'hour' : 'day';
    if (policy.penalty.keepPercent && policy.penalty.keepPercent.length) {
      parts.push(`then ${policy.penalty.keepPercent.join(', ')} % of the points are kept for each started ${per} late`
        + ' (nothing after that)');
    } else if (policy.penalty.ratePercent != null) {
      parts.push(`then ${policy.penalty.ratePercent} % of the points are taken off for each started ${per} late`);
    }
  }
  if (policy.cutoffHours != null) {
    parts.push(`nothing is accepted more than ${plural(policy.cutoffHours, 'hour', 'hours')} after the deadline`);
  }
  return parts.length ? `Late critiques are accepted: ${parts.join('; ')}.` : 'Late critiques are accepted without penalty.';
}

export default {
  components: { ProblemBox, VersionList, CritiqueMatrix, Extensions },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const base = `/api/courses/${props.courseId}`;
    const course = ref(courseOf(props.courseId) || null);
    const sessions = ref([]);
    const progress = ref(null);        // the viewer's own (for staff: the deadlines without anyone's extension)
    const critiques = ref(null);
    const students = ref([]);
    const extensions = ref([]);
    const loadProblem = ref(null);
    const staff = computed(() => isStaff(course.value));
    const zone = computed(() => (course.value && course.value.timeZone) || browserZone);
    const policies = computed(() => (course.value && course.value.policies) || {});
    const lateAccepted = computed(() => !!(policies.value.latePolicy && policies.value.latePolicy.accepted));
    const graceUnit = computed(() => {
      const late = policies.value.latePolicy;
      return late && late.grace ? late.grace.unit : null;
    });

    // The clock moves on while the page stays open: countdowns and "deadline passed" follow it.
    const now = ref(Date.now());
    const tick = setInterval(() => { now.value = Date.now(); }, 60_000);
    onUnmounted(() => clearInterval(tick));
    const passed = d => Date.parse(d.due) <= now.value;

    async function load() {
      try {
        const [c, s, p, list, ext] = await Promise.all([get(base), get(`${base}/sessions`), get(`${base}/critiques/progress`),
          get(`${base}/critiques`), get(`${base}/extensions`)]);
        if (isStaff(c)) {
          const roster = await get(`${base}/roster`);
          students.value = roster.filter(x => x.role === 'STUDENT')
            .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
        }
        course.value = c;
        sessions.value = s;
        extensions.value = ext;
        progress.value = p;
        critiques.value = list;
        loadProblem.value = null;
        if (!isStaff(c)) {
          chooseDefaults();
        }
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }
    load();

    async function reloadAfterUpload() {
      try {
        const [list, p] = await Promise.all([get(`${base}/critiques`), get(`${base}/critiques/progress`)]);
        critiques.value = list;
        progress.value = p;
        if (staff.value && form.studentId) {
          await loadSubject(form.studentId);
        }
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }

    async function reloadExtensions() {
      try {
        extensions.value = await get(`${base}/extensions`);
        if (staff.value && form.studentId) {
          await loadSubject(form.studentId);
        }
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }

    // Names for ids

    const paperTitles = computed(() => {
      const map = new Map();
      sessions.value.forEach(s => s.readings.forEach(r => map.set(r.paperId, r.paper.title)));
      return map;
    });
    const paperTitle = id => paperTitles.value.get(id) || `paper ${id}`;
    const studentName = id => {
      const s = students.value.find(x => x.userId === Number(id));
      return s ? s.name : 'the student';
    };
    const due = d => formatInstant(d.due, zone.value);
    const yourDue = d => {
      if (browserZone === zone.value) {
        return null;
      }
      const here = formatInstant(d.due, browserZone);
      return here === due(d) ? null : here;
    };

    // The student whose critique the form hands in: the viewer, or for staff the student they choose.

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
    const critiquesOf = (studentId, sessionId) => (critiques.value || [])
      .filter(c => c.studentId === studentId && c.sessionId === sessionId);

    /** Whether an upload for this deadline can still be judged on time or late, rather than refused for lateness. */
    const open = d => !passed(d) || lateAccepted.value;

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

    // The file: chosen with the file input, or dropped anywhere on the drop zone (which holds that input).

    const file = ref(null);
    const dragging = ref(false);
    const fileNote = ref('');
    const maxBytes = computed(() => policies.value.maxFileBytes || 0);
    const fileWarnings = computed(() => {
      const f = file.value;
      if (!f) {
        return [];
      }
      const out = [];
      if (!(f.type === 'application/pdf' || /\.pdf$/i.test(f.name))) {
        out.push('This does not look like a PDF; the server will check it and most likely refuse it.');
      }
      if (maxBytes.value && f.size > maxBytes.value) {
        out.push(`It is larger than the course’s limit of ${formatSize(maxBytes.value)}.`);
      }
      return out;
    });

    function fileChosen(event) {
      const files = event.target.files;
      file.value = files && files.length ? files[0] : null;
      fileNote.value = '';
    }
    function dragOver(event) {
      if (event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files')) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        dragging.value = true;
      }
    }
    function dragLeave(event) {
      if (!event.currentTarget.contains(event.relatedTarget)) {
        dragging.value = false;
      }
    }
    function dropped(event) {
      event.preventDefault();
      dragging.value = false;
      const files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) {
        return;
      }
      const input = document.getElementById('critique-file');
      const one = new DataTransfer();
      one.items.add(files[0]);
      try {
        input.files = one.files;
      } catch {
        // An old browser keeps its input empty; the dropped file is still the one sent.
      }
      file.value = files[0];
      fileNote.value = files.length > 1 ? `Only one file is handed in at a time: using “${files[0].name}”.` : '';
      announce(`File chosen: ${files[0].name}.`);
      input.focus();
    }
    // A PDF dropped next to the zone would make the browser open it and leave the page: that drop is ignored.
    const ignoreDrop = event => {
      const files = event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
      if (files && !(event.target.closest && event.target.closest('#drop-zone'))) {
        event.preventDefault();
      }
    };
    onMounted(() => {
      window.addEventListener('dragover', ignoreDrop);
      window.addEventListener('drop', ignoreDrop);
    });
    onUnmounted(() => {
      window.removeEventListener('dragover', ignoreDrop);
      window.removeEventListener('drop', ignoreDrop);
    });

    // Sending it, and the verdict

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

    const receiptFacts = computed(() => {
      const r = receipt.value;
      if (!r) {
        return [];
      }
      const facts = [
        ['Critique', `number ${r.critiqueId}, version ${r.version}` + (r.version > 1 ? ' (it replaces the earlier version, which is kept)' : '')],
        ['File', `“${r.fileName}”, version id ${r.versionId}`],
        ['Received', formatMoment(r.uploadedAt, zone.value)
          + (browserZone !== zone.value ? ` (your time: ${formatMoment(r.uploadedAt, browserZone)})` : '')],
        ['Timing', r.timing],
      ];
      if (r.late) {
        facts.push(['Lateness', lateFacts(r, graceUnit.value)]);
      }
      facts.push(['Pages', String(r.pages)], ['Words', String(r.words)],
        ['Size', `${formatSize(r.sizeBytes)} (${r.sizeBytes.toLocaleString()} bytes)`]);
      if (r.uploadedOnBehalfBy) {
        facts.push(['Uploaded by', `${r.uploadedOnBehalfBy}, on ${r.studentName || 'the student'}’s behalf (recorded as such)`]);
      }
      facts.push(['Progress', `${r.accepted} of ${r.required} critiques` + (r.studentName ? ` for ${r.studentName}` : '')]);
      return facts;
    });

    // The student's own view

    const mine = computed(() => (critiques.value || []).filter(c => !staff.value && store.me && c.studentId === store.me.id));
    const deadlineOf = sessionId => (progress.value ? progress.value.deadlines.find(d => d.sessionId === sessionId) : null);
    const upcoming = computed(() => (progress.value ? progress.value.deadlines.filter(d => !passed(d)) : []));
    const showAllDeadlines = ref(false);
    const shownDeadlines = computed(() => (showAllDeadlines.value ? upcoming.value : upcoming.value.slice(0, 5)));
    const soon = d => Date.parse(d.due) - now.value < 24 * 3600_000;
    const left = d => countdown(d.due, now.value);
    const handedInFor = d => mine.value.filter(c => c.sessionId === d.sessionId);
    const extensionHours = sessionId => extensions.value
      .filter(e => e.sessionId === null || e.sessionId === sessionId).reduce((sum, e) => sum + e.hours, 0);
    const progressText = computed(() => {
      const p = progress.value;
      if (!p) {
        return '';
      }
      return `${p.accepted} of ${p.required} critiques`;
    });
    const toGo = computed(() => {
      const p = progress.value;
      const n = p ? p.required - p.accepted : 0;
      return n > 0 ? `${n} to go` : 'all required critiques are in';
    });
    const mayReupload = c => {
      const d = deadlineOf(c.sessionId);
      return !!d && open(d);
    };

    const policySummary = computed(() => {
      const p = policies.value;
      if (!p.maxFileBytes) {
        return '';
      }
      if (!p.critiquesRequired) {
        return 'This course does not ask for critiques.';
      }
      const offset = p.deadlineOffsetMinutes
        ? `${plural(p.deadlineOffsetMinutes, 'minute', 'minutes')} before the session starts`
        : 'when the session starts';
      return `${p.critiquesRequired} critiques required in the term, `
        + `${p.critiquesPerSession === 1 ? 'one per session' : `at most ${p.critiquesPerSession} per session`}, `
        + `each a PDF of at most ${plural(p.pagesPerCritique, 'page', 'pages')} and ${formatSize(p.maxFileBytes)}, `
        + `about one of the session’s assigned papers, due ${offset}. ${latePolicyText(p.latePolicy)}`;
    });
    const fileHint = computed(() => {
      const p = policies.value;
      return p.maxFileBytes ? `One PDF, at most ${plural(p.pagesPerCritique, 'page', 'pages')} and ${formatSize(p.maxFileBytes)}.` : 'One PDF.';
    });

    return {
      base, course, sessions, progress, critiques, students, extensions, loadProblem, staff, zone, policies, graceUnit,
      lateAccepted, now, passed, due, yourDue, paperTitle, studentName, latePolicyText,
      form, subject, subjectLoading, studentChosen, sessionChoices, chosenDeadline, paperChoices, sessionChosen,
      file, dragging, fileNote, fileWarnings, fileChosen, dragOver, dragLeave, dropped, formatSize,
      phase, percent, receipt, receiptFacts, uploadProblem, submit, cancelUpload, uploadFor, fieldLabels,
      mine, upcoming, shownDeadlines, showAllDeadlines, soon, left, handedInFor, extensionHours, progressText, toGo,
      mayReupload, deadlineOf, policySummary, fileHint, reloadExtensions, formatPercent, browserZone, open,
    };
  },
  template: /*html*/`
    <div :class="['critiques-page', { 'staff-page': staff }]">
      <p class="breadcrumb"><a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a></p>
      <h1>Critiques<span v-if="course">: {{ course.code }}</span></h1>
      <p v-if="course" class="course-meta">
        <span id="critique-policy">{{ policySummary }}</span>
        Times are in {{ zone }}<span v-if="browserZone !== zone"> (yours: {{ browserZone }})</span>.
      </p>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="!critiques && !loadProblem" class="loading">Loading the critiques…</p>

      <template v-if="critiques && !staff">
        <section id="progress-card" class="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading" class="h3">Your progress</h2>
          <div v-if="!progress.required" id="critique-progress" class="critique-progress">
            <p>This course does not ask for critiques<span v-if="progress.accepted">; you have handed in
              {{ progress.accepted }}</span>.</p>
          </div>
          <div v-else id="critique-progress" class="critique-progress">
            <progress id="critique-progress-bar" :max="Math.max(progress.required, 1)" :value="Math.min(progress.accepted, progress.required)"
                      aria-labelledby="progress-heading" :aria-valuetext="progressText"></progress>
            <p><strong id="critique-progress-text">{{ progressText }}</strong> handed in; {{ toGo }}.</p>
          </div>
        </section>

        <section v-if="progress.required" id="deadlines-card" class="card" aria-labelledby="deadlines-heading">
          <h2 id="deadlines-heading" class="h3">Upcoming deadlines</h2>
          <p v-if="!upcoming.length">No critique deadlines are left this term.</p>
          <ol v-else id="deadlines" class="deadlines">
            <li v-for="d in shownDeadlines" :key="d.sessionId" :class="['deadline', { soon: soon(d), done: handedInFor(d).length }]"
                :data-session-id="d.sessionId">
              <p class="deadline-what"><strong>Session {{ d.sessionNumber }}:</strong> {{ d.topic }}</p>
              <p class="deadline-when">Due <time :datetime="d.due">{{ due(d) }}</time><span v-if="yourDue(d)" class="local-time">
                (your time: {{ yourDue(d) }})</span> — <span class="countdown">{{ left(d) }}</span>
                <span v-if="soon(d)" class="label soon-label">Due soon</span></p>
              <p v-if="extensionHours(d.sessionId)" class="hint">Includes your extension of {{ extensionHours(d.sessionId) }} hours.</p>
              <p class="deadline-state">
                <template v-if="handedInFor(d).length">
                  <span class="label done-label">Handed in</span> “{{ paperTitle(handedInFor(d)[0].paperId) }}”
                </template>
                <template v-else>Not handed in yet.</template>
              </p>
            </li>
          </ol>
          <button v-if="upcoming.length > 5" type="button" id="all-deadlines" class="secondary small"
                  :aria-expanded="showAllDeadlines ? 'true' : 'false'" aria-controls="deadlines"
                  @click="showAllDeadlines = !showAllDeadlines">
            {{ showAllDeadlines ? 'Show only the next 5' : 'Show all ' + upcoming.length + ' upcoming deadlines' }}</button>
        </section>
      </template>

      <critique-matrix v-if="critiques && staff" :course-id="courseId" :course="course" :deadlines="progress.deadlines"
                       :critiques="critiques" :students="students" :extensions="extensions" :sessions="sessions" :now="now"
                       @upload-for="uploadFor" />

      <section v-if="critiques" id="upload-card" :class="['card', 'upload-card', { 'staff-control': staff }]" aria-labelledby="upload-heading">
        <h2 id="upload-heading" class="h3">{{ staff ? 'Upload a critique on a student’s behalf' : 'Hand in a critique' }}</h2>
        <p v-if="staff" class="hint">The upload counts for the student and is recorded as made by you on their behalf.
          The student’s deadline, extensions and late rules apply.</p>
        <form id="critique-form" novalidate @submit.prevent="submit" :aria-busy="phase ? 'true' : 'false'">
          <div class="form-grid">
            <div v-if="staff" class="field staff-control">
              <label for="critique-student">Student</label>
              <select id="critique-student" class="staff-control" v-model="form.studentId" required @change="studentChosen"
                      :disabled="!!phase">
                <option value="" disabled>Choose a student…</option>
                <option v-for="s in students" :key="s.userId" :value="s.userId">{{ s.name }}</option>
              </select>
            </div>
            <div class="field wide">
              <label for="critique-session">Session</label>
              <select id="critique-session" v-model="form.sessionId" required @change="sessionChosen" :disabled="!!phase"
                      aria-describedby="critique-due">
                <option value="" disabled>Choose a session…</option>
                <optgroup v-for="g in sessionChoices" :key="g.label" :label="g.label">
                  <option v-for="x in g.options" :key="x.d.sessionId" :value="x.d.sessionId" :disabled="x.disabled"
                          :data-passed="passed(x.d) ? 'true' : 'false'">{{ x.label }}</option>
                </optgroup>
              </select>
              <span id="critique-due" class="hint">
                <template v-if="subjectLoading">Loading the student’s deadlines…</template>
                <template v-else-if="chosenDeadline && !passed(chosenDeadline)">Due {{ due(chosenDeadline) }}<span
                  v-if="yourDue(chosenDeadline)"> (your time: {{ yourDue(chosenDeadline) }})</span>, {{ left(chosenDeadline) }}.
                  You may upload again until then; each upload replaces the last and the old versions are kept.</template>
                <template v-else-if="chosenDeadline">The deadline passed {{ left(chosenDeadline) }}
                  ({{ due(chosenDeadline) }}). {{ latePolicyText(policies.latePolicy) }}</template>
                <template v-else-if="!sessionChoices.length">No session has assigned papers to critique.</template>
                <template v-else>Only sessions with assigned papers are listed.
                  <template v-if="!lateAccepted">Sessions whose deadline has passed cannot be chosen.</template></template>
              </span>
            </div>
            <div class="field wide">
              <label for="critique-paper">Paper (an assigned reading of the session)</label>
              <select id="critique-paper" v-model="form.paperId" required :disabled="!!phase || !chosenDeadline">
                <option value="" disabled>{{ chosenDeadline ? 'Choose a paper…' : 'Choose a session first' }}</option>
                <option v-for="p in paperChoices" :key="p.id" :value="p.id" :disabled="p.disabled">{{ p.label }}</option>
              </select>
            </div>
          </div>

          <div id="drop-zone" :class="['drop-zone', { dragging, chosen: file }]"
               @dragenter="dragOver" @dragover="dragOver" @dragleave="dragLeave" @drop="dropped">
            <label for="critique-file" class="drop-label">
              <span class="drop-title">Your critique (PDF)</span>
              <span class="drop-help">Drop the file here, or choose it:</span>
            </label>
            <input type="file" id="critique-file" accept="application/pdf" :disabled="!!phase" @change="fileChosen"
                   aria-describedby="critique-file-hint critique-file-chosen">
            <span id="critique-file-hint" class="hint">{{ fileHint }}</span>
            <p id="critique-file-chosen" class="file-chosen" aria-live="polite">
              <template v-if="file">Chosen: <strong>{{ file.name }}</strong> ({{ formatSize(file.size) }}).</template>
              <span v-if="fileNote" class="file-warning"> {{ fileNote }}</span>
              <span v-for="(w, i) in fileWarnings" :key="i" class="file-warning"> {{ w }}</span>
            </p>
          </div>

          <div v-if="phase" class="upload-progress">
            <label for="upload-progress">{{ phase === 'sending' ? 'Uploading: ' + percent + ' %' : 'Uploaded; checking the PDF…' }}</label>
            <progress id="upload-progress" max="100" :value="percent">{{ percent }} %</progress>
          </div>

          <div class="actions">
            <button type="submit" id="critique-submit" :class="{ 'staff-control': staff }" :disabled="!!phase">
              {{ phase ? (phase === 'sending' ? 'Uploading…' : 'Checking…') : (staff ? 'Upload for the student' : 'Hand in the critique') }}</button>
            <button v-if="phase === 'sending'" type="button" id="cancel-upload" class="secondary" @click="cancelUpload">Cancel upload</button>
          </div>
        </form>

        <problem-box id="upload-problem" :problem="uploadProblem" :labels="fieldLabels" />

        <div id="receipt" role="status" class="receipt-region">
          <div v-if="receipt" class="receipt">
            <h3 id="receipt-title" tabindex="-1">✓ Accepted: {{ receipt.studentName ? receipt.studentName + '’s' : 'your' }} critique
              of “{{ receipt.paperTitle }}”<span v-if="receipt.sessionNumber"> for session {{ receipt.sessionNumber }}</span></h3>
            <dl class="receipt-facts">
              <template v-for="[name, value] in receiptFacts" :key="name">
                <dt>{{ name }}</dt>
                <dd :class="'receipt-' + name.toLowerCase().replace(/ /g, '-')">{{ value }}</dd>
              </template>
              <dt>SHA-256</dt>
              <dd class="receipt-sha256"><code class="sha256">{{ receipt.sha256 }}</code></dd>
            </dl>
            <div v-if="receipt.warnings.length" class="receipt-warnings">
              <p class="warnings-title">Accepted, but please check:</p>
              <ul class="warnings">
                <li v-for="(w, i) in receipt.warnings" :key="i" class="warning"><strong>Warning:</strong> {{ w }}</li>
              </ul>
            </div>
            <p><a :href="'/api/critiques/' + receipt.versionId + '/file'" download id="receipt-download">Download the file
              as received (PDF)</a></p>
          </div>
        </div>
      </section>

      <section v-if="critiques && !staff" id="my-critiques-section" aria-labelledby="my-critiques-heading">
        <h2 id="my-critiques-heading" tabindex="-1">Your critiques</h2>
        <p v-if="!mine.length" id="no-critiques">You have not handed in any critique yet.</p>
        <div v-else class="table-wrap">
          <table id="my-critiques" class="my-critiques stack-table">
            <caption class="visually-hidden">Your critiques, each with its versions (newest first)</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Paper</th>
                <th scope="col">Versions</th>
              </tr>
            </thead>
            <tbody>
              <tr v-for="c in mine" :key="c.id" :data-critique-id="c.id" :data-session-id="c.sessionId" :data-paper-id="c.paperId">
                <th scope="row" data-label="Session">Session {{ c.sessionNumber }}
                  <span v-if="deadlineOf(c.sessionId)" class="critique-due">due {{ due(deadlineOf(c.sessionId)) }}</span></th>
                <td data-label="Paper">
                  <span class="paper-title">“{{ c.paperTitle }}”</span>
                  <p v-for="(n, i) in c.notes" :key="i" class="note">{{ n }}</p>
                  <button v-if="mayReupload(c)" type="button" class="small secondary reupload" :id="'reupload-' + c.id"
                          :aria-label="'Upload a new version of your critique of “' + c.paperTitle + '” for session ' + c.sessionNumber"
                          @click="uploadFor({ sessionId: c.sessionId, paperId: c.paperId })">Upload a new version</button>
                </td>
                <td data-label="Versions">
                  <version-list :versions="c.versions" :zone="zone"
                                :what="'your critique of “' + c.paperTitle + '”'" />
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <extensions v-if="critiques && staff" :course-id="courseId" :students="students" :deadlines="progress.deadlines"
                  :extensions="extensions" :zone="zone" @granted="reloadExtensions" />
    </div>`,
};
