// One change at a time from a part of a page, told the same way everywhere: the control says it is busy, success is
// said in the status region and focus goes where the user acts next, a refusal is shown next to what it concerns
// and focus goes back to the control that was used.
import { ref, reactive } from 'vue';
import { problemOf } from '../api.js';
import { announce } from '../store.js';
import { focusLater, restoreFocus } from '../focus.js';

export function useAction() {
  const busy = ref(null);           // the key of the change under way, null when none
  const problems = reactive({});    // per place on the page: the refusal shown there

  const problemFor = where => problems[where] || null;
  /** Shows a problem found before anything was sent (a choice not made, say). */
  function refuse(where, problem) {
    problems[where] = problem;
  }
  function clear() {
    Object.keys(problems).forEach(k => { problems[k] = null; });
  }

  /**
   * Sends one change. key names it while it runs (busy === key); where names the place its refusal is shown
   * (default: key). success(result) or a string is announced; then(result) runs next (a reload, say) and focus
   * (an id, or a function of the result) is moved to last. On a refusal, refused(error) runs, and focus returns to
   * the control used, or to failFocus's element when one is named (null: focus is left alone). Resolves to whether
   * the change was made.
   */
  async function run({ key, where = key, request, success, then, focus, fallback, refused, failFocus }) {
    const control = document.activeElement;
    let failed = false;
    busy.value = key;
    problems[where] = null;
    try {
      const result = await request();
      const message = typeof success === 'function' ? success(result) : success;
      if (message) {
        announce(message);
      }
      if (then) {
        await then(result);
      }
      if (focus) {
        focusLater(typeof focus === 'function' ? focus(result) : focus, fallback);
      }
    } catch (e) {
      failed = true;
      problems[where] = problemOf(e);
      if (refused) {
        await refused(e);
      }
    } finally {
      busy.value = null;
      if (failed && failFocus === undefined) {
        restoreFocus(control, fallback);
      } else if (failed && failFocus) {
        focusLater(failFocus);
      }
    }
    return !failed;
  }

  return { busy, problemFor, refuse, clear, run };
}
