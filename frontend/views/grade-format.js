// Words and numbers shared by the grading views: a grade's value, a percentage, the kind of item, its state.
import { formatMoment } from '../time.js';
import { formatPoints } from '../format.js';

export const kindNames = { PRESENTATION: 'Presentation', ROLE: 'Supporting role', CRITIQUE: 'Critique' };

/** "✓+ (3 of 3 points)" or "8 of 10 points"; with the late penalty when a critique kept less than all of it. */
export function gradeValue(g) {
  if (!g) {
    return 'not graded';
  }
  const points = `${formatPoints(g.points)} of ${formatPoints(g.maxPoints)} ${g.maxPoints === 1 ? 'point' : 'points'}`;
  const value = g.mark ? `${g.mark} (${points})` : points;
  return g.keepPercent !== undefined && g.keepPercent !== null && g.keepPercent < 100
    ? `${value}, ${formatPoints(g.keepPercent)} % kept for lateness`
    : value;
}

/** The value a grade was given, short: "✓+" or "8". */
export function shortValue(g) {
  return g ? (g.mark || formatPoints(g.points)) : '';
}

/** "Draft" or "Published Wed 25 Nov 2026, …" */
export function gradeState(g, zone) {
  if (!g) {
    return '';
  }
  return g.publishedAt ? `Published ${formatMoment(g.publishedAt, zone)}` : 'Draft: not published';
}

/** A scale in words: "0 to 10 points" or "✓- (1), ✓ (2), ✓+ (3)". */
export function scaleText(scale) {
  if (!scale) {
    return '';
  }
  if (scale.type === 'MARKS') {
    return (scale.marks || []).map(m => `${m.label} (${formatPoints(m.points)})`).join(', ');
  }
  return `0 to ${formatPoints(scale.max)} points`;
}

/** What an item is, in a few words: "Session 4, supporting role “Hacker”". */
export function itemText(g) {
  if (!g) {
    return '';
  }
  const what = g.kind === 'ROLE' ? `supporting role “${g.subjectTitle}”`
    : g.kind === 'PRESENTATION' ? `presentation of “${g.subjectTitle}”`
      : `critique of “${g.subjectTitle}”`;
  return `Session ${g.sessionNumber}, ${what}`;
}

export const missingText = missing => (missing === 'ZERO'
  ? 'Required work that is not graded yet counts as zero.'
  : 'Required work that is not graded yet is left out until it is graded.');

// The grade audit's actions in words.
const ACTIONS = {
  GRADED: 'Graded', CHANGED: 'Changed', PUBLISHED: 'Published', REMOVED: 'Removed',
  REGRADE_ASKED: 'Regrade asked', REGRADED: 'Regraded', REGRADE_ANSWERED: 'Regrade answered, grade kept',
  CONFIRMED: 'Kept for a new version',
};
export const actionName = action => ACTIONS[action] || action;
