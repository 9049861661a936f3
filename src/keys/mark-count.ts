const counts = new WeakMap<object, number>();

/**
 * How many rows a list's marks hold. Marks change as a whole object, so the count is taken once per change and
 * kept, instead of listing a million keys on every frame after `*` marked every loaded user.
 */
export function markCount(marks: Readonly<Record<string, true>>): number {
  let count = counts.get(marks);
  if (count === undefined) counts.set(marks, (count = Object.keys(marks).length));
  return count;
}

/** True when the marks hold at least one row (from the kept count: listing the keys of a large object is not O(1)). */
export function hasAnyMark(marks: Readonly<Record<string, true>>): boolean {
  return markCount(marks) > 0;
}
