// Staff grade one session: the presenting teams, the supporting-role holders and the accepted critiques, each row on
// the course's scale with an optional comment. Made for the keyboard: Tab reaches each row's grade, Enter saves the
// row and moves on to the next one. Drafts stay hidden from students until "Publish".
import { ref, reactive, computed, watch, nextTick } from 'vue';
import { get, put, post, del, problemOf } from '../api.js';
import { courseOf, announce } from '../store.js';
import { formatDay, browserZone } from '../time.js';
import { focusLater, restoreFocus } from '../focus.js';
import ProblemBox from './problem-box.js';
import GradeHistory from './grade-history.js';
import { gradeValue, gradeState, shortValue, scaleText, kindNames } from './grade-format.js';
import { formatPoints, plural } from '../format.js';

/** What an input shows for a grade on a scale: the mark's label, or the points. */
function inputValue(grade, scale) {
  if (!grade) {
    return '';
  }
  if (scale.type === 'MARKS') {
    return grade.mark || '';
  }
  return grade.points === null || grade.points === undefined ? '' : grade.points;
}

/** The grade every person of a row shares (value and comment), or mixed when they differ. */
function common(people, scale) {
  const grades = people.map(p => p.grade);
  if (grades.every(g => !g)) {
    return { value: '', comment: '', mixed: false };
  }
  const first = grades[0];
  const same = grades.every(g => g && first && g.points === first.points && (g.mark || null) === (first.mark || null)
    && (g.comment || '') === (first.comment || ''));
  return same ? { value: inputValue(first, scale), comment: first.comment || '', mixed: false }
    : { value: '', comment: '', mixed: true };
}

const names = people => {
  const list = people.map(p => p.name);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
};

