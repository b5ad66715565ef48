import { render } from 'preact';
import { startSession } from './api/session';
import { App } from './app/App';
import { startLang } from './i18n/i18n';
import './styles.css';

startSession();
startLang();
render(<App />, document.getElementById('app')!);
