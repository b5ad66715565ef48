/** A piece of the question: plain, or a part that was not understood. */
export interface Segment {
  text: string;
  marked: boolean;
}

function normal(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

/**
 * `q` cut into segments with the not-understood `fragments` marked. Fragments come normalised (lower
 * case, ё as е) so they are found that way; one not found whole is looked for word by word.
 */
export function highlight(q: string, fragments: string[]): Segment[] {
  const hay = normal(q);
  const marks: [number, number][] = [];
  const find = (needle: string): boolean => {
    const n = normal(needle.trim());
    if (!n) return false;
    let found = false;
    for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + n.length)) {
      marks.push([at, at + n.length]);
      found = true;
    }
    return found;
  };
  for (const f of fragments) {
    if (!find(f)) f.split(/[\s,]+/).forEach(find);
  }
  marks.sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let pos = 0;
  for (const [from, to] of marks) {
    if (to <= pos) continue;
    const start = Math.max(from, pos);
    if (start > pos) out.push({ text: q.slice(pos, start), marked: false });
    out.push({ text: q.slice(start, to), marked: true });
    pos = to;
  }
  if (pos < q.length) out.push({ text: q.slice(pos), marked: false });
  return out;
}
