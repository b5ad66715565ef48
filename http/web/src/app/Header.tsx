import { claims, hasRole, signOut } from '../api/session';
import { Lang, LANGS, messages, setLang, useLang } from '../i18n/i18n';
import { useConnectionState } from '../live/live';
import { RouteMatch } from './router';

const t = messages(
  {
    overview: 'Plant',
    incidents: 'Incidents',
    inspection: 'Inspection',
    ask: 'Ask',
    models: 'Models',
    ingest: 'Ingest',
    audit: 'Audit',
    signOut: 'Sign out',
    language: 'Language',
    nav: 'Views',
    'conn-connecting': 'Connecting…',
    'conn-open': 'Live',
    'conn-reconnecting': 'Reconnecting…',
    'conn-signed-out': 'Signed out',
    'conn-stopped': 'Offline',
    connection: 'Live connection',
  },
  {
    overview: 'Завод',
    incidents: 'Инциденты',
    inspection: 'Контроль',
    ask: 'Спросить',
    models: 'Модели',
    ingest: 'Сбор данных',
    audit: 'Аудит',
    signOut: 'Выйти',
    language: 'Язык',
    nav: 'Разделы',
    'conn-connecting': 'Подключение…',
    'conn-open': 'В сети',
    'conn-reconnecting': 'Переподключение…',
    'conn-signed-out': 'Выход выполнен',
    'conn-stopped': 'Нет связи',
    connection: 'Живое соединение',
  },
);

const NAV: [string, 'overview' | 'incidents' | 'inspection' | 'ask' | 'models' | 'ingest' | 'audit', string[]][] = [
  ['/', 'overview', ['overview', 'furnace', 'explanations', 'twin']],
  ['/incidents', 'incidents', ['incidents', 'incident']],
  ['/inspection', 'inspection', ['inspection']],
  ['/ask', 'ask', ['ask']],
  ['/models', 'models', ['models']],
  ['/ingest', 'ingest', ['ingest']],
  ['/audit', 'audit', ['audit']],
];

export function Header(props: { route: RouteMatch }) {
  const current = useLang();
  const state = useConnectionState();
  const who = claims();
  return (
    <header class="top">
      <a class="brand" href="/">
        Vitrum
      </a>
      <nav aria-label={t('nav')}>
        {NAV.filter(([, key]) => key !== 'audit' || hasRole('admin')).map(([href, key, names]) => (
          <a href={href} class={names.includes(props.route.name) ? 'active' : ''} aria-current={names.includes(props.route.name) ? 'page' : undefined}>
            {t(key)}
          </a>
        ))}
      </nav>
      <div class="top-right">
        <span class={`conn conn-${state}`} role="status" aria-label={t('connection')} data-state={state}>
          <span class="dot" aria-hidden="true" />
          {t(`conn-${state}`)}
        </span>
        <div class="lang" role="group" aria-label={t('language')}>
          {LANGS.map((l: Lang) => (
            <button type="button" class={l === current ? 'on' : ''} aria-pressed={l === current} onClick={() => setLang(l)} lang={l}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        {who && (
          <span class="who" title={who.roles.join(', ')}>
            {who.sub}
          </span>
        )}
        <button type="button" class="btn small ghost" onClick={signOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
