import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import type { TagInfo } from '../../api/plant';
import { fmtDateTime, messages, unit } from '../../i18n/i18n';
import { useLive } from '../../live/live';
import { EmptyState, Panel, ProblemView } from '../../ui/common';
import { ChartSeries, TimeChart } from '../../ui/TimeChart';
import { fetchHistory } from './history';
import { TagPicker } from './TagPicker';
import { remPx } from './size';
import { shortTag } from './tags';
import { emptyTrend, fromHistory, LivePoint, TrendData, trimBefore, withLive } from './trendData';
import { liveRange, pan, PRESETS, presetOf, TrendRange, zoomed } from './trendRange';

const t = messages(
  {
    title: 'Trends',
    earlier: '◀ Earlier',
    later: 'Later ▶',
    live: 'Live',
    range: 'Time range',
    liveNote: 'live, last {span}',
    step: 'step: {step}',
    'step.raw': 'raw points',
    'step.1m': '1-minute means',
    'step.1h': 'hourly means',
    zoomHint: 'Drag across a chart to zoom in, double-click to zoom out.',
    pick: 'Pick tags to draw',
    pickDetail: 'Choose tags with the Tags button: each unit gets a chart of its own.',
    noPoints: 'No history in this range',
    noPointsDetail: 'The node has no readings of these tags between {from} and {to}.',
    chart: 'Trend of {tags}',
    loading: 'loading…',
    '15m': '15 min',
    '1h': '1 h',
    '8h': '8 h',
    '24h': '24 h',
    '7d': '7 d',
  },
  {
    title: 'Тренды',
    earlier: '◀ Раньше',
    later: 'Позже ▶',
    live: 'Сейчас',
    range: 'Интервал времени',
    liveNote: 'в реальном времени, последние {span}',
    step: 'шаг: {step}',
    'step.raw': 'исходные точки',
    'step.1m': 'средние за минуту',
    'step.1h': 'средние за час',
    zoomHint: 'Выделите участок графика мышью, чтобы приблизить; двойной щелчок — отдалить.',
    pick: 'Выберите теги',
    pickDetail: 'Кнопка «Теги» выбирает, что рисовать; у каждой единицы измерения свой график.',
    noPoints: 'В этом интервале истории нет',
    noPointsDetail: 'У узла нет показаний этих тегов с {from} по {to}.',
    chart: 'Тренд: {tags}',
    loading: 'загрузка…',
    '15m': '15 мин',
    '1h': '1 ч',
    '8h': '8 ч',
    '24h': '24 ч',
    '7d': '7 сут',
  },
);

type PresetKey = '15m' | '1h' | '8h' | '24h' | '7d';

const COLORS = ['#4cb3ff', '#f2b134', '#38c172', '#ff7ab6', '#b48cff', '#4de0d0', '#ff8a4c', '#c9d36a'];
const DEFAULT_POINTS = ['crown.T1', 'gas.flow', 'pull.rate'];
const FLUSH_MS = 1000;

/** The tags the trend starts with: crown T1, gas flow and pull rate, where they have history. */
export function defaultTags(furnace: string, available: string[]): string[] {
  const wanted = DEFAULT_POINTS.map((p) => `${furnace}.${p}`).filter((tag) => available.includes(tag));
  return wanted.length > 0 ? wanted : available.slice(0, 1);
}

function useTagsWithHistory(furnace: string, plantTags: TagInfo[]): TagInfo[] | null {
  const [tags, setTags] = useState<TagInfo[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    const now = Date.now();
    fetchHistory(furnace, [], now - 3_600_000, now, '1h')
      .then((h) => {
        if (cancelled) return;
        const known = new Map(plantTags.map((p) => [p.tag, p]));
        setTags(h.tags.map((tag) => known.get(tag) ?? { tag, furnace, unit: '', min: null, max: null, alarmLow: null, alarmHigh: null, source: '' }));
      })
      .catch(() => !cancelled && setTags(plantTags));
    return () => {
      cancelled = true;
    };
  }, [furnace, plantTags]);
  return tags;
}

