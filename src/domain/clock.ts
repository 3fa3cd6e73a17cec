/** The only source of "now" in the domain; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

export function fixedClock(at: Date | string): Clock {
  const time = new Date(at).getTime();
  return { now: () => new Date(time) };
}
