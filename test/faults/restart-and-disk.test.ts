import { chmod, chown, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSaved } from '../../src/store/file-store.js';
import { message, USERS } from '../helpers/activities.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub.js';
import { councilFile } from '../helpers/council-file.js';

let stub: ConnectorStub;
const processes: BotProcess[] = [];
beforeAll(async () => {
  stub = await startConnectorStub();
});
afterAll(async () => {
  await stub.close();
});
afterEach(async () => {
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  stub.reset();
});

const start = (env: Record<string, string>, user: { uid?: number; gid?: number } = {}) => {
  const bot = spawnBot({ SCHEDULER_INTERVAL_MS: '3600000', ...env }, undefined, user);
  processes.push(bot);
  return bot;
};
const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const isAgenda = (body: { attachments?: { content: unknown }[] }) => JSON.stringify(body.attachments?.[0]?.content ?? '').includes('Ekstraordinært møte');

describe('a restart in the middle of sending an agenda', () => {
  it('gets the agenda to every member exactly once', async () => {
    const { dataFile, data } = await councilFile(stub.url, { extraMembers: 40, meetingInDays: 2 });
    const recipients = data.conversations.filter((c) => {
      const member = data.members.find((m) => m.id === c.memberId);
      return member && !member.roles.every((r) => r === 'salto-koordinator' || r === 'admin');
    });
    // Slow answers, so the restart finds sends in flight and many still waiting.
    stub.delayMs = 150;
    const first = start({ DATA_FILE: dataFile });
    await first.ready;
    await until(() => stub.sent.filter((r) => isAgenda(r.body)).length >= 10, 20_000);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const before = stub.sent.filter((r) => isAgenda(r.body)).length;
    expect(before).toBeLessThan(recipients.length);

    stub.delayMs = 0;
    const second = start({ DATA_FILE: dataFile });
    await second.ready;
    await until(() => stub.sent.filter((r) => isAgenda(r.body)).length >= recipients.length, 20_000);
    // Give any duplicate time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const perChat = new Map<string, number>();
    for (const r of stub.sent.filter((s) => isAgenda(s.body))) perChat.set(r.conversationId, (perChat.get(r.conversationId) ?? 0) + 1);
    expect([...perChat.keys()].sort()).toEqual(recipients.map((c) => c.id).sort());
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    second.child.kill('SIGTERM');
    await second.exited;
    const saved = await readSaved(dataFile);
    expect(saved.deliveries.filter((d) => d.kind === 'agenda' && d.meetingId === 'mote-ekstra').map((d) => d.status)).toEqual(recipients.map(() => 'sent'));
  }, 60_000);
});

describe('a data directory that becomes read-only', () => {
  it('tells the user the change could not be saved, keeps serving reads, and damages nothing', async () => {
    const { dir, dataFile } = await councilFile(stub.url);
    const dataDir = path.dirname(dataFile);
    // Root ignores file modes, so as root the bot runs as nobody, for whom they hold.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (asNobody.uid !== undefined) {
      await chmod(dir, 0o755);
      await chown(dataDir, asNobody.uid, asNobody.gid);
      await chown(dataFile, asNobody.uid, asNobody.gid);
    }
    const personal = { serviceUrl: stub.url };
    const bot = start({ DATA_FILE: dataFile }, asNobody);
    const url = `http://127.0.0.1:${await bot.ready}/api/messages`;
    const post = (text: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(USERS.member, text, personal)) });
    expect((await post('/foreslå Trygge skoleveier')).status).toBe(200);
    // The proposal tells the secretariat through the outbox: let those sends finish and be
    // recorded, or the restart below would send them and the file would differ for that alone.
    await expect.poll(async () => (await readSaved(dataFile)).deliveries.filter((d) => d.status === 'pending').length, { timeout: 15_000 }).toBe(0);
    const savedBefore = await readSaved(dataFile);
    const files = async () => Object.fromEntries(await Promise.all((await readdir(dataDir)).filter((f) => !f.endsWith('.lock')).map(async (f) => [f, await readFile(path.join(dataDir, f), 'utf8')])));
    const bytesBefore = await files();

    for (const f of await readdir(dataDir)) await chmod(path.join(dataDir, f), 0o444);
    await chmod(dataDir, 0o555);
    stub.sent.length = 0;
    expect((await post('/foreslå Belysning i parken')).status).toBe(200);
    expect(stub.sent.at(-1)?.body.text).toBe('Beklager, endringen kunne ikke lagres. Ingenting er endret; prøv igjen om litt.');
    expect((await post('/neste')).status).toBe(200);
    expect(JSON.stringify(stub.sent.at(-1)?.body)).toContain('10. desember 2026');
    expect((await post('/foreslå Belysning i parken')).status).toBe(200);
    expect(stub.sent.at(-1)?.body.text).toContain('kunne ikke lagres');

    bot.child.kill('SIGTERM');
    await bot.exited;
    expect(await files()).toEqual(bytesBefore);
    await chmod(dataDir, 0o755);
    for (const f of await readdir(dataDir)) await chmod(path.join(dataDir, f), 0o644);
    const again = start({ DATA_FILE: dataFile }, asNobody);
    await again.ready;
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    const after = await readSaved(dataFile);
    expect(after).toEqual(savedBefore);
    expect(after.meetings.flatMap((m) => m.proposals.map((p) => p.title))).toEqual(['Trygge skoleveier']);
  }, 60_000);
});
