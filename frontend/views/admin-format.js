// Times on the admin page, in the viewer's own zone (no course zone applies to the site).
export function formatInstant(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
