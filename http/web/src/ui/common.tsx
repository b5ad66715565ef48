import { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { messages } from '../i18n/i18n';

const t = messages(
  {
    loading: 'Loading…',
    retry: 'Retry',
    stale: 'stale',
    staleTitle: 'No update for a while: this is the last known value',
    status: 'HTTP {status}',
    unreachable: 'The node cannot be reached',
  },
  {
    loading: 'Загрузка…',
    retry: 'Повторить',
    stale: 'устарело',
    staleTitle: 'Давно нет обновлений: это последнее известное значение',
    status: 'HTTP {status}',
    unreachable: 'Узел недоступен',
  },
);

/** A titled section of a view. */
export function Panel(props: { title: string; actions?: ComponentChildren; children: ComponentChildren; wide?: boolean; id?: string }) {
  return (
    <section class={props.wide ? 'panel wide' : 'panel'} aria-label={props.title} id={props.id}>
      <header class="panel-head">
        <h2>{props.title}</h2>
        {props.actions && <div class="panel-actions">{props.actions}</div>}
      </header>
      <div class="panel-body">{props.children}</div>
    </section>
  );
}

/** What a panel shows when there is nothing (yet): a capability not landed, or no data. */
export function EmptyState(props: { title: string; detail?: string; icon?: string }) {
  return (
    <div class="empty" role="note">
      <div class="empty-icon" aria-hidden="true">
        {props.icon ?? '◌'}
      </div>
      <div class="empty-title">{props.title}</div>
      {props.detail && <div class="empty-detail">{props.detail}</div>}
    </div>
  );
}

export function Loading() {
  return (
    <div class="loading" role="status" aria-live="polite">
      {t('loading')}
    </div>
  );
}

/** A refused or failed request: the problem document's title and detail, and a retry. */
export function ProblemView(props: { error: ApiError; onRetry?: () => void }) {
  const p = props.error.problem;
  return (
    <div class="problem" role="alert">
      <strong>{p.status === 0 ? t('unreachable') : p.title}</strong>
      {p.status > 0 && <span class="muted"> · {t('status', { status: p.status })}</span>}
      {p.detail && <div class="problem-detail">{p.detail}</div>}
      {props.onRetry && (
        <button type="button" class="btn small" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Marks a last-known value that has not been refreshed within the stale timeout. */
export function StaleMark(props: { stale: boolean }) {
  return props.stale ? (
    <span class="stale" title={t('staleTitle')}>
      {t('stale')}
    </span>
  ) : null;
}

/** How a value stands against its limits: the colour of its card or cell. */
export type Level = 'ok' | 'warn' | 'alarm' | 'none';

/** `value` against a low/high limit pair, with a warning band of `margin` (share of the range) inside them. */
export function levelOf(value: number | null | undefined, low?: number | null, high?: number | null, margin = 0.05): Level {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  if ((high !== null && high !== undefined && value > high) || (low !== null && low !== undefined && value < low)) return 'alarm';
  if (low !== null && low !== undefined && high !== null && high !== undefined) {
    const band = (high - low) * margin;
    if (value > high - band || value < low + band) return 'warn';
  }
  return 'ok';
}

/** A labelled figure, coloured by its level. */
export function Stat(props: { label: string; value: string; unit?: string; level?: Level; stale?: boolean; hint?: string }) {
  return (
    <div class={`stat level-${props.level ?? 'none'}${props.stale ? ' is-stale' : ''}`} title={props.hint}>
      <div class="stat-label">{props.label}</div>
      <div class="stat-value">
        {props.value}
        {props.unit && <span class="stat-unit"> {props.unit}</span>}
        <StaleMark stale={!!props.stale} />
      </div>
    </div>
  );
}
