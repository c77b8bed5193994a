// Staff grade one session: the presenting teams, the supporting-role holders and the accepted critiques, each row on
// the course's scale with an optional comment. Made for the keyboard: Tab reaches each row's grade, Enter saves the
// row and moves on to the next one. Drafts stay hidden from students until "Publish". Beside the critiques, the
// critique of the row in focus is shown (the browser's PDF viewer), so that grading them is read, mark, Enter.
import { ref, reactive, computed, watch, nextTick, onUnmounted } from 'vue';
import { get, put, problemOf } from '../api.js';
import { announce } from '../store.js';
import { formatDay } from '../time.js';
import { focusLater, restoreFocus } from '../focus.js';
import ProblemBox from './problem-box.js';
import GradeRow from './grade-row.js';
import GradeGroup from './grade-group.js';
import GradingFlagged from './grading-flagged.js';
import GradingPublish from './grading-publish.js';
import GradingPreview from './grading-preview.js';
import { shortValue, scaleText } from './grade-format.js';
import { formatPoints, plural } from '../format.js';
import { common, names } from './grade-sheet.js';
import { useCourseView } from './use-course-view.js';

export default {
  components: { ProblemBox, GradeRow, GradeGroup, GradingFlagged, GradingPublish, GradingPreview },
  props: {
    courseId: { type: Number, required: true },
    sessionId: { type: Number, required: true },
  },
  setup(props) {
    const { base, course, loadProblem, zone, loading } = useCourseView(props);
    const data = ref(null);
    const modes = reactive({});   // per team or role: 'team' (one grade for all) or 'each'
    const edits = reactive({});   // per row key: what is typed, and how its save went

    const gradingPath = `${base}/sessions/${props.sessionId}/grading`;
    loading(async () => {
      const [c, d] = await Promise.all([get(base), get(gradingPath)]);
      course.value = c;
      data.value = initModes(d);
    });

    const reload = () => loading(async () => {
      data.value = initModes(await get(gradingPath));
    });

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
        late: c.late, critiqueId: c.critiqueId, pdf: `${base}/critiques/${c.critiqueId}/pdf`,
        pdfLabel: `${c.name}’s critique of “${c.paperTitle}”`,
      }));
    });

    // The critique shown beside the rows: the one whose row has focus (or was last used), else the first.
    const readingKey = ref(null);
    const reading = computed(() => critiqueRows.value.find(r => r.key === readingKey.value) || critiqueRows.value[0] || null);
    function follow(event) {
      const li = event.target.closest && event.target.closest('[data-row-key]');
      if (li && li.dataset.rowKey !== readingKey.value && critiqueRows.value.some(r => r.key === li.dataset.rowKey)) {
        readingKey.value = li.dataset.rowKey;
      }
    }
    // A wide window shows the PDF beside the marks; a narrow one (a phone) offers a link that opens it.
    const wideQuery = window.matchMedia('(min-width: 64rem)');
    const wide = ref(wideQuery.matches);
    const onWidth = e => { wide.value = e.matches; };
    wideQuery.addEventListener('change', onWidth);
    onUnmounted(() => wideQuery.removeEventListener('change', onWidth));
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

    const windowDays = computed(() => {
      const policy = course.value && course.value.policies && course.value.policies.grading;
      return policy ? policy.regradeWindowDays : null;
    });
    const sessionTitle = computed(() => {
      const s = data.value && data.value.session;
      return s ? `session ${s.number}, ${formatDay(s.date)}` : `session`;
    });

    return {
      course, data, loadProblem, zone, edits, presentations, roles, critiqueRows, dirtyCount, save, setMode, reload,
      windowDays, sessionTitle, scaleText, plural, reading, follow, wide,
    };
  },
  template: /*html*/`
    <div :class="['grading-page', { reading: wide && critiqueRows.length }]">
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
        <p id="grading-progress" class="course-meta"><strong>{{ data.graded }} of {{ data.toGrade }} graded</strong><span
          v-if="data.toGrade > data.graded">: {{ plural(data.toGrade - data.graded, 'item has', 'items have') }} no grade yet</span>.</p>
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
          <div v-else class="critique-reading">
            <ul class="grade-rows card" @focusin="follow">
              <grade-row v-for="row in critiqueRows" :key="row.key" :row="row" :edit="edits[row.key]" :zone="zone"
                         :course-id="courseId" @save="save" />
            </ul>
            <grading-preview v-if="wide && reading" :row="reading" />
          </div>
        </section>

        <grading-flagged v-if="data.flagged.length" :course-id="courseId" :flagged="data.flagged" :zone="zone"
                         :reload="reload" />

        <grading-publish :course-id="courseId" :session-id="sessionId" :data="data" :session-title="sessionTitle"
                         :dirty-count="dirtyCount" :window-days="windowDays" :reload="reload" />
      </template>
    </div>`,
};
