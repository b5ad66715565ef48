import { fmtDateTime, fmtNumber } from '../../i18n/i18n';
import { t } from './labels';
import { QuarantineEntry } from './types';

/** How much of a payload a row shows; the whole one is in the cell's title. */
const EXCERPT = 160;

function excerpt(e: QuarantineEntry): string {
  const p = e.payload ?? '';
  const text = e.payloadEncoding === 'base64' ? `base64:${p}` : p;
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

/** The latest quarantined inputs: when, source, reason and detail, the tag and value, and the payload. */
export function QuarantineTable(props: { records: QuarantineEntry[] }) {
  return (
    <div class="table-scroll">
      <table aria-label={t('latest')}>
        <thead>
          <tr>
            <th>{t('when')}</th>
            <th>{t('source')}</th>
            <th>{t('reason')}</th>
            <th>{t('detail')}</th>
            <th>{t('tag')}</th>
            <th>{t('payload')}</th>
          </tr>
        </thead>
        <tbody>
          {props.records.map((r) => (
            <tr key={`${r.partition}-${r.offset}`} data-testid="quarantined">
              <td class="small">
                <time dateTime={r.at}>{fmtDateTime(r.at)}</time>
              </td>
              <td>{r.source}</td>
              <td>
                <span class="badge warn">{r.reason}</span>
              </td>
              <td class="small">{r.detail ?? ''}</td>
              <td class="mono small">
                {r.tag ?? '—'}
                {r.value !== undefined && <div class="muted">{fmtNumber(r.value, 2)}</div>}
              </td>
              <td class="mono small payload" title={r.payload}>
                {excerpt(r)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
