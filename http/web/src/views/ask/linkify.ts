/** A piece of an answer: text, or an incident id to link. */
export interface Piece {
  text: string;
  incident: string | null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` cut so that each mention of one of `incidents` can be drawn as a link to it. */
export function linkify(text: string, incidents: string[]): Piece[] {
  if (incidents.length === 0) return [{ text, incident: null }];
  const ids = [...incidents].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(${ids.join('|')})`, 'g');
  const known = new Set(incidents);
  return text
    .split(re)
    .filter((s) => s !== '')
    .map((s) => ({ text: s, incident: known.has(s) ? s : null }));
}
