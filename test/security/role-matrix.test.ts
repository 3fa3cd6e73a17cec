import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/bot/actions/index.js';
import { COMMANDS } from '../../src/bot/commands/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { mayUse, ROLES } from '../../src/domain/roles.js';
import type { Member, Role } from '../../src/domain/schema.js';
import { cardText, demoData, fakeTurn, harness, withChats } from '../helpers/builders.js';

/** One member holding exactly each role, and someone who is not a member at all. */
const people: { label: string; member: Member | undefined }[] = [
  ...ROLES.map((role: Role) => ({ label: role, member: { id: `rolle-${role}`, name: `Rolle ${role}`, roles: [role], unitIds: role === 'salto-koordinator' ? ['bydel-grorud'] : [] } })),
  { label: 'ikke medlem', member: undefined },
];

function setup(member: Member | undefined) {
  const data = withChats(demoData());
  if (member) data.members.push(member);
  return harness(data);
}
const refused = (texts: string[]) => texts.some((t) => t.startsWith('Beklager, dette kan bare'));
/** A refusal leaves the store as it was: the same state, no save, no send woken. */
function expectUntouched({ store, kicks }: ReturnType<typeof setup>, before: unknown) {
  expect(store.read()).toBe(before);
  expect(store.writes()).toBe(0);
  expect(kicks()).toBe(0);
}
const everything = (turn: ReturnType<typeof fakeTurn>) => [...turn.texts(), ...turn.replies.filter((r) => typeof r !== 'string').map((r) => cardText(r)), ...turn.responses.map((c) => cardText(c))];

describe('the role matrix, generated from the command table', () => {
  for (const command of COMMANDS) {
    for (const { label, member } of people) {
      const allowed = mayUse(member, command.role);
      it(`/${command.name} by ${label}: ${allowed ? 'runs' : 'refused, nothing changed'}`, async () => {
        const world = setup(member);
        const { deps, store } = world;
        const before = store.read();
        const turn = fakeTurn({ text: `/${command.name}`, member });
        await handleText(turn, deps);
        expect(turn.replies.length + turn.responses.length).toBeGreaterThan(0);
        expect(refused(turn.texts())).toBe(!allowed);
        if (!allowed) {
          expectUntouched(world, before);
          expect(everything(turn)).toHaveLength(1);
        }
      });
    }
  }
});

describe('the role matrix, generated from the card actions', () => {
  for (const action of ACTIONS) {
    for (const { label, member } of people) {
      const allowed = mayUse(member, action.role);
      it(`${action.verb} by ${label}: ${allowed ? 'handled' : 'refused, nothing changed'}`, async () => {
        const world = setup(member);
        const { deps, store } = world;
        const before = store.read();
        // Real ids, so an allowed role gets past validation where the verb needs nothing more.
        const turn = fakeTurn({ data: { verb: action.verb, meetingId: 'mote-2026-12', followUpId: 'op-2024-03', roundId: 'runde-mote-2026-12', unitId: 'bydel-grorud', revision: 0 }, member });
        await handleAction(turn, deps);
        expect(turn.replies.length + turn.responses.length).toBeGreaterThan(0);
        expect(refused(turn.texts())).toBe(!allowed);
        if (!allowed) expectUntouched(world, before);
      });
    }
  }
});
