// One course on the home page: a student's critiques due (with the late policy's verdict now and the grace left),
// sign-ups still missing, presentations and roles, and new grades; for staff, what waits for them.
import { computed } from 'vue';
import { formatInstant, countdown } from '../time.js';
import { plural } from '../format.js';
import { roleNames } from './courses.js';
import { latePolicyText } from './critique-policy.js';
import { courseOf } from '../store.js';

const SOON = 14 * 24 * 3_600_000;

/** Shown: the critiques still open to hand in (late ones the policy accepts first), then the next due; at most 3. */
export function critiquesToShow(critiques) {
  if (!critiques) {
    return [];
  }
  const lateButOpen = critiques.sessions.filter(s => s.passed && s.openPlace && s.acceptedNow && !s.handedIn.length);
  const upcoming = critiques.sessions.filter(s => !s.passed);
  return [...lateButOpen, ...upcoming].slice(0, 3);
}

export default {
  props: { course: { type: Object, required: true }, now: { type: Number, required: true } },
  setup(props) {
    const c = computed(() => props.course);
    const link = path => `#/courses/${c.value.courseId}${path}`;
    const when = instant => formatInstant(instant, c.value.timeZone);
    const inTime = instant => countdown(instant, props.now);
    const due = computed(() => critiquesToShow(c.value.critiques));
    const graceUnit = u => (u === 'DAYS' ? 'day' : 'hour');
    const grace = computed(() => {
      const k = c.value.critiques;
      return k && k.graceUnit ? `${k.graceLeft} of ${plural(k.graceBudget, graceUnit(k.graceUnit), graceUnit(k.graceUnit) + 's')} of grace left` : null;
    });
    const upcomingTalks = computed(() => (c.value.signups ? c.value.signups.presentations : [])
      .filter(p => Date.parse(p.startsAt) > props.now - 3_600_000));
    const upcomingRoles = computed(() => (c.value.signups ? c.value.signups.roles : [])
      .filter(r => Date.parse(r.startsAt) > props.now - 3_600_000).slice(0, 3));
    // Blocks still lacking my role whose first open session freezes within two weeks; the later ones are counted.
    const firstFreeze = b => Math.min(...b.open.map(o => Date.parse(o.freezesAt)));
    const missing = computed(() => (c.value.signups ? c.value.signups.missingBlocks : []).filter(b => b.open.length));
    const openBlocks = computed(() => missing.value.filter(b => firstFreeze(b) - props.now < SOON));
    const laterBlocks = computed(() => missing.value.length - openBlocks.value.length);
    const roleList = names => (names.length > 3 ? plural(names.length, 'role', 'roles') + ' free' : names.join(', '));
    const presentationsMissing = computed(() => {
      const s = c.value.signups;
      return s ? Math.max(0, s.presentationsRequired - s.presentations.length) : 0;
    });
    const kindWords = { PRESENTATION: 'presentation', ROLE: 'role', CRITIQUE: 'critique' };
    const headingId = `home-course-${props.course.courseId}`;
    // The late policy in words, from the course as the signed-in user's list has it (no further request).
    const latePolicy = computed(() => {
      const known = courseOf(c.value.courseId);
      return known && known.policies ? latePolicyText(known.policies.latePolicy) : '';
    });
    return { c, link, when, inTime, due, grace, upcomingTalks, upcomingRoles, openBlocks, laterBlocks, roleList, presentationsMissing,
      roleNames, plural, kindWords, headingId, latePolicy };
  },
  template: /*html*/`
    <section class="card home-course" :aria-labelledby="headingId">
      <h2 :id="headingId"><a :href="link('')">{{ c.code }}: {{ c.title }}</a></h2>
      <p class="course-meta">{{ c.term }} · {{ roleNames[c.role] || c.role }}</p>

      <template v-if="c.staff">
        <ul class="home-list staff-waits">
          <li v-if="c.staff.toGrade != null" class="to-grade">
            <a v-if="c.staff.toGrade" :href="link('/grades')" :data-to-grade="c.staff.toGrade">{{ plural(c.staff.toGrade, 'item', 'items') }} to grade in {{ c.code }}</a>
            <span v-else>Nothing left to grade.</span>
          </li>
          <li class="open-regrades">
            <a v-if="c.staff.openRegrades" :href="link('/grades')">{{ plural(c.staff.openRegrades, 'regrade request waits', 'regrade requests wait') }} for an answer</a>
            <span v-else>No regrade request waits for an answer.</span>
          </li>
        </ul>
        <p class="home-links"><a :href="link('')">Schedule</a> · <a :href="link('/grades')">Grades</a> ·
          <a :href="link('/roster')">Roster</a></p>
      </template>

      <template v-else>
        <div v-if="c.critiques" class="home-part home-critiques">
          <h3>Critiques</h3>
          <p class="critique-count">{{ c.critiques.accepted }} of {{ c.critiques.required }} handed in<template v-if="grace"> ·
            <span class="grace-left">{{ grace }}</span></template>.</p>
          <p v-if="latePolicy" class="hint late-policy">{{ latePolicy }}</p>
          <ul v-if="due.length" class="home-list">
            <li v-for="s in due" :key="s.sessionId" :class="['deadline', { done: s.handedIn.length, soon: !s.handedIn.length }]"
                :data-session-id="s.sessionId">
              <p><strong>Session {{ s.sessionNumber }}</strong>:
                <span v-for="(p, i) in s.papers" :key="p.id" class="paper-title">{{ i ? ', ' : '' }}“{{ p.title }}”</span></p>
              <p>Due <time :datetime="s.due">{{ when(s.due) }}</time>
                (<span class="countdown">{{ inTime(s.due) }}</span>)<template v-if="s.extensionHours">, with your
                {{ plural(s.extensionHours, 'hour', 'hours') }} of extension</template>.</p>
              <p v-if="s.handedIn.length" class="handed-in"><span class="label done-label">Handed in</span>
                <span v-for="h in s.handedIn" :key="h.critiqueId">“{{ h.paperTitle }}”, {{ h.late ? 'late' : 'on time' }}</span></p>
              <p v-else class="not-handed-in"><span class="label soon-label">Not handed in</span>
                <span v-if="s.passed" class="if-now">If you hand it in now: {{ s.ifNow }}</span></p>
            </li>
          </ul>
          <p v-else class="hint">Nothing is due.</p>
          <p><a :href="link('/critiques')">{{ due.some(s => !s.handedIn.length) ? 'Hand in a critique' : 'Your critiques' }}</a></p>
        </div>

        <div v-if="c.signups && (c.signups.presentationsRequired || c.signups.presentations.length || c.signups.roles.length
                    || c.signups.missingBlocks.length)" class="home-part home-signups">
          <h3>Presentations and roles</h3>
          <ul class="home-list">
            <li v-for="p in upcomingTalks" :key="p.sessionId" class="my-presentation">
              You present “{{ p.paperTitle }}” in session {{ p.sessionNumber }},
              <time :datetime="p.startsAt">{{ when(p.startsAt) }}</time><template v-if="p.team.length > 1">, with
              {{ p.team.join(', ') }}</template><template v-if="p.proposed"> (the paper waits for approval)</template>.</li>
            <li v-if="presentationsMissing" class="presentation-missing">
              You have not signed up to present yet{{ presentationsMissing > 1 ? ' (' + presentationsMissing + ' more)' : '' }}.</li>
            <li v-for="r in upcomingRoles" :key="r.sessionId + '-' + r.roleName" class="my-role">
              You are {{ r.roleName }} in session {{ r.sessionNumber }}, <time :datetime="r.startsAt">{{ when(r.startsAt) }}</time>.</li>
            <li v-for="b in openBlocks" :key="b.block" class="missing-block">
              You hold no role yet in {{ b.name }}.
              Open: <span v-for="(o, i) in b.open" :key="o.sessionId">{{ i ? '; ' : '' }}session {{ o.sessionNumber }}
                ({{ roleList(o.freeRoles) }}), sign-up freezes <time :datetime="o.freezesAt">{{ inTime(o.freezesAt) }}</time></span>.</li>
            <li v-if="laterBlocks" class="later-blocks hint">{{ plural(laterBlocks, 'later block', 'later blocks') }} without your role;
              {{ laterBlocks === 1 ? 'its sign-ups freeze' : 'their sign-ups freeze' }} in more than two weeks.</li>
          </ul>
          <p v-if="!upcomingTalks.length && !presentationsMissing && !upcomingRoles.length && !openBlocks.length && !laterBlocks" class="hint">
            Nothing to sign up for.</p>
          <p><a :href="link('/signups')">Sign-ups</a></p>
        </div>

        <div v-if="c.grades" class="home-part home-grades">
          <h3>Grades</h3>
          <ul v-if="c.grades.grades.length || c.grades.regrades.length" class="home-list">
            <li v-for="g in c.grades.grades" :key="g.sessionId + g.kind + g.subjectTitle" class="new-grade">
              New: {{ kindWords[g.kind] }} “{{ g.subjectTitle }}” (session {{ g.sessionNumber }}): <strong>{{ g.value }}</strong></li>
            <li v-for="(r, i) in c.grades.regrades" :key="'r' + i" class="regrade-answer">
              Your regrade request on “{{ r.subjectTitle }}” was answered<template v-if="r.newValue && r.newValue !== r.oldValue">:
              {{ r.oldValue }} → {{ r.newValue }}</template>.<template v-if="r.answer"> “{{ r.answer }}”</template></li>
          </ul>
          <p v-else class="hint">No new grades in the last two weeks.</p>
          <p><a :href="link('/my-grades')">Your grades</a></p>
        </div>
      </template>
    </section>`,
};
