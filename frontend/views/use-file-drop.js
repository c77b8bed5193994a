// The critique's file: chosen with the file input, or dropped anywhere on the drop zone (which holds that input),
// with what can be told about it before it is sent. A file dropped next to the zone is ignored rather than opened.
import { ref, computed, onMounted, onUnmounted } from 'vue';
import { announce } from '../store.js';
import { formatSize } from '../format.js';

/** maxBytes: the course's size limit (a ref; 0 while unknown). */
export function useFileDrop(maxBytes) {
  const file = ref(null);
  const dragging = ref(false);
  const fileNote = ref('');
  const fileWarnings = computed(() => {
    const f = file.value;
    if (!f) {
      return [];
    }
    const out = [];
    if (!(f.type === 'application/pdf' || /\.pdf$/i.test(f.name))) {
      out.push('This does not look like a PDF; the server will check it and most likely refuse it.');
    }
    if (maxBytes.value && f.size > maxBytes.value) {
      out.push(`It is larger than the course’s limit of ${formatSize(maxBytes.value)}.`);
    }
    return out;
  });

  function fileChosen(event) {
    const files = event.target.files;
    file.value = files && files.length ? files[0] : null;
    fileNote.value = '';
  }
  function dragOver(event) {
    if (event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      dragging.value = true;
    }
  }
  function dragLeave(event) {
    if (!event.currentTarget.contains(event.relatedTarget)) {
      dragging.value = false;
    }
  }
  function dropped(event) {
    event.preventDefault();
    dragging.value = false;
    const files = event.dataTransfer && event.dataTransfer.files;
    if (!files || !files.length) {
      return;
    }
    const input = document.getElementById('critique-file');
    const one = new DataTransfer();
    one.items.add(files[0]);
    try {
      input.files = one.files;
    } catch {
      // An old browser keeps its input empty; the dropped file is still the one sent.
    }
    file.value = files[0];
    fileNote.value = files.length > 1 ? `Only one file is handed in at a time: using “${files[0].name}”.` : '';
    announce(`File chosen: ${files[0].name}.`);
    input.focus();
  }
  // A PDF dropped next to the zone would make the browser open it and leave the page: that drop is ignored.
  const ignoreDrop = event => {
    const files = event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
    if (files && !(event.target.closest && event.target.closest('#drop-zone'))) {
      event.preventDefault();
    }
  };
  onMounted(() => {
    window.addEventListener('dragover', ignoreDrop);
    window.addEventListener('drop', ignoreDrop);
  });
  onUnmounted(() => {
    window.removeEventListener('dragover', ignoreDrop);
    window.removeEventListener('drop', ignoreDrop);
  });

  return { file, dragging, fileNote, fileWarnings, fileChosen, dragOver, dragLeave, dropped };
}
