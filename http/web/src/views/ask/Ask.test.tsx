import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { Ask } from '../Ask';
import { Call, signInAs, stubFetch } from '../incident/stubFetch';
import { highlight } from './highlight';
import { appLinks } from './links';
import { linkify } from './linkify';
import { AskAnswer } from './types';

const UNDERSTOOD: AskAnswer = {
  understood: true,
  language: 'ru',
  answer: 'Пузыри на F2 выросли с 14:05 (F2-bubble-3). Вероятная причина: деградация горелок (64 %).',
  links: ['/api/incidents/F2-bubble-3/root-causes', '/api/incidents/F2-bubble-3', '/api/incidents/F2-bubble-1'],
  query: {
    intent: 'why',
    defect: 'bubble',
    furnace: 'F2',
    from: '2026-03-03T14:00:00Z',
    to: '2026-03-03T15:00:00Z',
    timeGiven: true,
    notUnderstood: ['вдруг'],
  },
};

const NOT_UNDERSTOOD: AskAnswer = {
  understood: false,
  language: 'en',
  answer: 'Furnace F9 is not known.',
  problems: [{ part: 'furnace', fragment: 'f9', message: 'There is no furnace F9; the furnaces are F1, F2, F3.' }],
};

function answering(answer: AskAnswer): Call[] {
  return stubFetch({ 'POST /api/ask': { json: answer } });
}

describe('ask page', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('viewer');
    sessionStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('posts the question on Enter and shows the answer with in-app links to its incidents', async () => {
    const calls = answering(UNDERSTOOD);
    render(<Ask />);
    const box = screen.getByLabelText('Your question, in Russian or English');
    fireEvent.input(box, { target: { value: 'Почему вдруг выросли пузыри на печи 2 после 14:00?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByText(/деградация горелок/)).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ q: 'Почему вдруг выросли пузыри на печи 2 после 14:00?' });
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/incidents/F2-bubble-3', '/incidents/F2-bubble-3', '/incidents/F2-bubble-1']);
    expect(links[0].textContent).toBe('F2-bubble-3');
    expect(screen.getByText('Words not used:')).toBeTruthy();
    expect(screen.getByText('вдруг')).toBeTruthy();
    expect(screen.getByText(/деградация горелок/).closest('p')?.getAttribute('lang')).toBe('ru');
  });

  it('does not submit on Shift+Enter', () => {
    const calls = answering(UNDERSTOOD);
    render(<Ask />);
    const box = screen.getByLabelText('Your question, in Russian or English');
    fireEvent.input(box, { target: { value: 'why' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(calls).toHaveLength(0);
  });

  it('marks the part it could not read and says why', async () => {
    answering(NOT_UNDERSTOOD);
    render(<Ask />);
    fireEvent.input(screen.getByLabelText('Your question, in Russian or English'), { target: { value: 'What happened on F9 today?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not understood')).toBeTruthy();
    expect(alert.querySelector('mark')?.textContent).toBe('F9');
    expect(within(alert).getByText(/There is no furnace F9/)).toBeTruthy();
    expect(within(alert).getByText('Furnace')).toBeTruthy();
  });

  it('asks an example at once and keeps the session’s questions', async () => {
    const calls = answering(UNDERSTOOD);
    render(<Ask />);
    fireEvent.click(screen.getByRole('button', { name: 'Why did bubbles rise on furnace 2 in the last hour?' }));
    await screen.findByText(/деградация горелок/);
    fireEvent.click(screen.getByRole('button', { name: 'Почему выросли пузыри на печи 2 после 14:00?' }));
    const history = await screen.findByRole('navigation', { name: 'Asked this session' });
    await waitFor(() => expect(within(history).getAllByRole('button')).toHaveLength(2));
    expect(calls.map((c) => (c.body as { q: string }).q)).toEqual([
      'Why did bubbles rise on furnace 2 in the last hour?',
      'Почему выросли пузыри на печи 2 после 14:00?',
    ]);
    expect(within(history).getAllByRole('button')[0].textContent).toContain('Почему выросли');
  });

  it('shows the problem when the node refuses', async () => {
    stubFetch({ 'POST /api/ask': { status: 503, json: { title: 'Knowledge graph off', status: 503, code: 'graph-unavailable' } } });
    render(<Ask />);
    fireEvent.click(screen.getByRole('button', { name: 'What happened on furnace 3 today?' }));
    expect(await screen.findByText('Knowledge graph off')).toBeTruthy();
  });

  it('speaks Russian', () => {
    setLang('ru');
    render(<Ask />);
    expect(screen.getByLabelText('Ваш вопрос, по-русски или по-английски')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Спросить' })).toBeTruthy();
    expect(screen.getByText('Вопросов пока нет')).toBeTruthy();
  });
});

describe('ask helpers', () => {
  it('cuts an answer around the incident ids it mentions', () => {
    expect(linkify('F1-anomaly-F1.pull.rate-2 (F1.pull.rate) and F1-anomaly-F1.pull.rate-21', ['F1-anomaly-F1.pull.rate-2', 'F1-anomaly-F1.pull.rate-21'])).toEqual([
      { text: 'F1-anomaly-F1.pull.rate-2', incident: 'F1-anomaly-F1.pull.rate-2' },
      { text: ' (F1.pull.rate) and ', incident: null },
      { text: 'F1-anomaly-F1.pull.rate-21', incident: 'F1-anomaly-F1.pull.rate-21' },
    ]);
    expect(linkify('nothing', [])).toEqual([{ text: 'nothing', incident: null }]);
  });

  it('turns the answer’s API links into one page per incident', () => {
    expect(appLinks(['/api/incidents/F1-crack-2', '/api/incidents/F1-crack-2/root-causes', '/api/other'])).toEqual([
      { href: '/incidents/F1-crack-2', incident: 'F1-crack-2', causes: true },
    ]);
    expect(appLinks(undefined)).toEqual([]);
  });

  it('finds normalised fragments in the question, whole or word by word', () => {
    expect(highlight('Что с Ёлкой на F9?', ['елкой'])).toEqual([
      { text: 'Что с ', marked: false },
      { text: 'Ёлкой', marked: true },
      { text: ' на F9?', marked: false },
    ]);
    expect(highlight('cracks and stones', ['cracks, stones']).filter((s) => s.marked).map((s) => s.text)).toEqual(['cracks', 'stones']);
    expect(highlight('empty', [''])).toEqual([{ text: 'empty', marked: false }]);
  });
});
