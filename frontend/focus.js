// Focus management shared by the views: after a request, keyboard and screen-reader users stay where they were.
import { nextTick } from 'vue';

/** Moves focus to the element with this id (or the fallback's) once Vue has rendered it. */
export function focusLater(id, fallbackId) {
  nextTick(() => {
    const element = (id && document.getElementById(id)) || (fallbackId && document.getElementById(fallbackId));
    if (element) {
      element.focus();
    }
  });
}

/**
 * Gives focus back to the control that was used (it lost focus while disabled during the request), or, when the
 * reload took it away, to the fallback element rather than to the page.
 */
export function restoreFocus(control, fallbackId) {
  nextTick(() => {
    if (control && control !== document.body && control.isConnected && !control.disabled) {
      control.focus();
    } else {
      focusLater(fallbackId);
    }
  });
}
