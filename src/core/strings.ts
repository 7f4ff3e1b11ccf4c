/**
 * A copy of `s` that refers to no larger string. V8 makes a substring of 13 characters or more
 * (slice, split, a regular expression's capture) a view into the string it was taken from, which
 * then lives as long as the substring: a key kept by a long-lived memo would keep a whole page
 * in memory (an import's render threads held hundreds of them). Concatenating then slicing
 * makes a flat string of about the substring's own length.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