/** Live trends of a furnace's tags: a tag picker, range presets, zoom and pan through the history API. */
export function TrendPanel(props: { furnace: string; plantTags: TagInfo[] }) {
  const { furnace } = props;
  const available = useTagsWithHistory(furnace, props.plantTags);
  const [selected, setSelected] = useState<string[] | null>(null);
  const [range, setRange] = useState<TrendRange>(() => liveRange(PRESETS[1].ms, Date.now()));
  const [data, setData] = useState<TrendData>(emptyTrend([]));
  const [step, setStep] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const buffer = useRef<LivePoint[]>([]);
  const tags = selected ?? [];
  const key = tags.join(',');

  useEffect(() => {
    if (available && selected === null) setSelected(defaultTags(furnace, available.map((a) => a.tag)));
  }, [available, selected, furnace]);

  useEffect(() => {
    if (tags.length === 0) {
      setData(emptyTrend([]));
      return undefined;
    }
    let cancelled = false;
    setLoading(true);
    buffer.current = [];
    fetchHistory(furnace, tags, range.from, range.to)
      .then((h) => {
        if (cancelled) return;
        setData(fromHistory(h, tags));
        setStep(h.step);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 })))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
    // `key` stands for `tags`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [furnace, key, range.from, range.to, attempt]);

  useLive(range.live && tags.length > 0 ? `furnace/${furnace}` : null, (e) => {
    if (e.type !== 'sensor' || !tags.includes(e.data?.tag)) return;
    const at = Date.parse(e.data.readingTs) / 1000;
    if (Number.isFinite(at)) buffer.current.push({ tag: e.data.tag, t: at, value: Number(e.data.value) });
  });

  useEffect(() => {
    if (!range.live) return undefined;
    const span = range.to - range.from;
    const timer = setInterval(() => {
      if (buffer.current.length === 0) return;
      const points = buffer.current;
      buffer.current = [];
      setData((d) => trimBefore(withLive(d, points), (Date.now() - span) / 1000));
    }, FLUSH_MS);
    return () => clearInterval(timer);
  }, [range]);

  const colors = useMemo(() => new Map(tags.map((tag, i) => [tag, COLORS[i % COLORS.length]])), [key]);
  const units = useMemo(() => {
    const info = new Map((available ?? props.plantTags).map((a) => [a.tag, a]));
    const groups = new Map<string, string[]>();
    for (const tag of tags) {
      const u = info.get(tag)?.unit ?? '';
      groups.set(u, [...(groups.get(u) ?? []), tag]);
    }
    return [...groups.entries()];
  }, [key, available, props.plantTags]);

  const charts = useMemo(
    () =>
      units.map(([u, group]) => ({
        unit: u,
        series: group
          .filter((tag) => data.tags.includes(tag))
          .map((tag): ChartSeries => ({ label: shortTag(tag), color: colors.get(tag) ?? COLORS[0], values: data.columns[data.tags.indexOf(tag)] })),
      })),
    [units, data, colors],
  );

  const preset = presetOf(range);
  const onZoom = (from: number, to: number) => setRange(zoomed(from, to));
  const span = PRESETS.find((p) => p.key === preset);

  return (
    <Panel
      title={t('title')}
      wide
      actions={
        <>
          <div class="btn-group" role="group" aria-label={t('range')}>
            {PRESETS.map((p) => (
              <button key={p.key} type="button" class={`btn small${preset === p.key ? ' on' : ''}`} aria-pressed={preset === p.key} onClick={() => setRange(liveRange(p.ms, Date.now()))}>
                {t(p.key as PresetKey)}
              </button>
            ))}
          </div>
          <button type="button" class="btn small" onClick={() => setRange(pan(range, -1, Date.now()))}>
            {t('earlier')}
          </button>
          <button type="button" class="btn small" disabled={range.live} onClick={() => setRange(pan(range, 1, Date.now()))}>
            {t('later')}
          </button>
          {!range.live && (
            <button type="button" class="btn small primary" onClick={() => setRange(liveRange(range.to - range.from, Date.now()))}>
              {t('live')}
            </button>
          )}
        </>
      }
    >
      <div class="trend-bar">
        <TagPicker tags={available ?? []} selected={tags} colors={colors} onChange={setSelected} />
        <div class="muted small trend-meta" aria-live="polite">
          {range.live && span ? t('liveNote', { span: t(span.key as PresetKey) }) : `${fmtDateTime(range.from)} – ${fmtDateTime(range.to)}`}
          {step && ` · ${t('step', { step: t(`step.${step}` as 'step.raw') })}`}
          {loading && ` · ${t('loading')}`}
        </div>
      </div>
      {error && <ProblemView error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {tags.length === 0 && selected !== null && <EmptyState title={t('pick')} detail={t('pickDetail')} icon="📈" />}
      {tags.length > 0 && !loading && !error && data.times.length === 0 && (
        <EmptyState title={t('noPoints')} detail={t('noPointsDetail', { from: fmtDateTime(range.from), to: fmtDateTime(range.to) })} icon="∅" />
      )}
      <div data-testid="trend-chart" class="trend-charts">
        {tags.length > 0 &&
          data.times.length > 0 &&
          charts.map((c) => (
            <TimeChart
              key={c.unit}
              times={data.times}
              series={c.series}
              yLabel={unit(c.unit)}
              height={remPx(charts.length > 2 ? 12 : 16)}
              onZoom={onZoom}
              ariaLabel={t('chart', { tags: c.series.map((s) => s.label).join(', ') })}
            />
          ))}
      </div>
      <div class="muted small">{t('zoomHint')}</div>
    </Panel>
  );
}
