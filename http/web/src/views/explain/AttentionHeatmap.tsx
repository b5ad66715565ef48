import { fmtNumber, fmtPercent, fmtTime, messages, unit } from '../../i18n/i18n';
import { EmptyState } from '../../ui/common';

/** The forecaster reads an hour of minute vectors. */
export const WINDOW_MINUTES = 60;
const TICK_EVERY = 10;

const t = messages(
  {
    label: 'Forecaster attention over the last hour, oldest minute on the left',
    cell: '{time}: weight {weight}',
    cellTop: '{time}: weight {weight}, rank {rank}',
    cellOnlyTop: '{time}: rank {rank} of the minutes weighed most',
    now: 'now',
    ago: '−{n} {unit}',
    low: 'low weight',
    high: 'high weight',
    onlyTop: 'The per-minute weights are not available; the minutes weighed most are marked by rank.',
    none: 'No attention yet',
    noneDetail: 'The forecaster attends over an hour of minute vectors; it has not predicted for this furnace yet.',
  },
  {
    label: 'Внимание прогнозной модели за последний час, самая ранняя минута слева',
    cell: '{time}: вес {weight}',
    cellTop: '{time}: вес {weight}, место {rank}',
    cellOnlyTop: '{time}: место {rank} среди самых весомых минут',
    now: 'сейчас',
    ago: '−{n} {unit}',
    low: 'малый вес',
    high: 'большой вес',
    onlyTop: 'Веса по минутам недоступны; самые весомые минуты отмечены местом.',
    none: 'Внимания пока нет',
    noneDetail: 'Прогнозная модель смотрит на час минутных векторов; по этой печи она ещё не строила прогноз.',
  },
);

/**
 * The forecaster's attention over the 60 input minutes as a heat strip (oldest left, the newest
 * right, at `at`), the most weighed minutes ranked; with only `top` (no weights) it marks those.
 */
export function AttentionHeatmap(props: { attention: number[] | undefined; top: number[]; at: number }) {
  const weights = props.attention && props.attention.length > 0 ? props.attention : null;
  if (!weights && props.top.length === 0) return <EmptyState title={t('none')} detail={t('noneDetail')} icon="▦" />;
  const n = weights ? weights.length : WINDOW_MINUTES;
  const max = weights ? Math.max(1e-12, ...weights) : 1;
  const rank = new Map(props.top.map((m, i) => [m, i + 1]));
  const timeOf = (i: number) => fmtTime(props.at - (n - 1 - i) * 60_000);
  const ticks = Array.from({ length: n }, (_, i) => i).filter((i) => (n - 1 - i) % TICK_EVERY === 0);

  return (
    <figure class="attention">
      <div class="attention-strip" role="img" aria-label={t('label')} style={{ gridTemplateColumns: `repeat(${n}, 1fr)` }}>
        {Array.from({ length: n }, (_, i) => {
          const w = weights ? weights[i] : null;
          const r = rank.get(i);
          const title =
            w === null
              ? r
                ? t('cellOnlyTop', { time: timeOf(i), rank: r })
                : timeOf(i)
              : r
                ? t('cellTop', { time: timeOf(i), weight: fmtPercent(w, 1), rank: r })
                : t('cell', { time: timeOf(i), weight: fmtPercent(w, 1) });
          const alpha = w === null ? (r ? 0.9 : 0.06) : 0.06 + 0.94 * (w / max);
          return (
            <span key={i} class={r ? 'attention-cell top' : 'attention-cell'} style={{ backgroundColor: `rgba(242, 177, 52, ${alpha.toFixed(3)})` }} title={title}>
              {r && <span class="attention-rank">{r}</span>}
            </span>
          );
        })}
      </div>
      <div class="attention-axis" style={{ gridTemplateColumns: `repeat(${n}, 1fr)` }} aria-hidden="true">
        {ticks.map((i) => (
          <span key={i} class="attention-tick" style={{ gridColumn: `${i + 1}` }}>
            {i === n - 1 ? t('now') : t('ago', { n: fmtNumber(n - 1 - i, 0), unit: unit('min') })}
          </span>
        ))}
      </div>
      <figcaption class="muted small attention-caption">
        {weights ? (
          <span class="attention-scale">
            {t('low')} <span class="attention-gradient" aria-hidden="true" /> {t('high')} · {timeOf(0)} – {timeOf(n - 1)}
          </span>
        ) : (
          t('onlyTop')
        )}
      </figcaption>
    </figure>
  );
}
