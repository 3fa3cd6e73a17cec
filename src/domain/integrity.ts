import type { Data } from './schema.js';

/** Checks what a schema cannot: unique ids and references that point somewhere. */
export function integrityProblems(data: Omit<Data, 'schemaVersion' | 'conversations' | 'settings' | 'deliveries' | 'formSessions'>): string[] {
  const problems: string[] = [];
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what}: id "${id}" is used twice`);
      seen.add(id);
    }
    return seen;
  };
  const members = unique('members', data.members.map((m) => m.id));
  const focusAreas = unique('focusAreas', data.focusAreas.map((f) => f.id));
  const units = unique('reportingUnits', data.reportingUnits.map((u) => u.id));
  unique('saltoFocusAreas', data.saltoFocusAreas.map((f) => f.id));
  unique('followUps', data.followUps.map((f) => f.id));
  unique('meetings', data.meetings.map((m) => m.id));

  for (const member of data.members) {
    for (const unitId of member.unitIds) {
      if (!units.has(unitId)) problems.push(`members.${member.id}: unknown reporting unit "${unitId}"`);
    }
    if (member.roles.includes('salto-koordinator') && member.unitIds.length === 0) {
      problems.push(`members.${member.id}: a SaLTo coordinator needs at least one unit`);
    }
  }
  for (const point of data.followUps) {
    if (!focusAreas.has(point.focusAreaId)) problems.push(`followUps.${point.id}: unknown focus area "${point.focusAreaId}"`);
    if (point.ownerMemberId && !members.has(point.ownerMemberId)) {
      problems.push(`followUps.${point.id}: unknown owner "${point.ownerMemberId}"`);
    }
  }
  const meetings = new Set(data.meetings.map((m) => m.id));
  for (const point of data.followUps) {
    if (point.responsible === 'medlem' && !point.ownerMemberId) problems.push(`followUps.${point.id}: a named responsible member needs ownerMemberId`);
    if (point.dueMeetingId && !meetings.has(point.dueMeetingId)) problems.push(`followUps.${point.id}: unknown meeting "${point.dueMeetingId}"`);
    if (point.source && !meetings.has(point.source.meetingId)) problems.push(`followUps.${point.id}: unknown source meeting "${point.source.meetingId}"`);
  }
  for (const meeting of data.meetings) {
    if (new Date(meeting.end) <= new Date(meeting.start)) problems.push(`meetings.${meeting.id}: ends before it starts`);
    unique(`meetings.${meeting.id}.agenda`, meeting.agenda.map((item) => item.id));
  }
  return problems;
}
