// The critique being graded, shown beside the rows in the browser's own PDF viewer (a same-site frame: the PDF
// answer is the one this site lets itself frame). A link opens it in a tab of its own, where a viewer is missing.
export default {
  props: {
    row: { type: Object, required: true },   // a critique row of the grading sheet: pdf, pdfLabel, who
  },
  template: /*html*/`
    <aside id="critique-preview" class="critique-preview card" aria-labelledby="critique-preview-heading">
      <h3 id="critique-preview-heading">Reading: {{ row.pdfLabel }}</h3>
      <p class="hint">It follows the row you are on. <a :href="row.pdf" target="_blank" rel="noopener"
        id="critique-preview-open">Open it in a new tab</a></p>
      <iframe :key="row.pdf" :src="row.pdf" :title="row.pdfLabel + ' (PDF)'" class="critique-frame"
              :data-critique-id="row.critiqueId"></iframe>
    </aside>`,
};
