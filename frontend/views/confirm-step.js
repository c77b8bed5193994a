// The step before a destructive click takes effect: "Remove …? [Yes, remove] [Keep]", in place, with focus moved to
// the question (so that a screen reader reads it) and Escape or "Keep" giving focus back to the button that asked.
// No window.confirm: it cannot be styled, and it reads the same for every action.
import { ref, onMounted, nextTick } from 'vue';

let made = 0;

export default {
  props: {
    question: { type: String, required: true },   // "Remove Ada from the team?"
    yes: { type: String, required: true },         // "Yes, remove"
    no: { type: String, default: 'Keep' },
    busy: { type: Boolean, default: false },
  },
  emits: ['yes', 'no'],
  setup(props, { emit }) {
    const id = `confirm-step-${++made}`;
    const box = ref(null);
    let asker = null;
    onMounted(() => {
      asker = document.activeElement;
      nextTick(() => box.value && box.value.focus());
    });
    function cancel() {
      emit('no');
      const back = asker;
      nextTick(() => {
        if (back && back.isConnected && !back.disabled) {
          back.focus();
        }
      });
    }
    return { id, box, cancel };
  },
  template: /*html*/`
    <div ref="box" class="confirm-step" role="group" tabindex="-1" :aria-labelledby="id" @keydown.esc.stop.prevent="cancel">
      <p :id="id" class="confirm-question">{{ question }}</p>
      <div class="actions">
        <button type="button" class="danger small confirm-yes" :disabled="busy" @click="$emit('yes')">{{ yes }}</button>
        <button type="button" class="secondary small confirm-no" @click="cancel">{{ no }}</button>
      </div>
    </div>`,
};
