import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Data } from '../../src/domain/schema.js';
import { demoData } from './builders.js';
import { TENANT, USERS } from './activities.js';

export interface CouncilFile {
  dir: string;
  dataFile: string;
  data: Data;
}

/**
 * A data file for a bot process: the demo council plus `extraMembers` members, every member in
 * a personal chat with the bot through `serviceUrl`, and, when `meetingInDays` is given, an
 * extraordinary meeting that many days from now (real time), so its agenda is due at once.
 */
export async function councilFile(serviceUrl: string, options: { extraMembers?: number; meetingInDays?: number } = {}): Promise<CouncilFile> {
  const data = demoData();
  for (let i = 0; i < (options.extraMembers ?? 0); i++) {
    data.members.push({ id: `ekstra-${i}`, name: `Ekstra Medlem ${i}`, roles: ['medlem'], unitIds: [], aadObjectId: `aad-ekstra-${i}` });
  }
  const userIds: Record<string, string> = { 'kari-nordmann': USERS.secretary.id, 'ola-hansen': USERS.member.id, 'aisha-rahman': USERS.coordinator.id };
  data.conversations = data.members.map((member) => {
    const userId = userIds[member.id] ?? `29:${member.id}`;
    const id = `a:personal-${userId}`;
    return {
      id,
      kind: 'personal' as const,
      tenantId: TENANT,
      memberId: member.id,
      reference: { channelId: 'msteams', serviceUrl, bot: { id: '28:politiradsboten' }, user: { id: userId }, conversation: { id, conversationType: 'personal', tenantId: TENANT } },
      installed: true,
      firstSeenAt: '2026-01-05T09:00:00.000Z',
      lastSeenAt: '2026-01-05T09:00:00.000Z',
    };
  });
  if (options.meetingInDays !== undefined) {
    const start = new Date(Date.now() + options.meetingInDays * 24 * 3600 * 1000);
    start.setUTCSeconds(0, 0);
    data.meetings.push({ id: 'mote-ekstra', kind: 'ekstraordinært', start: start.toISOString(), end: new Date(start.getTime() + 3600 * 1000).toISOString(), status: 'planlagt', agenda: [], attendance: [], proposals: [], revision: 0 });
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'politirad-fault-'));
  const dataFile = path.join(dir, 'data', 'politirad.json');
  await mkdir(path.dirname(dataFile), { recursive: true });
  await writeFile(dataFile, JSON.stringify(data, null, 2));
  return { dir, dataFile, data };
}
