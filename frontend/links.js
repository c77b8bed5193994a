// Links that come from people (a paper's link) become links only when they are web addresses: the server refuses
// anything else, and this keeps a value stored before that rule, or by other means, from running as script.
export function webAddress(link) {
  if (typeof link !== 'string') {
    return null;
  }
  const trimmed = link.trim();
  return /^https?:\/\/\S/i.test(trimmed) ? trimmed : null;
}
