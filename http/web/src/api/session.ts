/**
 * The sign-in: a bearer token (JWT) kept in this browser's local storage. Opening the dashboard
 * at `/#token=<jwt>` signs in — the fragment never reaches the server — and is then removed from
 * the address bar and history.
 */
const STORAGE_KEY = 'vitrum.token';

export interface Claims {
  sub: string;
  roles: string[];
  furnaces: string[];
  exp: number;
}

let token: string | null = null;
const listeners = new Set<() => void>();

/** The token in a URL fragment such as `#token=eyJ...`, if any. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const t = params.get('token');
  return t && t.split('.').length === 3 ? t : null;
}

/** The claims of a JWT, read (not verified: the server verifies); null if it is not one. */
export function decodeClaims(jwt: string): Claims | null {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const c = JSON.parse(json) as Partial<Claims> & { roles?: unknown; furnaces?: unknown };
    return {
      sub: typeof c.sub === 'string' ? c.sub : '?',
      roles: Array.isArray(c.roles) ? (c.roles as string[]) : [],
      furnaces: Array.isArray(c.furnaces) ? (c.furnaces as string[]) : [],
      exp: typeof c.exp === 'number' ? c.exp : 0,
    };
  } catch {
    return null;
  }
}

/** Takes a token from the fragment (and removes it from the URL) or from storage. */
export function startSession(): void {
  const fromFragment = tokenFromFragment(location.hash);
  if (fromFragment) {
    signIn(fromFragment);
    history.replaceState(history.state, '', location.pathname + location.search);
    return;
  }
  try {
    token = localStorage.getItem(STORAGE_KEY);
  } catch {
    token = null;
  }
  if (token && expired(token)) signOut();
}

function expired(jwt: string, nowSeconds = Date.now() / 1000): boolean {
  const c = decodeClaims(jwt);
  return !c || (c.exp > 0 && c.exp < nowSeconds);
}

export function signIn(jwt: string): void {
  token = jwt.trim();
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    /* kept for this page only */
  }
  listeners.forEach((l) => l());
}

export function signOut(): void {
  token = null;
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing stored */
  }
  listeners.forEach((l) => l());
}

export function currentToken(): string | null {
  return token;
}

export function claims(): Claims | null {
  return token ? decodeClaims(token) : null;
}

/** Whether the signed-in token has `role` (admin has every role). */
export function hasRole(role: string): boolean {
  const c = claims();
  return !!c && (c.roles.includes(role) || c.roles.includes('admin'));
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
