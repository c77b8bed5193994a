// The site administrator's page: who administers the site, the LMS platforms that may launch Paperclub, and what an
// LMS administrator pastes to install it. Only site administrators reach it (the server refuses everyone else).
import { store } from '../store.js';
import AdminPeople from './admin-people.js';
import AdminPlatforms from './admin-platforms.js';
import AdminTool from './admin-tool.js';

export default {
  components: { AdminPeople, AdminPlatforms, AdminTool },
  setup() {
    return { store };
  },
  template: /*html*/`
    <h1>Site administration</h1>
    <p v-if="!store.me.siteAdmin" id="not-admin">Only a site administrator can use this page. Ask one to make you an administrator.</p>
    <template v-else>
      <nav aria-label="Sections of this page" class="about">
        <a href="#admins-heading" @click.prevent="go('admins-heading')">Site administrators</a> ·
        <a href="#platforms-heading" @click.prevent="go('platforms-heading')">LMS platforms</a> ·
        <a href="#tool-heading" @click.prevent="go('tool-heading')">Tool details</a>
      </nav>
      <admin-people />
      <admin-platforms />
      <admin-tool />
    </template>`,
  methods: {
    go(id) {
      const heading = document.getElementById(id);
      heading.focus();
      heading.scrollIntoView();
    },
  },
};
