// The grading sheet's rows in words and values: what an input shows for a saved grade, the grade a team or a role's
// holders share, and a list of names as a sentence.

/** What an input shows for a grade on a scale: the mark's label, or the points. */
export function inputValue(grade, scale) {
  if (!grade) {
    return '';
  }
  if (scale.type === 'MARKS') {
    return grade.mark || '';
  }
  return grade.points === null || grade.points === undefined ? '' : grade.points;
}

/** The grade every person of a row shares (value and comment), or mixed when they differ. */
export function common(people, scale) {
  const grades = people.map(p => p.grade);
  if (grades.every(g => !g)) {
    return { value: '', comment: '', mixed: false };
  }
  const first = grades[0];
  const same = grades.every(g => g && first && g.points === first.points && (g.mark || null) === (first.mark || null)
    && (g.comment || '') === (first.comment || ''));
  return same ? { value: inputValue(first, scale), comment: first.comment || '', mixed: false }
    : { value: '', comment: '', mixed: true };
}

export const names = people => {
  const list = people.map(p => p.name);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
};
