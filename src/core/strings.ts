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

/**
 * A bounded memo by string that keeps what is in use: two generations of at most `size` entries.
 * When the current one is full it becomes the old one and the older is dropped; an entry found
 * in the old generation moves back to the current. Clearing a full map instead dropped the
 * entries in use with the others: an import's 23,000 template names, met in turn, missed about
 * every time past 20,000. Keys are stored detached (see above).
 */
export class StringMemo<V> {
  private current = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined || this.old.size === 0) return value;
    const older = this.old.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.size) {
      this.old = this.current;
      this.current = new Map();
    }
    this.current.set(detached(key), value);
  }
}

const UTF16 = new TextDecoder(new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');

/** The string of UTF-16 code units written to a buffer (one decoding, no string per piece). Lone surrogates become U+FFFD. */
export function utf16String(units: Uint16Array): string {
  return UTF16.decode(units);
}

/** The string of the first `length` bytes of a buffer, each one a character from U+0000 to U+00FF (a one-byte string). */
export function latin1String(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('latin1');
}
