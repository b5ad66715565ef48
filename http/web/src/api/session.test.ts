import { describe, expect, it } from 'vitest';
import { decodeClaims, tokenFromFragment } from './session';

function jwt(payload: object): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64({ alg: 'HS256' })}.${b64(payload)}.sig`;
}

describe('session', () => {
  it('reads a token from the URL fragment only when it is a JWT', () => {
    const t = jwt({ sub: 'dev-admin' });
    expect(tokenFromFragment(`#token=${t}`)).toBe(t);
    expect(tokenFromFragment('#token=not-a-jwt')).toBeNull();
    expect(tokenFromFragment('#other=1')).toBeNull();
  });

  it('decodes the claims the dashboard shows', () => {
    const c = decodeClaims(jwt({ sub: 'anna', roles: ['operator'], furnaces: ['F1'], exp: 2000000000 }));
    expect(c).toEqual({ sub: 'anna', roles: ['operator'], furnaces: ['F1'], exp: 2000000000 });
    expect(decodeClaims('x.%%%.y')).toBeNull();
  });
});
