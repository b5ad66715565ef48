import { Asked } from './types';

const KEY = 'vitrum.ask.history';
/** Questions kept for the session. */
export const HISTORY_SIZE = 8;

/** This session's questions, newest first (kept in session storage, so a reload keeps them). */
export function loadHistory(): Asked[] {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as Asked[]).slice(0, HISTORY_SIZE) : [];
  } catch {
    return [];
  }
}

/** `asked` in front of `history` (an earlier identical question moves up), trimmed and saved. */
export function remember(history: Asked[], asked: Asked): Asked[] {
  const next = [asked, ...history.filter((h) => h.q !== asked.q)].slice(0, HISTORY_SIZE);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* private mode: the history lasts for this page */
  }
  return next;
}
