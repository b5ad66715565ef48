import { fmtDateTime } from '../../i18n/i18n';
import { t } from './labels';
import { Activation } from './types';

/** The versions that were active, newest first, each with why and whether the engine did it itself. */
export function Activations(props: { activations: Activation[] }) {
  const list = [...props.activations].reverse();
  return (
    <ol class="activations" aria-label={t('activations')}>
      {list.map((a, i) => (
        <li key={`${a.at}-${i}`}>
          <span class="small muted">
            <time dateTime={a.at}>{fmtDateTime(a.at)}</time>
          </span>{' '}
          <strong>v{a.version}</strong> <span class={`badge ${a.automatic ? 'warn' : ''}`}>{a.automatic ? t('automatic') : t('manual')}</span>
          <div class="small">{a.reason}</div>
        </li>
      ))}
    </ol>
  );
}
