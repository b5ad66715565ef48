import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { messages } from '../i18n/i18n';
import { EmptyState, Panel, ProblemView } from '../ui/common';
import { AnswerView } from './ask/AnswerView';
import { AskForm } from './ask/AskForm';
import { AskHistory } from './ask/AskHistory';
import { loadHistory, remember } from './ask/history';
import { AskAnswer, AskRequest, Asked } from './ask/types';
import './ask/ask.css';

const t = messages(
  {
    title: 'Ask the plant',
    intro: 'Ask about defects, furnaces and incidents; the answer comes from the incidents and their root-cause analyses, in your question’s language.',
    question: 'Question',
    nothing: 'No question yet',
    nothingDetail: 'Type a question or pick an example.',
  },
  {
    title: 'Спросить о заводе',
    intro: 'Спрашивайте о дефектах, печах и инцидентах; ответ строится по инцидентам и анализу их причин, на языке вопроса.',
    question: 'Вопрос',
    nothing: 'Вопросов пока нет',
    nothingDetail: 'Напишите вопрос или выберите пример.',
  },
);

/**
 * Questions in Russian or English (`/ask`, `POST /api/ask`): the answer with the incidents it rests
 * on, what was not understood, and this session's earlier questions.
 */
export function Ask() {
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<Asked[]>(loadHistory);
  const [current, setCurrent] = useState<Asked | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const ask = async (question: string) => {
    setQ(question);
    setBusy(true);
    setError(null);
    let answer: AskAnswer | null = null;
    try {
      const body: AskRequest = { q: question };
      answer = await api.post<AskAnswer>('/api/ask', body);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 }));
    } finally {
      setBusy(false);
    }
    const asked: Asked = { q: question, at: Date.now(), answer };
    setHistory((h) => remember(h, asked));
    setCurrent(asked);
  };

  const show = (a: Asked) => {
    setQ(a.q);
    setError(null);
    setCurrent(a);
  };

  return (
    <div class="stack">
      <div class="view-head">
        <h1>{t('title')}</h1>
        <span class="muted small">{t('intro')}</span>
      </div>
      <div class="ask-layout">
        <Panel title={t('question')}>
          <AskForm value={q} busy={busy} onChange={setQ} onAsk={ask} />
          {error && <ProblemView error={error} onRetry={current ? () => ask(current.q) : undefined} />}
          {current?.answer && <AnswerView q={current.q} answer={current.answer} />}
          {!current && !error && <EmptyState title={t('nothing')} detail={t('nothingDetail')} icon="?" />}
        </Panel>
        <AskHistory history={history} current={current} onShow={show} />
      </div>
    </div>
  );
}
