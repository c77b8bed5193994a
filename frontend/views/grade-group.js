// A presenting team, or the holders of one role, on the grading sheet: one grade for all of them, or one each.
import GradeRow from './grade-row.js';

export default {
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
