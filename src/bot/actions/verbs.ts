/** Every card button carries one of these as `data.verb`; templates bind them, never spell them. */
export const Verb = {
  ShowHelp: 'hjelp.vis',
  /** The agenda card's refresh: each member sees their own answer. */
  AgendaView: 'dagsorden.vis',
  Attend: 'oppmøte.kommer',
  Apologies: 'oppmøte.forfall',
  Propose: 'sak.foreslå',
  EditorShow: 'dagsorden.rediger',
  ItemForm: 'sak.skjema',
  ItemSave: 'sak.lagre',
  ItemMove: 'sak.flytt',
  ItemRemove: 'sak.fjern',
  ProposalAccept: 'forslag.godta',
  ProposalDecline: 'forslag.avslå',
  MeetingForm: 'møte.skjema',
  MeetingSave: 'møte.lagre',
  MeetingCancel: 'møte.avlys',
  YearPlanShow: 'årsplan.vis',
  YearPlanConfirm: 'årsplan.bekreft',
  AttendanceShow: 'oppmøte.oversikt',
  AttendanceRemind: 'oppmøte.påminn',
} as const;
export type Verb = (typeof Verb)[keyof typeof Verb];
