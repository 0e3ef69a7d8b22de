import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

export interface ChartSeries {
  key: string;
  label: string;
  /** One value per month, in the order of `months`. */
  values: readonly number[];
}

interface MonthBarChartProps {
  /** Short month labels for the x axis, one per bar group. */
  monthLabels: readonly string[];
  series: readonly ChartSeries[];
  formatNumber: (value: number) => string;
  /** What a screen reader hears for the whole picture; the table beside it has the numbers. */
  label: string;
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 44 };

/**
 * Bars per month, one colour per series (CSS classes, no inline styles: the site's CSP forbids
 * them). Plain SVG from visx's scales and shapes: it scales with its box through the viewBox,
 * draws no canvas, and has no animation at all, so nothing moves for anyone, reduced motion or not.
 * One image to assistive technology, named by `label`; the numbers are in the table beside it.
 */
export function MonthBarChart({ monthLabels, series, formatNumber, label }: MonthBarChartProps) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const all = series.flatMap((s) => s.values);
  const max = Math.max(1, ...all);
  // Corrections can make a month negative (victims identified): the axis then goes below zero.
  const min = Math.min(0, ...all);

  const x = scaleBand<number>({
    domain: monthLabels.map((_, i) => i),
    range: [0, innerWidth],
    padding: 0.25,
  });
  const inner = scaleBand<string>({
    domain: series.map((s) => s.key),
    range: [0, x.bandwidth()],
    padding: 0.1,
  });
  const y = scaleLinear<number>({ domain: [min, max], range: [innerHeight, 0], nice: true });
  // Whole numbers only: these are counts.
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  const zero = y(0);

  return (
    <svg
      className="app-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line className="app-chart__grid" x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} />
            <text className="app-chart__tick" x={-6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {monthLabels.map((month, i) => {
          const left = x(i) ?? 0;
          return (
            <g key={i} aria-hidden="true">
              {series.map((s, seriesIndex) => {
                const value = s.values[i] ?? 0;
                const top = y(Math.max(0, value));
                const height = Math.abs(y(value) - zero);
                return (
                  <Bar
                    key={s.key}
                    className={`app-chart__bar app-chart__bar--${seriesIndex}`}
                    x={left + (inner(s.key) ?? 0)}
                    y={top}
                    width={inner.bandwidth()}
                    height={height}
                  />
                );
              })}
              <text
                className="app-chart__tick"
                x={left + x.bandwidth() / 2}
                y={innerHeight + 18}
                textAnchor="middle"
              >
                {month}
              </text>
            </g>
          );
        })}
        <line className="app-chart__axis" x1={0} x2={innerWidth} y1={zero} y2={zero} />
      </Group>
    </svg>
  );
}
