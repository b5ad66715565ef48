import { fmtNumber, fmtPercent } from '../../i18n/i18n';
import { Stat } from '../../ui/common';
import { t } from './labels';
import { Decision, UNREADABLE } from './types';

/** Counts of the latest decisions: how many, rejected, their share, unreadable, and the deciding model. */
export function DecisionSummary(props: { decisions: Decision[] }) {
  const all = props.decisions;
  const rejected = all.filter((d) => d.reject).length;
  const unreadable = all.filter((d) => d.label === UNREADABLE).length;
  const share = all.length > 0 ? rejected / all.length : null;
  const models = [...new Set(all.map((d) => d.model))].join(', ');
  return (
    <div class="stats">
      <Stat label={t('decided')} value={fmtNumber(all.length, 0)} />
      <Stat label={t('rejected')} value={fmtNumber(rejected, 0)} level={rejected > 0 ? 'warn' : 'ok'} />
      <Stat label={t('rejectShare')} value={fmtPercent(share, 1)} />
      <Stat label={t('unreadableCount')} value={fmtNumber(unreadable, 0)} level={unreadable > 0 ? 'alarm' : 'ok'} />
      <Stat label={t('model')} value={models || '—'} />
    </div>
  );
}
