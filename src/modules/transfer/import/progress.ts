import type { Locale } from '../../../core/i18n/index.ts';
import { formatNumber, translate } from '../../../core/i18n/index.ts';
import type { ImportProgress } from '../types.ts';

/**
 * A one-line progress bar for a terminal (stderr, redrawn at most 10 times a second): share
 * of the file read (then of pages rendered), pages/s and the time left.
 */
export function progressBar(locale: Locale, out: NodeJS.WriteStream = process.stderr) {
  let started = Date.now();
  let phase: ImportProgress['phase'] = 'load';
  let last = 0;
  let shown = false;
  const clock = (s: number) => (Number.isFinite(s) && s >= 0 ? `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}` : '–:––');
  return {
    update(p: ImportProgress, force = false) {
      if (!out.isTTY) return;
      const now = Date.now();
      // Rates and time left are per phase: rendering goes at its own pace.
      if (p.phase !== phase) {
        phase = p.phase;
        started = now;
      }
      if (!force && now - last < 100) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const share = p.phase === 'load' ? (p.bytesTotal ? p.bytesRead / p.bytesTotal : 0) : p.pagesToRender ? p.pagesRendered / p.pagesToRender : 1;
      const width = 24;
      const full = Math.round(Math.min(1, share) * width);
      const rate = p.phase === 'load' ? p.pages / Math.max(elapsed, 0.001) : p.pagesRendered / Math.max(elapsed, 0.001);
      const eta = share > 0 ? (elapsed / share) * (1 - share) : Number.NaN;
      const label = translate(locale, p.phase === 'load' ? 'transfer.cli.phase.load' : 'transfer.cli.phase.render');
      const line = `${label} [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${Math.floor(share * 100)} % · ${formatNumber(p.phase === 'load' ? p.pages : p.pagesRendered, locale)} pages · ${formatNumber(Math.round(rate), locale)} pages/s · ETA ${clock(eta)}`;
      out.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown && out.isTTY) out.write('\n');
    },
  };
}
