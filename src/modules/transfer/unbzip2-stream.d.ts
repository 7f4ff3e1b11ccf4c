declare module 'unbzip2-stream' {
  import type { Duplex } from 'node:stream';
  /** A bzip2 decompressor (classic `through` stream): pipe compressed bytes in, read plain bytes out. */
  export default function unbzip2Stream(): Duplex;
}
