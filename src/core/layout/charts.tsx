import type { Raw } from '#jsx/jsx-runtime';

const WIDTH = 640;
const ROW = 52;
const LABEL_WIDTH = 120;
/** Dark on white: text ≥ 7:1, bars ≥ 3:1 (WCAG 1.4.11); values are always written out too. */
const BAR = '#1d5c96';
const INK = '#1b1b1b';

export interface Bar {
  label: string;
  /** Length of the bar, 0 to 1 of the track. */
  fraction: number;
  /** The value written beside the bar (never colour alone). */
  value: string;
  /** A non-zero value gets a visible sliver even when its fraction rounds to nothing. */
  nonzero: boolean;
}

/**
 * Horizontal bars, one per category, server-rendered: `role="img"` labelled by its `<title>` and
 * `<desc>` (the figures in words), each label and value written as text. Used by the polls'
 * results and the network's portrait; put the same numbers in a data table beside it.
 */
export function BarChart({ id, title, desc, bars, class: className }: { id: string; title: string; desc: string; bars: readonly Bar[]; class: string }): Raw {
  const height = bars.length * ROW + 8;
  const track = WIDTH - LABEL_WIDTH;
  return (
    <svg xmlns="http://www.w3.org/2000/svg" class={className} role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        const barWidth = Math.max(Math.round(b.fraction * track), b.nonzero ? 2 : 0);
        return (
          <g>
            <text x="0" y={y + 16} font-size="15" fill={INK}>{b.label}</text>
            <rect x="0" y={y + 24} width={track} height="20" fill="#ffffff" stroke="#767676" stroke-width="1" />
            <rect x="0" y={y + 24} width={barWidth} height="20" fill={BAR} />
            <text x={track + 8} y={y + 39} font-size="15" font-weight="bold" fill={INK}>{b.value}</text>
          </g>
        );
      })}
    </svg>
  );
}
