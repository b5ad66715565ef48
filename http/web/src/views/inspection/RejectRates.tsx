import { useState } from 'preact/hooks';
import type { TagInfo } from '../../api/plant';
import { fmtNumber } from '../../i18n/i18n';
import { isStale, useLive, useNow } from '../../live/live';
import { EmptyState, levelOf, Loading, ProblemView, StaleMark } from '../../ui/common';
import { useResource } from '../../ui/useResource';
import { className, t } from './labels';
import { CounterHistory, countersPath, inspectedTag, RATE_WINDOW_MS, ratesOf, rejectClasses, rejectTag } from './rejectRates';

/** The refresh of the counters' minute means. */
const REFRESH_MS = 30_000;

/** A bar's scale: at least this many ‰, so that a quiet line does not look alarming. */
const MIN_SCALE_PER_MILLE = 20;

interface LiveValue {
  value: number;
  at: number;
}

/** The latest live value of each inspection counter of `furnace`, from its topic. */
function useLiveCounters(furnace: string): Map<string, LiveValue> {
  const [values, setValues] = useState(new Map<string, LiveValue>());
  useLive(`furnace/${furnace}`, (e) => {
    if (e.type !== 'sensor' || typeof e.data?.tag !== 'string' || !e.data.tag.startsWith(`${furnace}.insp.`)) return;
    const at = Date.parse(e.data.readingTs) || e.ts;
    setValues((old) => new Map(old).set(e.data.tag, { value: Number(e.data.value), at }));
  });
  return values;
}

/** The reject rate of each class of one furnace's line, as bars coloured against the counters' limits. */
export function FurnaceRejectRates(props: { furnace: string; tags: TagInfo[] }) {
  const { furnace } = props;
  const classes = rejectClasses(furnace, props.tags);
  const history = useResource<CounterHistory>(countersPath(furnace, classes), REFRESH_MS);
  const live = useLiveCounters(furnace);
  const now = useNow(5000);
  const limits = (tag: string) => props.tags.find((x) => x.tag === tag);

  let body;
  if (history.error && !history.data) body = <ProblemView error={history.error} onRetry={history.reload} />;
  else if (!history.data) body = <Loading />;
  else {
    const rates = ratesOf(history.data, furnace, classes);
    if (rates.inspectedPerMinute === null) {
      body = <EmptyState title={t('noCounters', { furnace })} detail={t('noCountersDetail', { tag: inspectedTag(furnace), minutes: RATE_WINDOW_MS / 60_000 })} icon="∅" />;
    } else {
      const scale = Math.max(MIN_SCALE_PER_MILLE, ...rates.classes.map((c) => c.perMille ?? 0));
      const liveInspected = live.get(inspectedTag(furnace));
      body = (
        <>
          <div class="small muted rate-inspected">
            {t('inspected', { n: fmtNumber(rates.inspectedPerMinute, 0) })}
            {liveInspected && (
              <>
                {' · '}
                {t('liveNow', { n: fmtNumber(liveInspected.value, 0) })}
                <StaleMark stale={isStale(liveInspected.at, now)} />
              </>
            )}
          </div>
          <ul class="rate-bars" aria-label={furnace}>
            {rates.classes.map((c) => {
              const tag = rejectTag(furnace, c.cls);
              const info = limits(tag);
              const level = levelOf(c.perMinute, info?.alarmLow, info?.alarmHigh);
              const now1 = live.get(tag);
              return (
                <li class="bar" key={c.cls} data-testid={`rate-${furnace}-${c.cls}`}>
                  <span>
                    {className(c.cls)}
                    <span class="muted small"> · {t('perMin', { n: fmtNumber(c.perMinute, 1) })}</span>
                    {now1 && <StaleMark stale={isStale(now1.at, now)} />}
                  </span>
                  <span class="bar-track" role="img" aria-label={`${className(c.cls)} ${fmtNumber(c.perMille, 1)} ${t('perMille')}`}>
                    <span class={`bar-fill rate-${level}`} style={{ width: `${Math.min(100, ((c.perMille ?? 0) / scale) * 100)}%` }} />
                  </span>
                  <span class="num">
                    {fmtNumber(c.perMille, 1)} {t('perMille')}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      );
    }
  }
  return (
    <div class="rate-furnace">
      <h3>
        <a href={`/furnaces/${encodeURIComponent(furnace)}`}>{furnace}</a>
      </h3>
      {body}
    </div>
  );
}
