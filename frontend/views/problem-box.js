// Shows a problem document: its detail, then each failed check. The alert region stays in the page even when
// empty, because screen readers announce changes inside a region they already know, not a region that appears.
export default {
  props: {
    problem: { type: Object, default: null },
    // Field names as the API sends them → the labels the user sees next to the inputs.
    labels: { type: Object, default: () => ({}) },
  },
  setup(props) {
    const label = field => (field && (props.labels[field] || field.replace(/^\/?command[./]?/, ''))) || '';
    return { label };
  },
  template: /*html*/`
    <div role="alert" class="problem-region">
      <div v-if="problem" class="problem">
        <p class="problem-detail">{{ problem.detail }}</p>
        <ul v-if="problem.errors && problem.errors.length" class="problem-errors">
          <li v-for="(e, i) in problem.errors" :key="i"><strong v-if="label(e.field)">{{ label(e.field) }}:</strong> {{ e.message }}</li>
        </ul>
      </div>
    </div>`,
};
