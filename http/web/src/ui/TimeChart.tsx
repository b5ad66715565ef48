import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { lang } from '../i18n/i18n';
import { tickKind, TickFormats } from './timeTicks';

/** One line of a {@link TimeChart}; `band` fills between two other series (by index) under it. */
export interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: number[];
  width?: number;
  /** Draws no line, only the band it bounds (a forecast's lower/upper edge). */
  hidden?: boolean;
}

export interface ChartBand {
  /** Indices into `series` (0-based, not counting time) of the upper and lower edge. */
  upper: number;
  lower: number;
  color: string;
}

export interface TimeChartProps {
  /** Epoch seconds, ascending. */
  times: number[];
  series: ChartSeries[];
  bands?: ChartBand[];
  height?: number;
  yLabel?: string;
  /** Called with the new [from, to] (epoch seconds) when the user drags to zoom. */
  onZoom?: (from: number, to: number) => void;
  ariaLabel: string;
}

function span(u: uPlot): number {
  const x = u.scales.x;
  return x.min !== undefined && x.max !== undefined ? x.max - x.min : 0;
}

/** The y scale: uPlot's padded range, but a flat line stays in the middle of a narrow band instead of on an axis from 0. */
function yRange(min: number, max: number): uPlot.Range.MinMax {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max - min < 1e-9) {
    const pad = Math.max(Math.abs(min) * 0.01, 1);
    return [min - pad, max + pad];
  }
  return uPlot.rangeNum(min, max, 0.1, true);
}

/**
 * A fast canvas time-series chart (uPlot): drag across to zoom (reported through `onZoom`, so
 * that the view can fetch a finer rollup), double-click to reset; resizes with its container.
 */
export function TimeChart(props: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const zoom = useRef(props.onZoom);
  zoom.current = props.onZoom;

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const loc = lang() === 'ru' ? 'ru-RU' : 'en-GB';
    const formats: TickFormats = {
      seconds: new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
      minutes: new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit' }),
      dayTime: new Intl.DateTimeFormat(loc, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }),
      days: new Intl.DateTimeFormat(loc, { day: '2-digit', month: 'short' }),
    };
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: props.height ?? 240,
      legend: { show: true },
      cursor: { drag: { x: true, y: false, setScale: true } },
      scales: { x: { time: true }, y: { range: (_u, min, max) => yRange(min, max) } },
      axes: [
        { stroke: '#8a9aa6', grid: { stroke: 'rgba(128,128,128,.15)' }, values: (u, vals, _axis, _space, incr) => vals.map((v) => formats[tickKind(incr, span(u))].format(new Date(v * 1000))) },
        { stroke: '#8a9aa6', grid: { stroke: 'rgba(128,128,128,.15)' }, label: props.yLabel, size: 60 },
      ],
      series: [
        {},
        ...props.series.map((s) => ({
          label: s.label,
          stroke: s.hidden ? 'transparent' : s.color,
          width: s.hidden ? 0 : s.width ?? 1.5,
          dash: s.dash,
          points: { show: false },
          spanGaps: false,
        })),
      ],
      bands: props.bands?.map((b) => ({ series: [b.upper + 1, b.lower + 1] as [number, number], fill: b.color })),
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width > 4 && zoom.current) {
              const from = u.posToVal(u.select.left, 'x');
              const to = u.posToVal(u.select.left + u.select.width, 'x');
              zoom.current(from, to);
            }
          },
        ],
      },
    };
    const data = [props.times, ...props.series.map((s) => s.values)] as uPlot.AlignedData;
    const u = new uPlot(opts, data, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: props.height ?? 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // The chart is rebuilt when its shape changes; data alone is set below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.series.length, props.series.map((s) => s.label).join('|'), props.height, props.bands?.length, lang()]);

  useEffect(() => {
    plot.current?.setData([props.times, ...props.series.map((s) => s.values)] as uPlot.AlignedData);
  }, [props.times, props.series]);

  return <div class="chart" ref={box} role="img" aria-label={props.ariaLabel} />;
}
