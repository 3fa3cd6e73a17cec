import { TeamsInfo, type TurnContext } from 'botbuilder';
import { findMember, findMemberByAadId, linkIdentity } from '../domain/members.js';
import type { Member } from '../domain/schema.js';
import type { BotDeps } from './turn.js';

/**
 * How long an unmatched user is not looked up again; a lookup is one call to Teams. Any change
 * to the members (someone added under /medlemmer) forgets the misses at once.
 */
const MISS_TTL_MS = 10 * 60 * 1000;

/**
 * Finds the council member behind an activity. Members seeded by email or UPN are matched on
 * first contact through Teams' member lookup, and their object id is saved so later turns match
 * at once.
 */
export class IdentityResolver {
  private readonly misses = new Map<string, number>();
  /** The members the misses were found against; the frozen state gives a new array on any change. */
  private missesAgainst: readonly Member[] | undefined;

  constructor(private readonly deps: BotDeps) {}

  async resolve(context: TurnContext): Promise<Member | undefined> {
    const from = context.activity.from;
    const data = this.deps.store.read();
    const known = findMemberByAadId(data, from.aadObjectId);
    if (known) return known;
    const key = from.aadObjectId ?? from.id;
    const now = this.deps.clock.now().getTime();
    const { members } = data;
    if (members !== this.missesAgainst) {
      this.misses.clear();
      this.missesAgainst = members;
    }
    if ((this.misses.get(key) ?? 0) > now) return undefined;

    let email: string | undefined;
    let upn: string | undefined;
    try {
      const account = await TeamsInfo.getMember(context, from.id);
      email = account.email;
      upn = account.userPrincipalName;
    } catch (error) {
      this.deps.logger.debug({ err: error, activityId: context.activity.id }, 'member lookup failed');
    }
    const who = { aadObjectId: from.aadObjectId, email, upn };
    const match = findMember(this.deps.store.read(), who);
    if (!match) {
      this.misses.set(key, now + MISS_TTL_MS);
      return undefined;
    }
    if (from.aadObjectId && match.aadObjectId === undefined) {
      const linked = await this.deps.store.update((data) => linkIdentity(data, who));
      this.deps.logger.info({ memberId: match.id }, 'linked member to Entra object id');
      return linked;
    }
    return match;
  }
}
