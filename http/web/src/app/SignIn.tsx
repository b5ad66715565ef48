import { useState } from 'preact/hooks';
import { decodeClaims, signIn } from '../api/session';
import { messages } from '../i18n/i18n';

const t = messages(
  {
    title: 'Sign in to Vitrum',
    lead: 'Paste a bearer token (JWT) issued for you, or open the link the node printed at start (it ends in #token=…).',
    token: 'Token',
    submit: 'Sign in',
    notJwt: 'This is not a JWT (three parts separated by dots).',
    local: 'Local profile: the node writes an admin token to ~/.vitrum/dev-token.',
  },
  {
    title: 'Вход в Vitrum',
    lead: 'Вставьте выданный вам токен (JWT) или откройте ссылку, которую узел напечатал при старте (она кончается на #token=…).',
    token: 'Токен',
    submit: 'Войти',
    notJwt: 'Это не JWT (три части через точку).',
    local: 'Локальный профиль: узел пишет токен администратора в ~/.vitrum/dev-token.',
  },
);

export function SignIn() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <main class="signin">
      <form
        class="panel signin-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!decodeClaims(value.trim())) {
            setError(t('notJwt'));
            return;
          }
          signIn(value.trim());
        }}
      >
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
        <label for="token">{t('token')}</label>
        <textarea id="token" rows={4} value={value} onInput={(e) => setValue((e.target as HTMLTextAreaElement).value)} autocomplete="off" spellcheck={false} />
        {error && (
          <p class="problem" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="btn primary">
          {t('submit')}
        </button>
        <p class="muted small">{t('local')}</p>
      </form>
    </main>
  );
}
