import { messages } from '../../i18n/i18n';
import { EXAMPLES } from './examples';

/** The longest question the node reads. */
export const MAX_QUESTION = 500;

const t = messages(
  {
    label: 'Your question, in Russian or English',
    placeholder: 'e.g. Why did bubbles rise on furnace 2 after 14:00?',
    hint: 'Enter asks, Shift+Enter starts a new line.',
    ask: 'Ask',
    asking: 'Asking…',
    examples: 'Examples',
    count: '{n} / {max}',
  },
  {
    label: 'Ваш вопрос, по-русски или по-английски',
    placeholder: 'например: Почему выросли пузыри на печи 2 после 14:00?',
    hint: 'Enter — спросить, Shift+Enter — новая строка.',
    ask: 'Спросить',
    asking: 'Спрашиваю…',
    examples: 'Примеры',
    count: '{n} / {max}',
  },
);

/** The question box: Enter submits, Shift+Enter adds a line; example questions in both languages ask at once. */
export function AskForm(props: { value: string; busy: boolean; onChange: (q: string) => void; onAsk: (q: string) => void }) {
  const submit = () => {
    const q = props.value.trim();
    if (q && !props.busy) props.onAsk(q);
  };
  return (
    <form
      class="ask-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div class="field">
        <label for="ask-q">{t('label')}</label>
        <textarea
          id="ask-q"
          rows={3}
          maxLength={MAX_QUESTION}
          value={props.value}
          placeholder={t('placeholder')}
          aria-describedby="ask-hint"
          onInput={(e) => props.onChange((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <div class="row ask-under">
          <span id="ask-hint" class="muted small">
            {t('hint')}
          </span>
          <span class="muted small ask-count">{t('count', { n: props.value.length, max: MAX_QUESTION })}</span>
        </div>
      </div>
      <div class="row">
        <button type="submit" class="btn primary" disabled={props.busy || props.value.trim() === ''}>
          {props.busy ? t('asking') : t('ask')}
        </button>
      </div>
      <div class="ask-examples" role="group" aria-label={t('examples')}>
        <span class="muted small">{t('examples')}:</span>
        {EXAMPLES.map((x) => (
          <button key={x.q} type="button" class="chip" lang={x.lang} disabled={props.busy} onClick={() => props.onAsk(x.q)}>
            {x.q}
          </button>
        ))}
      </div>
    </form>
  );
}
