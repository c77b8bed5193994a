// A course's critique rules in words: the late policy, the whole policy in one paragraph, and the file hint.
import { plural, formatSize } from '../format.js';

const fieldInputs = { studentId: 'critique-student', sessionId: 'critique-session', paperId: 'critique-paper', file: 'critique-file' };

/** The course's late policy in one sentence. */
export function latePolicyText(policy) {
  if (!policy || !policy.accepted) {
    return 'Late critiques are not accepted.';
  }
  const unit = (u, n) => plural(n, u === 'HOURS' ? 'hour' : 'day', u === 'HOURS' ? 'hours' : 'days');
  const parts = [];
  if (policy.grace && policy.grace.budget > 0) {
    parts.push(`a grace budget of ${unit(policy.grace.unit, policy.grace.budget)} for the term is spent first`
      + (policy.grace.maxPerItem ? ` (at most ${unit(policy.grace.unit, policy.grace.maxPerItem)} per critique)` : ''));
  }
  if (policy.penalty) {
    const per = policy.penalty.per === 'HOURS' ? 'hour' : 'day';
    if (policy.penalty.keepPercent && policy.penalty.keepPercent.length) {
      parts.push(`then ${policy.penalty.keepPercent.join(', ')} % of the points are kept for each started ${per} late`
        + ' (nothing after that)');
    } else if (policy.penalty.ratePercent != null) {
      parts.push(`then ${policy.penalty.ratePercent} % of the points are taken off for each started ${per} late`);
    }
  }
  if (policy.cutoffHours != null) {
    parts.push(`nothing is accepted more than ${plural(policy.cutoffHours, 'hour', 'hours')} after the deadline`);
  }
  return parts.length ? `Late critiques are accepted: ${parts.join('; ')}.` : 'Late critiques are accepted without penalty.';
}

/** The course's critique policy in a few sentences, or '' while the policies are not loaded. */
export function critiquePolicyText(p) {
  if (!p.maxFileBytes) {
    return '';
  }
  if (!p.critiquesRequired) {
    return 'This course does not ask for critiques.';
  }
  const offset = p.deadlineOffsetMinutes
    ? `${plural(p.deadlineOffsetMinutes, 'minute', 'minutes')} before the session starts`
    : 'when the session starts';
  return `${p.critiquesRequired} critiques required in the term, `
    + `${p.critiquesPerSession === 1 ? 'one per session' : `at most ${p.critiquesPerSession} per session`}, `
    + `each a PDF of at most ${plural(p.pagesPerCritique, 'page', 'pages')} and ${formatSize(p.maxFileBytes)}, `
    + `about one of the session’s assigned papers, due ${offset}. ${latePolicyText(p.latePolicy)}`;
}

export function fileHintText(p) {
  return p.maxFileBytes ? `One PDF, at most ${plural(p.pagesPerCritique, 'page', 'pages')} and ${formatSize(p.maxFileBytes)}.` : 'One PDF.';
}
