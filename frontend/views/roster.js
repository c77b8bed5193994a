// The course's people (staff): list and search them, add one, change a role, remove a student, import and export a CSV.
// New accounts are invited by e-mail when the site sends e-mail; otherwise their set-password links are shown here once
// only. Each person's invitation (pending, expired) and a refused address are shown in their row.
import { ref, reactive, computed, nextTick } from 'vue';
import { get, post, del, problemOf } from '../api.js';
import { announce, store } from '../store.js';
import ProblemBox from './problem-box.js';
import LmsRosterSync from './lms-roster-sync.js';
import { roleNames } from './courses.js';
import { useCourseView } from './use-course-view.js';

export default {
  components: { ProblemBox, LmsRosterSync },
  props: { courseId: { type: Number, required: true } },
  setup(props) {
    const { base, course, loadProblem, loading } = useCourseView(props);
    const roster = ref(null);
    const canAddStaff = computed(() => course.value && course.value.role === 'INSTRUCTOR');

    const load = () => loading(async () => {
      roster.value = await get(`${base}/roster`);
    });
    load();
    // Whether this site sends e-mail: invitations are then mailed, and links are no longer shown here.
    const mailEnabled = computed(() => store.me ? store.me.mailEnabled : null);

    // Set-password links of accounts made here: the server never shows them again, so they stay until dismissed.
    const newAccounts = ref([]);
    const SHOWN = 100;
    function remember(people) {
      const made = people.filter(p => p.invitationLink).map(p => ({ email: p.entry.email, name: p.entry.name,
        link: location.origin + p.invitationLink, expiresAt: p.invitationExpiresAt }));
      const replaced = new Set(made.map(a => a.email));
      newAccounts.value = [...newAccounts.value.filter(a => !replaced.has(a.email)), ...made];
      return made.length;
    }
    function dismissPasswords() {
      newAccounts.value = [];
      nextTick(() => document.getElementById('roster-heading').focus());
    }
    function expiry(a) {
      return a.expiresAt ? new Date(a.expiresAt).toLocaleDateString(undefined, { dateStyle: 'long' }) : '';
    }
    // A spreadsheet runs a cell starting with = + - @ as a formula: such names are written with a leading apostrophe.
    function cell(text) {
      const t = String(text ?? '');
      const safe = /^[=+\-@\t\r]/.test(t) ? "'" + t : t;
      return '"' + safe.replaceAll('"', '""') + '"';
    }
    function downloadLinks() {
      const lines = ['email,name,link,expires'].concat(newAccounts.value.map(a =>
        [a.email, a.name, a.link, a.expiresAt].map(cell).join(',')));
      const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `set-password-links-course-${props.courseId}.csv`;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    const person = reactive({ email: '', name: '', role: 'STUDENT', section: '' });
    const adding = ref(false);
    const addProblem = ref(null);
    async function addPerson() {
      adding.value = true;
      addProblem.value = null;
      try {
        const added = await post(`${base}/roster`, { email: person.email.trim(), name: person.name.trim() || null,
          role: person.role, section: person.section.trim() || null });
        const made = remember([added]);
        await load();
        announce(`${added.entry.name} (${added.entry.email}) is on the roster`
          + (made ? '; their set-password link is shown under “New accounts”.'
            : added.invitationEmailed ? '; an e-mail inviting them to choose their password is on its way.' : '.'));
        Object.assign(person, { email: '', name: '', section: '' });
        if (made) {
          nextTick(() => document.getElementById('new-accounts-heading').focus());
        }
      } catch (e) {
        addProblem.value = problemOf(e);
      } finally {
        adding.value = false;
      }
    }

    const csv = ref('');
    const importing = ref(false);
    const importProblem = ref(null);
    const importResult = ref(null);
    function readFile(event) {
      const file = event.target.files[0];
      if (!file) {
        return;
      }
      importProblem.value = null;
      // Read as UTF-8 and refuse anything else, as the server does: a lenient read would turn "é" into "�" for good.
      file.arrayBuffer().then(buffer => {
        csv.value = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
        announce(`Read ${file.name}. Check it below, then choose Import.`);
      }).catch(() => {
        csv.value = '';
        importProblem.value = { detail: `The file ${file.name} is not UTF-8 text. Save it from your spreadsheet as `
          + '“CSV UTF-8” and choose it again.', errors: [] };
      });
    }
    async function importCsv() {
      importing.value = true;
      importProblem.value = null;
      importResult.value = null;
      try {
        const result = await post(`${base}/roster/import`, csv.value, 'text/csv');
        remember(result.people);
        importResult.value = result;
        await load();
        announce(`Imported: ${result.added} added, ${result.updated} updated, ${result.accountsCreated} new `
          + (result.accountsCreated === 1 ? 'account' : 'accounts')
          + (result.invitationsEmailed ? `; ${result.invitationsEmailed} invited by e-mail.` : '.'));
        csv.value = '';
      } catch (e) {
        importProblem.value = problemOf(e);
      } finally {
        importing.value = false;
      }
    }

    // Ends all of someone's sessions at once, on every device (a lost laptop, a shared computer).
    const signingOut = ref(null);
    const signOutProblem = ref(null);
    async function signOutEverywhere(p) {
      signingOut.value = p.userId;
      signOutProblem.value = null;
      try {
        await post(`${base}/roster/${p.userId}/sign-out`);
        announce(`${p.name} is signed out everywhere.`);
      } catch (e) {
        signOutProblem.value = problemOf(e);
      } finally {
        signingOut.value = null;
      }
    }

    // A new invitation: older links stop working. E-mailed when the site sends e-mail, else shown once under "New accounts".
    const inviting = ref(null);
    async function invite(p) {
      inviting.value = p.userId;
      rowProblem.value = null;
      try {
        const sent = await post(`${base}/roster/${p.userId}/invitation`);
        const made = remember([sent]);
        await load();
        if (made) {
          announce(`A new set-password link for ${p.name} is shown under “New accounts”; their older links no longer work.`);
          nextTick(() => document.getElementById('new-accounts-heading').focus());
        } else {
          announce(`The invitation is sent again to ${p.email}; their older links no longer work.`);
        }
      } catch (e) {
        rowProblem.value = problemOf(e);
      } finally {
        inviting.value = null;
      }
    }
    const day = at => new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });

    // Search: the whole roster is loaded (500 people is a small page), so filtering happens here, as one types.
    const query = ref('');
    const shown = computed(() => {
      const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
      if (!roster.value || !words.length) {
        return roster.value || [];
      }
      return roster.value.filter(p => {
        const text = [p.name, p.email, p.section || '', roleNames[p.role] || p.role, p.withdrawn ? 'withdrawn' : ''].join(' ').toLowerCase();
        return words.every(w => text.includes(w));
      });
    });

    // Change a role (instructors): the choice is made in the row, then confirmed with its button.
    const roleDraft = reactive({});
    const draftOf = p => roleDraft[p.userId] || p.role;
    const rowBusy = ref(null);
    const rowProblem = ref(null);
    async function changeRole(p) {
      const role = draftOf(p);
      rowBusy.value = p.userId;
      rowProblem.value = null;
      try {
        await post(`${base}/roster`, { email: p.email, role, section: p.section || null });
        delete roleDraft[p.userId];
        await load();
        announce(`${p.name} is now ${role === 'INSTRUCTOR' ? 'an instructor' : role === 'TA' ? 'a teaching assistant' : 'a student'}.`);
      } catch (e) {
        rowProblem.value = problemOf(e);
        nextTick(() => document.getElementById('row-error').scrollIntoView({ block: 'nearest' }));
      } finally {
        rowBusy.value = null;
      }
    }

    // Remove a student: asked first, in the row; the work stays, the access goes, places still to come are released.
    const removing = ref(null);
    function askRemove(p) {
      removing.value = p.userId;
      nextTick(() => document.getElementById('confirm-remove-' + p.userId).focus());
    }
    function keep(p) {
      removing.value = null;
      nextTick(() => document.getElementById('remove-' + p.userId).focus());
    }
    async function remove(p) {
      rowBusy.value = p.userId;
      rowProblem.value = null;
      try {
        const removed = await del(`${base}/roster/${p.userId}`);
        removing.value = null;
        await load();
        const released = removed.released.length ? ` Released: ${removed.released.join('; ')}.` : '';
        announce(`${p.name} was removed from the course; their work stays.${released}`);
        nextTick(() => document.getElementById('roster-search').focus());
      } catch (e) {
        rowProblem.value = problemOf(e);
      } finally {
        rowBusy.value = null;
      }
    }
    async function reenroll(p) {
      rowBusy.value = p.userId;
      rowProblem.value = null;
      try {
        await post(`${base}/roster`, { email: p.email, role: 'STUDENT', section: p.section || null });
        await load();
        announce(`${p.name} is enrolled again, with their work.`);
      } catch (e) {
        rowProblem.value = problemOf(e);
      } finally {
        rowBusy.value = null;
      }
    }

    return { load, course, roster, loadProblem, canAddStaff, query, shown, roleDraft, draftOf, rowBusy, rowProblem, changeRole,
      removing, askRemove, keep, remove, reenroll, base, newAccounts, SHOWN, dismissPasswords, expiry, downloadLinks,
      person, adding, addProblem, addPerson, csv, importing, importProblem, importResult, readFile, importCsv,
      roleNames, signingOut, signOutProblem, signOutEverywhere, mailEnabled, inviting, invite, day };
  },
  template: /*html*/`
    <div class="roster-page">
      <p class="breadcrumb"><a :href="'#/courses/' + courseId">← {{ course ? course.code : 'Course' }} schedule</a></p>
      <h1>Roster<span v-if="course">: {{ course.code }}</span></h1>
      <problem-box id="load-error" :problem="loadProblem" />
      <lms-roster-sync v-if="course && course.lmsLinked" :course-id="courseId" :zone="course && course.timeZone" @synced="load" />

      <section v-if="newAccounts.length" id="new-accounts" class="card notice" aria-labelledby="new-accounts-heading">
        <h2 id="new-accounts-heading" tabindex="-1">New accounts</h2>
        <p>These set-password links are shown only now. Give each person theirs: whoever opens it chooses the account's
          password, once, and the link then stops working. Until then nobody can sign in to the account.</p>
        <p><button type="button" id="download-links" @click="downloadLinks">{{ newAccounts.length === 1 ? 'Download the link (CSV)' : 'Download all ' + newAccounts.length + ' links (CSV)' }}</button></p>
        <div class="table-wrap">
          <table id="new-account-links">
            <thead><tr><th scope="col">Person</th><th scope="col">Set-password link</th><th scope="col">Works until</th></tr></thead>
            <tbody>
              <tr v-for="a in newAccounts.slice(0, SHOWN)" :key="a.email">
                <th scope="row">{{ a.name }}<span class="email">{{ a.email }}</span></th>
                <td><code class="invitation-link">{{ a.link }}</code></td>
                <td>{{ expiry(a) }}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p v-if="newAccounts.length > SHOWN" class="hint">The first {{ SHOWN }} are shown; the CSV has all
          {{ newAccounts.length }}.</p>
        <button type="button" id="dismiss-passwords" class="secondary" @click="dismissPasswords">I have noted them: hide</button>
      </section>

      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading" tabindex="-1">People<span v-if="roster"> ({{ roster.length }})</span></h2>
        <problem-box id="sign-out-error" :problem="signOutProblem" />
        <problem-box id="row-error" :problem="rowProblem" />
        <p v-if="!roster && !loadProblem" class="loading">Loading the roster…</p>
        <template v-else-if="roster">
          <div class="roster-tools">
            <div class="field">
              <label for="roster-search">Search the roster</label>
              <input id="roster-search" type="search" v-model="query" autocomplete="off" aria-describedby="roster-count"
                     placeholder="Name, email, section or role">
            </div>
            <a id="export-roster" class="button-link" :href="base + '/roster/export'" download>Download the roster (CSV)</a>
          </div>
          <p id="roster-count" class="hint" aria-live="polite">{{ query.trim() ? 'Showing ' + shown.length + ' of ' + roster.length : 'Everyone is shown' }}.
            The CSV has the columns the import takes; withdrawn students are left out of it.</p>
          <div class="table-wrap">
          <table id="roster" class="stack-table">
            <thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Section</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              <tr v-for="p in shown" :key="p.enrollmentId" :data-user-id="p.userId" :class="{ withdrawn: p.withdrawn }">
                <th scope="row">{{ p.name }}<span class="email">{{ p.email }}</span>
                  <span v-if="p.invitation === 'PENDING'" class="invitation-state pending">Invited, not yet accepted
                    (expires {{ day(p.invitationExpiresAt) }})</span>
                  <span v-else-if="p.invitation === 'EXPIRED'" class="invitation-state expired">Invitation expired</span>
                  <span v-if="p.mailRefused" class="mail-refused">E-mail refused: {{ p.mailRefused }}</span>
                </th>
                <td data-label="Role">
                  <span v-if="p.withdrawn" class="withdrawn-label">Withdrawn</span>
                  <span v-else-if="!canAddStaff">{{ roleNames[p.role] || p.role }}</span>
                  <span v-else class="role-change">
                    <select :id="'role-' + p.userId" class="role-select" :aria-label="'Role of ' + p.name"
                            :value="draftOf(p)" @change="roleDraft[p.userId] = $event.target.value">
                      <option value="STUDENT">Student</option>
                      <option value="TA">Teaching assistant</option>
                      <option value="INSTRUCTOR">Instructor</option>
                    </select>
                    <button v-if="draftOf(p) !== p.role" type="button" :id="'save-role-' + p.userId" class="small save-role"
                            :disabled="rowBusy === p.userId" @click="changeRole(p)"
                            :aria-label="'Change the role of ' + p.name + ' to ' + roleNames[draftOf(p)]">Change role</button>
                  </span>
                </td>
                <td data-label="Section">{{ p.section || '—' }}</td>
                <td data-label="Actions"><div class="row-actions">
                  <template v-if="p.withdrawn">
                    <button type="button" :id="'reenroll-' + p.userId" class="small secondary reenroll" :disabled="rowBusy === p.userId"
                            @click="reenroll(p)" :aria-label="'Enroll ' + p.name + ' again'">Enroll again</button>
                  </template>
                  <template v-else>
                    <button v-if="p.invitation || mailEnabled === false" type="button" :id="'invite-' + p.userId"
                            class="small secondary send-invitation" @click="invite(p)"
                            :disabled="inviting === p.userId || (p.role !== 'STUDENT' && !canAddStaff)"
                            :aria-label="(mailEnabled ? 'Send the invitation again to ' : 'Make a new set-password link for ') + p.name">
                      {{ mailEnabled ? 'Send the invitation again' : 'New set-password link' }}</button>
                    <button type="button" class="small secondary sign-out-everywhere" @click="signOutEverywhere(p)"
                            :disabled="signingOut === p.userId || (p.role !== 'STUDENT' && !canAddStaff)"
                            :aria-label="'Sign ' + p.name + ' out everywhere'">Sign out everywhere</button>
                    <button v-if="p.role === 'STUDENT' && removing !== p.userId" type="button" :id="'remove-' + p.userId"
                            class="small secondary remove-student" @click="askRemove(p)"
                            :aria-label="'Remove ' + p.name + ' from the course'">Remove…</button>
                    <div v-if="removing === p.userId" class="confirm card" role="group" :aria-labelledby="'remove-question-' + p.userId"
                         @keydown.esc.stop.prevent="keep(p)">
                      <p :id="'remove-question-' + p.userId">Remove {{ p.name }} from {{ course ? course.code : 'the course' }}?
                        Their critiques, grades and past sign-ups stay, listed as withdrawn. They lose access to the course.
                        Their role sign-ups and presentations in sessions still to come are released for others.
                        Enrolling them again gives their access back.</p>
                      <button type="button" :id="'confirm-remove-' + p.userId" class="danger small" :disabled="rowBusy === p.userId"
                              @click="remove(p)">Remove {{ p.name }}</button>
                      <button type="button" class="secondary small" @click="keep(p)">Keep</button>
                    </div>
                  </template>
                </div></td>
              </tr>
            </tbody>
          </table>
          </div>
        </template>
      </section>

      <section v-if="roster" aria-labelledby="add-person-heading">
        <h2 id="add-person-heading">Add a person</h2>
        <form id="add-person-form" class="card" @submit.prevent="addPerson" :aria-busy="adding">
          <problem-box :problem="addProblem" :labels="{ email: 'Email', name: 'Name', role: 'Role', section: 'Section' }" />
          <div class="form-grid">
            <div class="field">
              <label for="person-email">Email</label>
              <input id="person-email" type="email" v-model="person.email" required autocomplete="off">
            </div>
            <div class="field">
              <label for="person-name">Name <span class="optional">(optional)</span></label>
              <input id="person-name" type="text" v-model="person.name" maxlength="200" autocomplete="off">
            </div>
            <div class="field">
              <label for="person-role">Role</label>
              <select id="person-role" v-model="person.role" aria-describedby="person-role-hint">
                <option value="STUDENT">Student</option>
                <option value="TA" :disabled="!canAddStaff">Teaching assistant</option>
                <option value="INSTRUCTOR" :disabled="!canAddStaff">Instructor</option>
              </select>
              <span v-if="!canAddStaff" id="person-role-hint" class="hint">Only instructors add staff.</span>
            </div>
            <div class="field">
              <label for="person-section">Section <span class="optional">(optional)</span></label>
              <input id="person-section" type="text" v-model="person.section" maxlength="60" autocomplete="off">
            </div>
          </div>
          <p class="hint" v-if="mailEnabled">Someone without an account gets one, and an e-mail inviting them to choose
            their password (the link in it works for 7 days).</p>
          <p class="hint" v-else>Someone without an account gets one, with a set-password link shown here once.</p>
          <button type="submit" id="add-person" :disabled="adding">{{ adding ? 'Adding…' : 'Add to roster' }}</button>
        </form>
      </section>

      <section v-if="roster" aria-labelledby="import-heading">
        <h2 id="import-heading">Import a roster file</h2>
        <form id="import-form" class="card" @submit.prevent="importCsv" :aria-busy="importing">
          <problem-box id="import-error" :problem="importProblem" />
          <p class="hint" id="csv-hint">A CSV file in UTF-8 whose first line names the columns: <code>email,name,role,section</code>
            (role is student, TA or instructor; name, role and section may be left out), or a roster or gradebook
            export from Canvas. If any row is wrong, nobody is added: fix the rows named and import again.</p>
          <div class="field">
            <label for="csv-file">Choose a CSV file</label>
            <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" @change="readFile">
          </div>
          <div class="field">
            <label for="csv-text">…or paste its text</label>
            <textarea id="csv-text" v-model="csv" rows="8" spellcheck="false" aria-describedby="csv-hint"
                      placeholder="email,name,role,section&#10;ana@example.edu,Ana Lima,student,0101"></textarea>
          </div>
          <button type="submit" id="import-roster" :disabled="importing || !csv.trim()">{{ importing ? 'Importing…' : 'Import' }}</button>
          <p v-if="importResult" id="import-result" class="success">
            Imported: {{ importResult.added }} added, {{ importResult.updated }} updated,
            {{ importResult.accountsCreated }} new {{ importResult.accountsCreated === 1 ? 'account' : 'accounts' }}.
          </p>
        </form>
      </section>
    </div>`,
};
