/** An answer's evidence as an in-app link. */
export interface AppLink {
  href: string;
  incident: string;
  causes: boolean;
}

const INCIDENT = /^\/api\/incidents\/([^/?#]+)(\/root-causes)?$/;

/**
 * The dashboard pages for an answer's API links (`/api/incidents/X` and `/api/incidents/X/root-causes`
 * both open `/incidents/X`), one per incident in first-seen order; other paths are dropped.
 */
export function appLinks(links: string[] | undefined): AppLink[] {
  const out = new Map<string, AppLink>();
  for (const l of links ?? []) {
    const m = INCIDENT.exec(l);
    if (!m) continue;
    const id = decodeURIComponent(m[1]);
    const seen = out.get(id);
    if (seen) seen.causes ||= !!m[2];
    else out.set(id, { href: `/incidents/${encodeURIComponent(id)}`, incident: id, causes: !!m[2] });
  }
  return [...out.values()];
}
