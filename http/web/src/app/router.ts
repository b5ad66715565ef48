import { useEffect, useState } from 'preact/hooks';

/** The dashboard's views; each has a URL of its own (the node serves the page for all of them). */
export type RouteName =
  | 'overview'
  | 'furnace'
  | 'explanations'
  | 'twin'
  | 'incidents'
  | 'incident'
  | 'inspection'
  | 'models'
  | 'ingest'
  | 'audit'
  | 'ask'
  | 'not-found';

export interface RouteMatch {
  name: RouteName;
  params: Record<string, string>;
}

const ROUTES: [RouteName, RegExp, string[]][] = [
  ['overview', /^\/$/, []],
  ['furnace', /^\/furnaces\/([^/]+)$/, ['furnace']],
  ['explanations', /^\/furnaces\/([^/]+)\/explanations$/, ['furnace']],
  ['twin', /^\/twin\/([^/]+)$/, ['furnace']],
  ['incidents', /^\/incidents$/, []],
  ['incident', /^\/incidents\/([^/]+)$/, ['id']],
  ['inspection', /^\/inspection$/, []],
  ['models', /^\/models$/, []],
  ['ingest', /^\/ingest$/, []],
  ['audit', /^\/audit$/, []],
  ['ask', /^\/ask$/, []],
];

/** The view `path` shows, with its parameters decoded. */
export function match(path: string): RouteMatch {
  const clean = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  for (const [name, re, keys] of ROUTES) {
    const m = re.exec(clean);
    if (m) {
      const params: Record<string, string> = {};
      keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1]);
      });
      return { name, params };
    }
  }
  return { name: 'not-found', params: {} };
}

const listeners = new Set<() => void>();

export function navigate(href: string): void {
  if (href === location.pathname + location.search) return;
  history.pushState(null, '', href);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

addEventListener('popstate', () => listeners.forEach((l) => l()));

/** The current view; re-renders on navigation. */
export function useRoute(): RouteMatch {
  const [m, set] = useState(match(location.pathname));
  useEffect(() => {
    const l = () => set(match(location.pathname));
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return m;
}

/** A click on an in-app link navigates without reloading the page (modified clicks still open tabs). */
export function onLinkClick(e: MouseEvent): void {
  const a = (e.target as HTMLElement | null)?.closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('/api/') || a.target === '_blank' || a.hasAttribute('download')) return;
  e.preventDefault();
  navigate(href);
}
