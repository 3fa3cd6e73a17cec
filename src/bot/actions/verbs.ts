/** Every card button carries one of these as `data.verb`; templates bind them, never spell them. */
export const Verb = {
  ShowHelp: 'hjelp.vis',
} as const;
export type Verb = (typeof Verb)[keyof typeof Verb];
