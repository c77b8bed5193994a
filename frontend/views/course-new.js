// Starting a course (staff who may create courses): copy one of theirs into a new term, or import a course file.
// Either way the new course opens once it exists; a refused file lists every error, with its line or field, here.
import { ref, reactive, computed, watch } from 'vue';
import { get, post, problemOf } from '../api.js';
import { store, signedIn, announce, navigate } from '../store.js';
import ProblemBox from './problem-box.js';

export default {
  components: { ProblemBox },
  props: { fromId: { type: Number, default: null } },
  setup(props) {
    const creator = computed(() => !!store.me.courseCreator);
    const mine = computed(() => store.me.courses.filter(c => c.role === 'INSTRUCTOR'));
    const from = mine.value.find(c => c.id === props.fromId) || mine.value[0] || null;

    // Opens the new course once /api/me knows it (the page's course list and titles come from there).
    async function open(course, how) {
      signedIn(await get('/api/me'));
      navigate(`/courses/${course.id}`, { flash: `${course.code} (${course.term}) was ${how}.` });
    }

    const copy = reactive({ sourceId: from ? from.id : null, code: from ? from.code : '', term: '', title: '', firstDay: '',
      breaks: 'KEEP', carryTas: false });
    // A new term usually keeps the code: it follows the course chosen, and stays editable.
    watch(() => copy.sourceId, id => {
      const chosen = mine.value.find(c => c.id === id);
      if (chosen) {
        copy.code = chosen.code;
      }
    });
    const copying = ref(false);
    const copyProblem = ref(null);
    async function copyCourse() {
      copying.value = true;
      copyProblem.value = null;
      try {
        const course = await post(`/api/courses/${copy.sourceId}/copy`, { code: copy.code.trim(), term: copy.term.trim(),
          title: copy.title.trim() || null, firstDay: copy.firstDay || null, breaks: copy.breaks, carryTas: copy.carryTas });
        await open(course, 'copied into the new term');
      } catch (e) {
        copyProblem.value = problemOf(e);
        announce('The course was not copied; see the problem above the form.');
      } finally {
        copying.value = false;
      }
    }

    const file = ref('');
    const fileName = ref('');
    const importFirstDay = ref('');
    const importing = ref(false);
    const importProblem = ref(null);
    function readFile(event) {
      const chosen = event.target.files[0];
      if (!chosen) {
        return;
      }
      importProblem.value = null;
      chosen.text().then(text => {
        file.value = text;
        fileName.value = chosen.name;
        announce(`Read ${chosen.name}. Check it below, then choose Import.`);
      });
    }
    async function importCourse() {
      importing.value = true;
      importProblem.value = null;
      try {
        const json = file.value.trimStart().startsWith('{');
        const query = importFirstDay.value ? `?firstDay=${importFirstDay.value}` : '';
        const course = await post(`/api/courses/import${query}`, file.value, json ? 'application/json' : 'application/yaml');
        await open(course, 'imported');
      } catch (e) {
        importProblem.value = problemOf(e);
        announce('Nothing was imported; the errors are listed above the form.');
      } finally {
        importing.value = false;
      }
    }
    const lines = computed(() => file.value ? file.value.split('\n').length : 0);

    return { store, creator, mine, copy, copying, copyProblem, copyCourse, file, fileName, importFirstDay, importing,
      importProblem, readFile, importCourse, lines };
  },
  template: /*html*/`
    <div class="course-new-page">
      <p class="breadcrumb"><a href="#/">← Your courses</a></p>
      <h1>Start a course</h1>
      <p v-if="!creator" id="not-creator">Your account may not create courses; ask an administrator to allow it.</p>
      <template v-else>
        <section v-if="mine.length" aria-labelledby="copy-heading">
          <h2 id="copy-heading">Copy a course into a new term</h2>
          <form id="copy-form" class="card" @submit.prevent="copyCourse" :aria-busy="copying">
            <problem-box id="copy-error" :problem="copyProblem"
                         :labels="{ code: 'Code', term: 'Term', title: 'Title', firstDay: 'First day of classes' }" />
            <p class="hint">The policies, supporting roles, papers and schedule with its readings come along. Students,
              sign-ups, critiques and grades do not. You become the instructor.</p>
            <div class="form-grid">
              <div class="field wide">
                <label for="copy-source">Course to copy</label>
                <select id="copy-source" v-model="copy.sourceId">
                  <option v-for="c in mine" :key="c.id" :value="c.id">{{ c.code }}: {{ c.title }} ({{ c.term }})</option>
                </select>
              </div>
              <div class="field">
                <label for="copy-code">New code</label>
                <input id="copy-code" type="text" v-model="copy.code" required maxlength="40" autocomplete="off">
              </div>
              <div class="field">
                <label for="copy-term">New term</label>
                <input id="copy-term" type="text" v-model="copy.term" required maxlength="60" placeholder="Spring 2027" autocomplete="off">
              </div>
              <div class="field">
                <label for="copy-title">Title <span class="optional">(optional: the same if empty)</span></label>
                <input id="copy-title" type="text" v-model="copy.title" maxlength="200" autocomplete="off">
              </div>
              <div class="field">
                <label for="copy-first-day">First day of classes</label>
                <input id="copy-first-day" type="date" v-model="copy.firstDay" required aria-describedby="copy-first-day-hint">
              </div>
            </div>
            <p id="copy-first-day-hint" class="hint">Each session keeps its weekday: the week of this day takes the place of
              the week of the old first class, and every later week follows in order.</p>
            <fieldset class="choice">
              <legend>Breaks (cancelled sessions, holidays)</legend>
              <label><input type="radio" name="breaks" value="KEEP" v-model="copy.breaks" id="breaks-keep"> Keep them, moved with the rest</label>
              <label><input type="radio" name="breaks" value="LEAVE_OUT" v-model="copy.breaks" id="breaks-leave-out"> Leave them out; I will enter the new term's breaks</label>
            </fieldset>
            <div class="field check">
              <input id="copy-tas" type="checkbox" v-model="copy.carryTas">
              <label for="copy-tas">Bring the teaching assistants along</label>
            </div>
            <button type="submit" id="copy-course" :disabled="copying">{{ copying ? 'Copying…' : 'Copy the course' }}</button>
          </form>
        </section>

        <section aria-labelledby="import-course-heading">
          <h2 id="import-course-heading">Import a course file</h2>
          <form id="import-course-form" class="card" @submit.prevent="importCourse" :aria-busy="importing">
            <problem-box id="import-course-error" :problem="importProblem" />
            <p class="hint" id="course-file-hint">A course file in YAML or JSON, such as one downloaded from a course's
              schedule page. It is checked whole first: if anything is wrong, nothing is created and every error is listed
              with its line or field.</p>
            <div class="field">
              <label for="course-file">Choose a course file</label>
              <input id="course-file" type="file" accept=".yml,.yaml,.json,application/yaml,application/json,text/plain" @change="readFile">
            </div>
            <div class="field">
              <label for="course-text">…or paste its text <span v-if="lines" class="optional">({{ lines }} lines)</span></label>
              <textarea id="course-text" v-model="file" rows="12" spellcheck="false" aria-describedby="course-file-hint"
                        placeholder="format: paperclub-course/1&#10;course: {code: CS 101, title: …, term: Spring 2027, timeZone: America/New_York}"></textarea>
            </div>
            <div class="field">
              <label for="import-first-day">First day of classes <span class="optional">(optional: keep the file's dates if empty)</span></label>
              <input id="import-first-day" type="date" v-model="importFirstDay">
            </div>
            <button type="submit" id="import-course" :disabled="importing || !file.trim()">{{ importing ? 'Importing…' : 'Import' }}</button>
          </form>
        </section>
      </template>
    </div>`,
};
