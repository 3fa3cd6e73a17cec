import type { Data, Meeting } from './schema.js';

/** The next planned meeting that has not yet ended. */
export function nextMeeting(data: Readonly<Data>, now: Date): Meeting | undefined {
  return data.meetings
    .filter((m) => m.status === 'planlagt' && new Date(m.end) > now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
}
