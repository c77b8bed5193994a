// The critiques page's data: the course and its policies, the sessions, the viewer's progress and deadlines, the
// critiques they may see, the students and extensions (for staff), and the clock the deadlines are read against.
// The page provides it to its parts under CRITIQUES.
import { ref, computed, onUnmounted } from 'vue';
import { get } from '../api.js';
import { store, isStaff } from '../store.js';
import { formatInstant, countdown, browserZone } from '../time.js';
import { useCourseView } from './use-course-view.js';
import { byName } from '../format.js';

export const CRITIQUES = Symbol('critiques');

export function useCritiques(props) {
  const { base, course, loadProblem, zone, loading } = useCourseView(props);
  const sessions = ref([]);
  const progress = ref(null);        // the viewer's own (for staff: the deadlines without anyone's extension)
  const critiques = ref(null);
  const students = ref([]);
  const extensions = ref([]);
  const staff = computed(() => isStaff(course.value));
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

  /**
   * Loads it all in two requests: the course and its sessions (the course-wide answer every member shares) and the
   * page's own data (progress, critiques, extensions; for staff the roster and which critiques are graded).
   * Resolves to whether it worked.
   */
  const gradedCritiques = ref(null);
  const load = () => loading(async () => {
    const [page, o] = await Promise.all([get(`${base}/schedule`), get(`${base}/critiques/overview`)]);
    if (o.roster) {
      students.value = o.roster.filter(x => x.role === 'STUDENT')
        .sort(byName);
    }
    gradedCritiques.value = o.gradedCritiques;
    course.value = { ...page.course, role: o.role };
    sessions.value = page.sessions;
    extensions.value = o.extensions;
    progress.value = o.progress;
    critiques.value = o.critiques;
  });
  const reloadCritiques = () => loading(async () => {
    const [list, p] = await Promise.all([get(`${base}/critiques`), get(`${base}/critiques/progress`)]);
    critiques.value = list;
    progress.value = p;
  });
  const reloadExtensions = () => loading(async () => {
    extensions.value = await get(`${base}/extensions`);
  });

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

  const critiquesOf = (studentId, sessionId) => (critiques.value || [])
    .filter(c => c.studentId === studentId && c.sessionId === sessionId);
  /** Whether an upload for this deadline can still be judged on time or late, rather than refused for lateness. */
  const open = d => !passed(d) || lateAccepted.value;
  const left = d => countdown(d.due, now.value);

  // The student's own critiques and deadlines
  const mine = computed(() => (critiques.value || []).filter(c => !staff.value && store.me && c.studentId === store.me.id));
  const deadlineOf = sessionId => (progress.value ? progress.value.deadlines.find(d => d.sessionId === sessionId) : null);
  const handedInFor = d => mine.value.filter(c => c.sessionId === d.sessionId);

  return {
    base, course, sessions, progress, critiques, students, extensions, loadProblem, staff, zone, policies, lateAccepted,
    graceUnit, now, passed, load, reloadCritiques, reloadExtensions, paperTitle, studentName, due, yourDue, critiquesOf,
    open, left, mine, deadlineOf, handedInFor, gradedCritiques,
  };
}
