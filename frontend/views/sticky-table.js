// A table that scrolls in its own region with a sticky header row and a sticky first column: the browser scrolls a
// focused element into the region, but not out from under the sticky cells, so a keyboard user tabbing backwards
// lands on a sort button hidden under the first column, or a name hidden under the header. Put
// @focusin="keepFocusClear" on the scrolling region; it moves the region just enough to show the focused element.

const MARGIN = 4;

export function keepFocusClear(event) {
  const region = event.currentTarget;
  const target = event.target;
  if (target === region) {
    return;
  }
  // After the browser's own scrolling for the focus.
  requestAnimationFrame(() => {
    const corner = region.querySelector('thead th');
    if (!corner || document.activeElement !== target) {
      return;
    }
    const box = target.getBoundingClientRect();
    const sticky = corner.getBoundingClientRect();
    const frame = region.getBoundingClientRect();
    const right = frame.left + region.clientLeft + region.clientWidth;
    const bottom = frame.top + region.clientTop + region.clientHeight;
    let dx = 0;
    let dy = 0;
    // A header cell scrolls sideways under the first column; a cell of the first column scrolls up under the header.
    if (!target.closest('th:first-child')) {
      if (box.left < sticky.right) {
        dx = box.left - sticky.right - MARGIN;
      } else if (box.right > right) {
        dx = Math.min(box.right - right + MARGIN, box.left - sticky.right - MARGIN);
      }
    }
    if (!target.closest('thead')) {
      if (box.top < sticky.bottom) {
        dy = box.top - sticky.bottom - MARGIN;
      } else if (box.bottom > bottom) {
        dy = Math.min(box.bottom - bottom + MARGIN, box.top - sticky.bottom - MARGIN);
      }
    }
    if (dx || dy) {
      region.scrollBy({ left: dx, top: dy, behavior: 'instant' });
    }
  });
}