/** One row of the sheet: who, the value on the scale, a comment, Save, and what is saved now. */
const GradeRow = {
  components: { ProblemBox, GradeHistory },
  props: {
    row: { type: Object, required: true },
    edit: { type: Object, required: true },
    zone: { type: String, required: true },
    courseId: { type: Number, required: true },
  },
  emits: ['save'],
  setup(props, { emit }) {
    const id = computed(() => 'grade-' + props.row.key);
    function changed() {
      props.edit.dirty = true;
      props.edit.state = '';
      props.edit.problem = null;
    }
    function enter(event) {
      if (event.isComposing) {
        return;
      }
      event.preventDefault();
      emit('save', props.row, true);
    }
    // Digits choose a mark (1 = the first), so that a grader does not need to count arrow presses.
    function markKey(event) {
      if (!/^[1-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      const index = Number(event.key) - 1;
      const marks = props.row.scale.marks || [];
      if (index >= marks.length) {
        return;
      }
      event.preventDefault();
      props.edit.value = marks[index].label;
      changed();
      const radios = event.currentTarget.querySelectorAll('input[type="radio"]');
      if (radios[index]) {
        radios[index].focus();
      }
    }
    const statusText = computed(() => {
      if (props.edit.state === 'saving') {
        return 'Saving…';
      }
      return props.edit.state === 'saved' ? props.edit.savedText : '';
    });
    const graded = computed(() => props.row.people.filter(p => p.grade));
    return { id, changed, enter, markKey, statusText, graded, gradeValue, gradeState, formatPoints };
  },
  template: /*html*/`
    <li :class="['grade-row', { saved: edit.state === 'saved', failed: !!edit.problem, dirty: edit.dirty }]"
        :data-row-key="row.key" :data-student-ids="row.people.map(p => p.studentId).join(' ')"
        :aria-busy="edit.state === 'saving' ? 'true' : 'false'">
      <form class="grade-form" novalidate @submit.prevent="$emit('save', row, false)">
        <div class="grade-who">
          <p class="who" :id="id + '-who'"><strong>{{ row.who }}</strong></p>
          <p v-for="(n, i) in row.notes" :key="i" class="hint row-note">{{ n }}</p>
          <p v-if="edit.mixed && !edit.dirty" class="hint">Members have different grades now; a grade saved here replaces
            them all. </p>
        </div>
        <fieldset v-if="row.scale.type === 'MARKS'" class="grade-value marks" @keydown="markKey">
          <legend>Mark<span class="visually-hidden"> for {{ row.who }}</span></legend>
          <div class="mark-choices">
            <label v-for="(m, i) in row.scale.marks" :key="m.label" class="mark-choice">
              <input type="radio" :name="id" :value="m.label" v-model="edit.value" @change="changed"
                     @keydown.enter="enter" :aria-keyshortcuts="i < 9 ? String(i + 1) : null">
              <span class="mark-label">{{ m.label }}</span><span class="mark-points"> ({{ formatPoints(m.points) }})</span>
            </label>
          </div>
        </fieldset>
        <div v-else class="field grade-value points">
          <label :for="id + '-points'">Points<span class="visually-hidden"> for {{ row.who }}</span>
            <span class="optional"> (0–{{ formatPoints(row.scale.max) }})</span></label>
          <input :id="id + '-points'" type="number" min="0" :max="row.scale.max" step="any" inputmode="decimal"
                 v-model="edit.value" @input="changed" @keydown.enter="enter" autocomplete="off">
        </div>
        <div class="field grade-comment">
          <label :for="id + '-comment'">Comment<span class="visually-hidden"> for {{ row.who }}</span>
            <span class="optional"> (optional)</span></label>
          <input :id="id + '-comment'" type="text" maxlength="2000" v-model="edit.comment" @input="changed"
                 @keydown.enter="enter" autocomplete="off">
        </div>
        <div class="grade-save">
          <button type="submit" class="small secondary save-grade" :disabled="edit.state === 'saving'">Save<span
            class="visually-hidden"> the grade of {{ row.who }}</span></button>
          <p class="row-status" role="status" aria-live="polite">{{ statusText }}</p>
        </div>
      </form>
      <problem-box :problem="edit.problem" class="row-problem" />
      <ul v-if="graded.length" class="grade-now">
        <li v-for="p in graded" :key="p.studentId" :data-grade-id="p.grade.id">
          <span v-if="row.people.length > 1">{{ p.name }}: </span>
          <span class="saved-value">{{ gradeValue(p.grade) }}</span>
          <span v-if="p.grade.comment" class="saved-comment"> — “{{ p.grade.comment }}”</span>
          <span :class="['label', p.grade.publishedAt ? 'done-label' : 'draft-label']">{{ p.grade.publishedAt ? 'Published' : 'Draft' }}</span>
          <span v-if="p.grade.regradeOpen" class="label need-label">Regrade requested</span>
          <span class="hint"> by {{ p.grade.gradedBy }}</span>
          <p v-if="p.grade.flag" class="note">{{ p.grade.flag }}</p>
          <grade-history :course-id="courseId" :grade-id="p.grade.id" :zone="zone" :label="p.name + '’s grade'" />
        </li>
      </ul>
    </li>`,
};

// A presenting team, or the holders of one role: one grade for all of them, or one each.
const GradeGroup = {
  components: { GradeRow },
  props: {
    group: { type: Object, required: true },
    title: { type: String, required: true },
    eachLabel: { type: String, required: true },
    togetherLabel: { type: String, required: true },
    edits: { type: Object, required: true },
    zone: { type: String, required: true },
    courseId: { type: Number, required: true },
  },
  emits: ['save', 'mode'],
  template: /*html*/`
    <div class="group-head">
      <h3>{{ title }}</h3>
      <button v-if="group.split" type="button" class="small secondary mode-toggle" :id="'mode-' + group.key"
              @click="$emit('mode', group, group.together ? 'each' : 'team')">{{ group.together ? eachLabel : togetherLabel }}</button>
    </div>
    <ul class="grade-rows">
      <grade-row v-for="row in group.rows" :key="row.key" :row="row" :edit="edits[row.key]" :zone="zone"
                 :course-id="courseId" @save="(...args) => $emit('save', ...args)" />
    </ul>`,
};

export default {
  components: { ProblemBox, GradeHistory, GradeRow, GradeGroup },
  props: {
    courseId: { type: Number, required: true },
    sessionId: { type: Number, required: true },
  },
  setup(props) {
    const base = `/api/courses/${props.courseId}`;
    const course = ref(courseOf(props.courseId) || null);
    const data = ref(null);
    const loadProblem = ref(null);
    const zone = computed(() => (course.value && course.value.timeZone) || browserZone);
    const modes = reactive({});   // per team or role: 'team' (one grade for all) or 'each'
    const edits = reactive({});   // per row key: what is typed, and how its save went

    const gradingPath = `${base}/sessions/${props.sessionId}/grading`;
    async function load() {
      try {
        const [c, d] = await Promise.all([get(base), get(gradingPath)]);
        course.value = c;
        data.value = initModes(d);
        loadProblem.value = null;
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }
    load();

    async function reload() {
      try {
        data.value = initModes(await get(gradingPath));
      } catch (e) {
        loadProblem.value = problemOf(e);
      }
    }

    // The rows, section by section

    // A team or a role's holders start with one grade for all, unless they already have different grades.
    function initModes(d) {
      d.presentations.forEach(p => {
        if (!modes[`p${p.presentationId}`]) {
          modes[`p${p.presentationId}`] = p.members.length > 1 && !common(p.members, d.scales.presentation).mixed ? 'team' : 'each';
        }
      });
      d.roles.forEach(r => {
        if (!modes[`r${r.roleId}`]) {
          modes[`r${r.roleId}`] = r.holders.length > 1 && !common(r.holders, d.scales.role).mixed ? 'team' : 'each';
        }
      });
      return d;
    }

    function group(key, people, scale, url, what, notes = []) {
      const together = people.length > 1 && modes[key] === 'team';
      const rows = together
        ? [{ key: `${key}-team`, url, studentId: null, scale, people, who: `Team: ${names(people)}`, what, notes }]
        : people.map(p => ({ key: `${key}-s${p.studentId}`, url, studentId: p.studentId, scale, people: [p], who: p.name,
          what, notes }));
      return { key, people, rows, together, split: people.length > 1 };
    }

    const presentations = computed(() => {
      const d = data.value;
      if (!d) {
        return [];
      }
      return d.presentations.map(p => ({
        ...group(`p${p.presentationId}`, p.members, d.scales.presentation, `${base}/grades/presentations/${p.presentationId}`,
          `presentation of “${p.paperTitle}”`, p.status && p.status !== 'CONFIRMED' ? [`Status: ${p.status.toLowerCase()}`] : []),
        title: p.paperTitle, presentationId: p.presentationId,
      }));
    });
    const roles = computed(() => {
      const d = data.value;
      if (!d) {
        return [];
      }
      return d.roles.map(r => ({
        ...group(`r${r.roleId}`, r.holders, d.scales.role, `${base}/grades/roles/${d.session.id}/${r.roleId}`, r.roleName),
        title: r.roleName, roleId: r.roleId,
      }));
    });
    const critiqueRows = computed(() => {
      const d = data.value;
      if (!d) {
        return [];
      }
      return d.critiques.map(c => ({
        key: `c${c.critiqueId}`, url: `${base}/grades/critiques/${c.critiqueId}`, studentId: null, scale: d.scales.critique,
        people: [{ studentId: c.studentId, name: c.name, grade: c.grade }], who: c.name, what: `critique of “${c.paperTitle}”`,
        notes: [`“${c.paperTitle}”`, c.late ? `Late: ${formatPoints(c.keepPercent)} % of the points are kept.` : (c.timing || 'On time.')]
          .concat(c.late && c.timing ? [c.timing] : []),
        late: c.late,
      }));
    });
    const allRows = computed(() => [
      ...presentations.value.flatMap(g => g.rows), ...roles.value.flatMap(g => g.rows), ...critiqueRows.value,
    ]);

    // A row's inputs follow what is saved, except while the grader has changed them and not saved yet.
    function sync(rows) {
      rows.forEach(row => {
        const now = common(row.people, row.scale);
        if (!edits[row.key]) {
          edits[row.key] = { value: now.value, comment: now.comment, mixed: now.mixed, dirty: false, state: '',
            savedText: '', problem: null };
        } else if (!edits[row.key].dirty) {
          Object.assign(edits[row.key], { value: now.value, comment: now.comment, mixed: now.mixed });
        }
      });
    }
    watch(allRows, sync, { immediate: true });

    const dirtyCount = computed(() => allRows.value.filter(r => edits[r.key] && edits[r.key].dirty).length);

    // Saving a row, and moving on

    function rowElement(key) {
      return document.querySelector(`[data-row-key="${CSS.escape(key)}"]`);
    }
    function focusValue(key) {
      nextTick(() => {
        const li = rowElement(key);
        const input = li && (li.querySelector('.grade-value input:checked') || li.querySelector('.grade-value input'));
        if (input) {
          input.focus();
          input.scrollIntoView({ block: 'nearest' });
        }
      });
    }
    function focusNext(key) {
      const list = allRows.value;
      const next = list[list.findIndex(r => r.key === key) + 1];
      if (next) {
        focusValue(next.key);
      } else {
        focusLater('publish', 'publish-heading');
      }
    }

    async function save(row, advance) {
      const edit = edits[row.key];
      if (!edit || edit.state === 'saving') {
        return;
      }
      const control = document.activeElement;
      edit.problem = null;
      if (edit.value === '' || edit.value === null || edit.value === undefined) {
        edit.state = '';
        edit.problem = { detail: row.scale.type === 'MARKS' ? `Choose a mark for ${row.who} first.`
          : `Enter the points for ${row.who} first.`, errors: [] };
        focusValue(row.key);
        return;
      }
      const body = { comment: (edit.comment || '').trim() };
      if (row.scale.type === 'MARKS') {
        body.mark = edit.value;
      } else {
        body.points = Number(edit.value);
      }
      if (row.studentId !== null) {
        body.studentId = row.studentId;
      }
      edit.state = 'saving';
      try {
        const saved = await put(row.url, body);
        const first = Array.isArray(saved) && saved.length ? saved[0] : null;
        edit.dirty = false;
        edit.state = 'saved';
        edit.savedText = first ? `Saved: ${shortValue(first)}${first.publishedAt ? ' (published: the student sees it now)' : ' (draft)'}.`
          : 'Saved.';
        await reload();
        if (advance) {
          focusNext(row.key);
        } else {
          restoreFocus(control);
        }
      } catch (e) {
        edit.state = '';
        edit.problem = problemOf(e);
        focusValue(row.key);
      }
    }

    function setMode(g, mode) {
      modes[g.key] = mode;
      announce(mode === 'team' ? `One grade for all of ${names(g.people)}.` : `A grade for each of ${names(g.people)}.`);
      focusValue(mode === 'team' ? `${g.key}-team` : `${g.key}-s${g.people[0].studentId}`);
    }

    // Publishing the drafts

    const confirming = ref(false);
    const publishing = ref(false);
    const published = ref(null);
    const publishProblem = ref(null);
    function askPublish() {
      confirming.value = true;
      published.value = null;
      publishProblem.value = null;
      focusLater('publish-confirm');
    }
    function cancelPublish() {
      confirming.value = false;
      focusLater('publish');
    }
    async function publish() {
      publishing.value = true;
      publishProblem.value = null;
      try {
        const result = await post(`${base}/sessions/${props.sessionId}/grades/publish`);
        published.value = result ? result.published : 0;
        confirming.value = false;
        announce(`Published ${plural(published.value, 'grade', 'grades')} of session ${data.value.session.number}; `
          + 'the students see them now.');
        await reload();
        focusLater('publish-heading');
      } catch (e) {
        publishProblem.value = problemOf(e);
        focusLater('publish-heading');
      } finally {
        publishing.value = false;
      }
    }

    // Grades whose item is gone

    const removing = ref(null);
    const removeProblems = reactive({});
    async function removeGrade(g) {
      removing.value = g.id;
      removeProblems[g.id] = null;
      try {
        await del(`${base}/grades/${g.id}`);
        announce(`Removed the grade of ${g.studentName} for “${g.subjectTitle}”.`);
        await reload();
        focusLater('flagged-heading', 'publish-heading');
      } catch (e) {
        removeProblems[g.id] = problemOf(e);
      } finally {
        removing.value = null;
      }
    }

    const windowDays = computed(() => {
      const policy = course.value && course.value.policies && course.value.policies.grading;
      return policy ? policy.regradeWindowDays : null;
    });
    const sessionTitle = computed(() => {
      const s = data.value && data.value.session;
      return s ? `session ${s.number}, ${formatDay(s.date)}` : `session`;
    });

    return {
      base, course, data, loadProblem, zone, edits, presentations, roles, critiqueRows, allRows, dirtyCount,
      save, setMode, confirming, publishing, published, publishProblem, askPublish, cancelPublish, publish,
      removing, removeProblems, removeGrade, windowDays, sessionTitle, gradeValue, gradeState, scaleText, kindNames,
      plural, names,
    };
  },
  template: /*html*/`
    <div class="grading-page">
      <p class="breadcrumb"><a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a>
        · <a :href="'#/courses/' + courseId + '/grades'">Grade summary</a></p>
      <h1>Grading: {{ sessionTitle }}<span v-if="data && data.session.topic">, “{{ data.session.topic }}”</span></h1>
      <problem-box id="load-error" :problem="loadProblem" />
      <p v-if="!data && !loadProblem" class="loading">Loading the session’s grading sheet…</p>

      <template v-if="data">
        <p v-if="!data.session.held" class="card notice" id="not-held">This session is not held (no class). Nothing can be
          graded here; grades given before it was cancelled are listed below, kept and flagged.</p>
        <p class="hint" id="keyboard-hint">Keyboard: Tab goes from row to row. For a mark, use the arrow keys or the digit
          keys (1 is the first mark). <kbd>Enter</kbd> saves the row and moves to the next one. Grades stay drafts, hidden
          from students, until you publish them.</p>
        <p id="draft-count" class="course-meta"><strong>{{ plural(data.unpublished, 'draft grade', 'draft grades') }}</strong>
          not published yet<span v-if="dirtyCount">; {{ plural(dirtyCount, 'row has', 'rows have') }} changes not saved</span>.</p>

        <section v-if="data.session.held || presentations.length" id="presentations-section" aria-labelledby="presentations-heading">
          <h2 id="presentations-heading">Presenting teams</h2>
          <p class="hint">Scale: {{ scaleText(data.scales.presentation) }}.</p>
          <p v-if="!presentations.length">Nobody presents in this session.</p>
          <div v-for="g in presentations" :key="g.key" class="grade-group card" :data-presentation-id="g.presentationId">
            <grade-group :group="g" :title="'“' + g.title + '”'" each-label="Grade each member separately"
                         together-label="One grade for the whole team" :edits="edits" :zone="zone" :course-id="courseId"
                         @save="save" @mode="setMode" />
          </div>
        </section>

        <section v-if="data.session.held || roles.length" id="roles-section" aria-labelledby="roles-heading">
          <h2 id="roles-heading">Supporting roles</h2>
          <p class="hint">Scale: {{ scaleText(data.scales.role) }}.</p>
          <p v-if="!roles.length">Nobody holds a supporting role in this session.</p>
          <div v-for="g in roles" :key="g.key" class="grade-group card" :data-role-id="g.roleId">
            <grade-group :group="g" :title="g.title" each-label="Grade each holder separately"
                         together-label="One grade for all holders" :edits="edits" :zone="zone" :course-id="courseId"
                         @save="save" @mode="setMode" />
          </div>
        </section>

        <section v-if="data.session.held || critiqueRows.length" id="critiques-section" aria-labelledby="critiques-grading-heading">
          <h2 id="critiques-grading-heading">Critiques</h2>
          <p class="hint">Scale: {{ scaleText(data.scales.critique) }}. A late critique keeps the share of the points
            shown; the penalty is applied when the grade is counted.</p>
          <p v-if="!critiqueRows.length">No critique was accepted for this session.</p>
          <ul v-else class="grade-rows card">
            <grade-row v-for="row in critiqueRows" :key="row.key" :row="row" :edit="edits[row.key]" :zone="zone"
                       :course-id="courseId" @save="save" />
          </ul>
        </section>

        <section v-if="data.flagged.length" id="flagged-section" aria-labelledby="flagged-heading">
          <h2 id="flagged-heading" tabindex="-1">Grades whose item is gone ({{ data.flagged.length }})</h2>
          <p class="hint">The sign-up or critique was withdrawn, moved or cancelled after it was graded. The grade is kept
            and still counts until you remove it.</p>
          <ul class="flagged-list">
            <li v-for="g in data.flagged" :key="g.id" class="flagged card" :data-grade-id="g.id">
              <p><strong>{{ g.studentName }}</strong> — {{ kindNames[g.kind] || g.kind }} “{{ g.subjectTitle }}”:
                {{ gradeValue(g) }}
                <span :class="['label', g.publishedAt ? 'done-label' : 'draft-label']">{{ g.publishedAt ? 'Published' : 'Draft' }}</span></p>
              <p class="note flag-text"><span aria-hidden="true">⚑ </span>{{ g.flag }}</p>
              <p v-if="g.comment" class="hint">Comment: “{{ g.comment }}”</p>
              <div class="actions">
                <button type="button" class="danger small remove-grade" :disabled="removing === g.id" @click="removeGrade(g)">
                  {{ removing === g.id ? 'Removing…' : 'Remove grade' }}<span class="visually-hidden"> of {{ g.studentName }}
                  for “{{ g.subjectTitle }}”</span></button>
              </div>
              <problem-box :problem="removeProblems[g.id]" />
              <grade-history :course-id="courseId" :grade-id="g.id" :zone="zone" :label="g.studentName + '’s grade'" />
            </li>
          </ul>
        </section>

        <section id="publish-section" class="card" aria-labelledby="publish-heading">
          <h2 id="publish-heading" tabindex="-1">Publish</h2>
          <problem-box :problem="publishProblem" />
          <p v-if="published !== null" id="publish-result" class="success">Published {{ plural(published, 'grade', 'grades') }};
            the students see them now.</p>
          <p v-if="!data.unpublished">Every grade of this session is published.</p>
          <p v-else>Students see a grade once it is published<span v-if="windowDays !== null">, and may then ask for a regrade
            within {{ plural(windowDays, 'day', 'days') }}</span>.</p>
          <p v-if="dirtyCount && data.unpublished" class="file-warning">{{ plural(dirtyCount, 'row has', 'rows have') }} changes
            that are not saved: they are not published.</p>
          <div v-if="confirming" class="confirm" role="group" aria-labelledby="publish-confirm-text">
            <p id="publish-confirm-text">Publish {{ plural(data.unpublished, 'draft grade', 'draft grades') }} of {{ sessionTitle }}?</p>
            <div class="actions">
              <button type="button" id="publish-confirm" :disabled="publishing" @click="publish">
                {{ publishing ? 'Publishing…' : 'Publish ' + plural(data.unpublished, 'grade', 'grades') }}</button>
              <button type="button" class="secondary" id="publish-cancel" @click="cancelPublish">Not yet</button>
            </div>
          </div>
          <button v-else type="button" id="publish" :disabled="!data.unpublished" @click="askPublish">
            Publish {{ plural(data.unpublished, 'draft grade', 'draft grades') }}</button>
        </section>
      </template>
    </div>`,
};
