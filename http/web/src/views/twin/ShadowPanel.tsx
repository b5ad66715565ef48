import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, seg } from '../../api/client';
import { hasRole } from '../../api/session';
import { fmtNumber } from '../../i18n/i18n';
import { EmptyState, Panel, ProblemView, Stat } from '../../ui/common';
import { useResource } from '../../ui/useResource';
import { figureInfo, figureLabel, figureUnit, fmtDelta, fmtFigure } from './figures';
import { fmtChange, fmtDuration } from './format';
import { RefusalView } from './RefusalView';
import { t } from './text';
import { SetpointChangesRequest, ShadowResponse } from './types';

/** How often a running shadow run's figures are fetched again. */
export const SHADOW_REFRESH_MS = 5000;

/**
 * The shadow run: starts the what-if form's candidate setpoints on a virtual line beside the plant,
 * shows while it runs how far the two diverge, and stops it (keeping its last report in view).
 * `version` changes when the twin reports a sync or a shadow start or stop.
 */
export function ShadowPanel(props: { furnace: string; candidate: SetpointChangesRequest; version: number }) {
  const path = `/api/twin/${seg(props.furnace)}/shadow`;
  const [refreshMs, setRefreshMs] = useState<number | undefined>(undefined);
  const status = useResource<ShadowResponse>(path, refreshMs);
  const [final, setFinal] = useState<ShadowResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const operator = hasRole('operator');
  const active = status.data?.active ?? false;
  const nothing = Object.keys(props.candidate.absolute ?? {}).length + Object.keys(props.candidate.changes ?? {}).length === 0;

  useEffect(() => setRefreshMs(active ? SHADOW_REFRESH_MS : undefined), [active]);
  useEffect(() => {
    if (props.version > 0) status.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.version]);

  async function act(call: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 }));
    } finally {
      setBusy(false);
      status.reload();
    }
  }

  const start = () =>
    act(async () => {
      setFinal(null);
      await api.post(path, { changes: props.candidate.changes, absolute: props.candidate.absolute });
    });
  const stop = () =>
    act(async () => {
      setFinal(await api.del<ShadowResponse>(path));
    });

  const report = active ? status.data : (final ?? status.data);
  const hasReport = !!report && ((report.candidate?.length ?? 0) > 0 || (report.samples ?? 0) > 0);

  return (
    <Panel
      title={t('shadow.title')}
      wide
      id="shadow"
      actions={<span class={`badge ${active ? 'ok' : ''}`}>{active ? t('shadow.active') : t('shadow.inactive')}</span>}
    >
      <p class="small muted">{t('shadow.intro')}</p>
      <div class="row">
        {active ? (
          <button type="button" class="btn danger" onClick={stop} disabled={busy || !operator} data-testid="shadow-stop">
            {t('shadow.stop')}
          </button>
        ) : (
          <button type="button" class="btn primary" onClick={start} disabled={busy || !operator || nothing} data-testid="shadow-start">
            {t('shadow.start')}
          </button>
        )}
        {!active && props.candidate.absolute && (
          <span class="small">{Object.entries(props.candidate.absolute).map(([parameter, value]) => fmtChange({ parameter, mode: 'absolute', value })).join('; ')}</span>
        )}
        {!active && nothing && <span class="small muted">{t('whatif.nothing')}</span>}
      </div>
      {!operator && <p class="small muted">{t('shadow.operatorOnly')}</p>}
      {error && <RefusalView error={error} />}
      {status.error && !status.data && <ProblemView error={status.error} onRetry={status.reload} />}
      {hasReport && report ? <ShadowReport report={report} /> : !status.error && <EmptyState icon="◐" title={t('shadow.none')} detail={t('shadow.noneDetail')} />}
    </Panel>
  );
}

function ShadowReport(props: { report: ShadowResponse }) {
  const r = props.report;
  const rms = r.rmsDivergence ?? {};
  const mean = r.meanDifference ?? {};
  const keys = [...new Set([...Object.keys(rms), ...Object.keys(mean)])];
  return (
    <div data-testid="shadow-report">
      <div class="stats twin-shadow-stats">
        <Stat label={t('shadow.minutes')} value={fmtDuration(Math.round(r.minutes ?? 0))} level={r.active ? 'ok' : 'none'} />
        <Stat label={t('shadow.samples')} value={fmtNumber(r.samples ?? 0, 0)} />
      </div>
      {(r.candidate?.length ?? 0) > 0 && (
        <p class="small">
          {t('shadow.candidate')}: {r.candidate!.map(fmtChange).join('; ')}
        </p>
      )}
      {keys.length === 0 ? (
        <p class="small muted">{t('shadow.noSamples')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('whatif.figure')}</th>
                <th scope="col" class="num">
                  {t('shadow.rms')}
                </th>
                <th scope="col" class="num">
                  {t('shadow.mean')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k}>
                  <th scope="row">{figureLabel(k)}</th>
                  <td class="num">{fmtFigure(k, rms[k])}</td>
                  <td class="num">{fmtDelta(k, mean[k])}</td>
                  <td class="muted small">{figureUnit(figureInfo(k).unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
