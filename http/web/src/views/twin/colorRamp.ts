/**
 * The temperature colour ramp of the 3D furnace: stops spaced evenly on the legend but not in °C, so
 * that the lehr (100–580 °C), the forehearth (1050–1250 °C) and the melter (1300–1620 °C) each get
 * a readable share of the colours.
 */
export const RAMP: readonly { c: number; rgb: readonly [number, number, number] }[] = [
  { c: 50, rgb: [0.16, 0.23, 0.55] },
  { c: 300, rgb: [0.13, 0.5, 0.75] },
  { c: 550, rgb: [0.15, 0.7, 0.6] },
  { c: 900, rgb: [0.5, 0.78, 0.3] },
  { c: 1100, rgb: [0.93, 0.85, 0.25] },
  { c: 1250, rgb: [0.98, 0.62, 0.15] },
  { c: 1400, rgb: [0.93, 0.33, 0.12] },
  { c: 1520, rgb: [0.85, 0.12, 0.12] },
  { c: 1620, rgb: [1, 0.88, 0.8] },
];

/** Where `celsius` lies on the legend, 0..1 (clamped). */
export function rampPosition(celsius: number): number {
  const last = RAMP.length - 1;
  if (!(celsius > RAMP[0].c)) return 0;
  if (celsius >= RAMP[last].c) return 1;
  let i = 0;
  while (celsius > RAMP[i + 1].c) i++;
  const f = (celsius - RAMP[i].c) / (RAMP[i + 1].c - RAMP[i].c);
  return (i + f) / last;
}

/** The colour of `celsius` as linear 0..1 RGB. */
export function rampColor(celsius: number): [number, number, number] {
  const last = RAMP.length - 1;
  const p = rampPosition(celsius) * last;
  const i = Math.min(last - 1, Math.floor(p));
  const f = p - i;
  const a = RAMP[i].rgb;
  const b = RAMP[i + 1].rgb;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** The legend's CSS gradient, left (cold) to right (hot). */
export function rampGradient(): string {
  const last = RAMP.length - 1;
  const stops = RAMP.map((s, i) => `rgb(${s.rgb.map((v) => Math.round(v * 255)).join(',')}) ${((i / last) * 100).toFixed(1)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
