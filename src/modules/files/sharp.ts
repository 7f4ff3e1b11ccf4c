import type sharpModule from 'sharp';

let loading: Promise<typeof sharpModule> | undefined;

/** sharp (libvips) is loaded on the first image handled: about 10 MB a process that serves none is spared. */
export function loadSharp(): Promise<typeof sharpModule> {
  loading ??= import('sharp').then((m) => m.default);
  return loading;
}
