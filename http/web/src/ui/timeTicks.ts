export type TickFormats = Record<'seconds' | 'minutes' | 'dayTime' | 'days', Intl.DateTimeFormat>;

/** How a time tick reads: with seconds when ticks are under a minute apart, with the date once the chart spans days. */
export function tickKind(incrSeconds: number, spanSeconds: number): keyof TickFormats {
  if (incrSeconds >= 86_400) return 'days';
  if (spanSeconds > 86_400) return 'dayTime';
  return incrSeconds < 60 ? 'seconds' : 'minutes';
}
