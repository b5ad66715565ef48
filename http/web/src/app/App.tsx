import { useEffect, useState } from 'preact/hooks';
import { currentToken, onSessionChange } from '../api/session';
import { messages, useLang } from '../i18n/i18n';
import { live } from '../live/live';
import { EmptyState } from '../ui/common';
import { Ask } from '../views/Ask';
import { Audit } from '../views/Audit';
import { Explanations } from '../views/Explanations';
import { Furnace } from '../views/Furnace';
import { Incident } from '../views/Incident';
import { Incidents } from '../views/Incidents';
import { Ingest } from '../views/Ingest';
import { Inspection } from '../views/Inspection';
import { Models } from '../views/Models';
import { Overview } from '../views/Overview';
import { Twin } from '../views/Twin';
import { Header } from './Header';
import { onLinkClick, RouteMatch, useRoute } from './router';
import { SignIn } from './SignIn';

const t = messages(
  { notFound: 'No such view', notFoundDetail: 'The address names no view of the dashboard.' },
  { notFound: 'Такого раздела нет', notFoundDetail: 'Этот адрес не ведёт ни к одному разделу.' },
);

function View(props: { route: RouteMatch }) {
  const p = props.route.params;
  switch (props.route.name) {
    case 'overview':
      return <Overview />;
    case 'furnace':
      return <Furnace furnace={p.furnace} />;
    case 'explanations':
      return <Explanations furnace={p.furnace} />;
    case 'twin':
      return <Twin furnace={p.furnace} />;
    case 'incidents':
      return <Incidents />;
    case 'incident':
      return <Incident id={p.id} />;
    case 'inspection':
      return <Inspection />;
    case 'models':
      return <Models />;
    case 'ingest':
      return <Ingest />;
    case 'audit':
      return <Audit />;
    case 'ask':
      return <Ask />;
    default:
      return <EmptyState title={t('notFound')} detail={t('notFoundDetail')} icon="?" />;
  }
}

/** The page: the sign-in until there is a token, then the header and the current view. */
export function App() {
  const [token, setToken] = useState(currentToken());
  const route = useRoute();
  useLang(); // every label re-renders in the new language
  useEffect(
    () =>
      onSessionChange(() => {
        setToken(currentToken());
      }),
    [],
  );
  useEffect(() => {
    if (token) live.start();
    else live.stop();
  }, [token]);
  if (!token) return <SignIn />;
  return (
    <div class="app" onClick={(e) => onLinkClick(e as unknown as MouseEvent)}>
      <Header route={route} />
      <main class="view" id="main">
        <View route={route} />
      </main>
    </div>
  );
}
