/** `n` rem in CSS pixels, so that charts (sized in pixels) scale with the root font on a large screen. */
export function remPx(n: number): number {
  const root = typeof document === 'undefined' ? NaN : parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Math.round(n * (Number.isFinite(root) && root > 0 ? root : 16));
}
