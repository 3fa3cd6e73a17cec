/**
 * Every failure the domain expects carries a code. The bot layer turns a known code into a
 * Norwegian sentence; anything without a code is a bug and is logged with the activity id.
 */
export const ErrorCode = {
  Forbidden: 'forbidden',
  TenantNotAllowed: 'tenant-not-allowed',
  TextTooLong: 'text-too-long',
  InvalidInput: 'invalid-input',
  UnknownVerb: 'unknown-verb',
  NotInChannel: 'not-in-channel',
  StoreWriteFailed: 'store-write-failed',
  /** A meeting, agenda item or proposal id that does not exist (or no longer does). */
  NotFound: 'not-found',
  /** The card was made for an earlier version of the meeting (moved, or changed by someone else). */
  Stale: 'stale',
  /** The meeting is cancelled, held or has started: answers and edits are closed. */
  MeetingClosed: 'meeting-closed',
  DateInPast: 'date-in-past',
  EndBeforeStart: 'end-before-start',
  MeetingClash: 'meeting-clash',
  EmptyTitle: 'empty-title',
  InvalidDate: 'invalid-date',
  InvalidUrl: 'invalid-url',
  AlreadyDecided: 'already-decided',
  /** A due date the bot cannot read ("15. mars", "innen neste møte" and "i 2027" it can). */
  InvalidDue: 'invalid-due',
  DueInPast: 'due-in-past',
  /** A date written right but which the calendar lacks: "31.04.2027", "29. februar" in 2027. */
  NoSuchDay: 'no-such-day',
  /** "Innen neste møte" when no meeting is planned. */
  NoMeetingPlanned: 'no-meeting-planned',
  /** The follow-up point was closed (done or cancelled), by this card's user or someone else. */
  AlreadyClosed: 'already-closed',
  /** Only the point's owner and the secretariat may change it. */
  NotOwner: 'not-owner',
  /** A point whose responsible party is a named member needs that member as owner. */
  OwnerNeeded: 'owner-needed',
  /** A meeting already has a SaLTo reporting round. */
  RoundExists: 'round-exists',
  DeadlineAfterMeeting: 'deadline-after-meeting',
  /** A coordinator acting for a unit they do not report for. */
  NotYourUnit: 'not-your-unit',
  /** Another coordinator of the unit has a draft going; drafts are their author's alone. */
  ColleaguesDraft: 'colleagues-draft',
  /** The round's deadline has passed and the secretary has not unlocked this unit. */
  RoundLocked: 'round-locked',
  AnswersMissing: 'answers-missing',
  /** Another reporting unit or focus area already has that name. */
  NameTaken: 'name-taken',
  InvalidEmail: 'invalid-email',
  /** A programme period that is not a year or a span of years ("2026–2029"). */
  InvalidPeriod: 'invalid-period',
  /** A new period must come after the current one. */
  OlderPeriod: 'older-period',
  /** A focus area a reporting round asks about cannot be removed. */
  AreaInUse: 'area-in-use',
  /** The change would leave no one in the secretariat, and so no one to manage the bot. */
  LastSecretariat: 'last-secretariat',
  /** Minutes are written once a meeting has begun, and a cancelled meeting has none. */
  MinutesTooEarly: 'minutes-too-early',
  /** No one takes away their own secretariat role: another member of it must, so it is meant. */
  OwnSecretariat: 'own-secretariat',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
