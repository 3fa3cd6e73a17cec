import { DomainError, ErrorCode } from './errors.js';
import { openMeeting } from './meetings.js';
import type { Attendance, Data, Meeting, Member, Role } from './schema.js';

/** Who is expected at a meeting and asked to answer; the secretariat serves it. */
export const ATTENDEE_ROLES: readonly Role[] = ['leder', 'nestleder', 'medlem', 'observator'];

export function isAttendee(member: Member): boolean {
  return member.roles.some((role) => ATTENDEE_ROLES.includes(role));
}

export interface AttendanceAnswer {
  answer: Attendance['answer'];
  substitute?: string | undefined;
  reason?: string | undefined;
}

/**
 * Records a member's answer, replacing an earlier one, until the meeting starts. `cardStart` is
 * the start the card showed: an answer from a card made before the meeting moved is refused.
 */
export function answerAttendance(data: Data, meetingId: string, memberId: string, answer: AttendanceAnswer, cardStart: string | undefined, now: Date): Attendance {
  const meeting = openMeeting(data, meetingId, now);
  if (cardStart !== undefined && Date.parse(cardStart) !== Date.parse(meeting.start)) {
    throw new DomainError(ErrorCode.Stale, `card shows start ${cardStart}, meeting starts ${meeting.start}`);
  }
  const substitute = answer.answer === 'forfall' ? answer.substitute?.trim() : undefined;
  const reason = answer.answer === 'forfall' ? answer.reason?.trim() : undefined;
  const record: Attendance = {
    memberId,
    answer: answer.answer,
    at: now.toISOString(),
    ...(substitute ? { substitute } : {}),
    ...(reason ? { reason } : {}),
  };
  meeting.attendance = [...meeting.attendance.filter((a) => a.memberId !== memberId), record];
  return record;
}

/** The answers that hold: those given since the meeting last moved to another day. */
function currentAnswers(meeting: Meeting): Attendance[] {
  const from = meeting.answersFrom;
  return from === undefined ? meeting.attendance : meeting.attendance.filter((a) => Date.parse(a.at) >= Date.parse(from));
}

export function attendanceOf(meeting: Meeting, memberId: string | undefined): Attendance | undefined {
  return memberId === undefined ? undefined : currentAnswers(meeting).find((a) => a.memberId === memberId);
}

/** A member's answer from before the meeting moved to another day, not given again since: kept, shown, not counted. */
export function earlierAnswer(meeting: Meeting, memberId: string | undefined): Attendance | undefined {
  const answer = memberId === undefined ? undefined : meeting.attendance.find((a) => a.memberId === memberId);
  return answer && answer !== attendanceOf(meeting, memberId) ? answer : undefined;
}

export interface AttendanceOverview {
  coming: Member[];
  apologies: { member: Member; substitute: string | undefined; reason: string | undefined }[];
  unanswered: Member[];
}

/** Everyone expected, sorted by name, split by their answer; answers from non-attendees count too. */
export function attendanceOverview(data: Readonly<Data>, meeting: Meeting): AttendanceOverview {
  const byName = (a: Member, b: Member) => a.name.localeCompare(b.name, 'nb');
  const answered = new Map(currentAnswers(meeting).map((a) => [a.memberId, a]));
  const people = data.members.filter((m) => isAttendee(m) || answered.has(m.id)).sort(byName);
  const overview: AttendanceOverview = { coming: [], apologies: [], unanswered: [] };
  for (const member of people) {
    const answer = answered.get(member.id);
    if (!answer) overview.unanswered.push(member);
    else if (answer.answer === 'kommer') overview.coming.push(member);
    else overview.apologies.push({ member, substitute: answer.substitute, reason: answer.reason });
  }
  return overview;
}
