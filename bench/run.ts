/**
 * `npm run bench`: the three benchmarks of the README, each against a baseline measured in the
 * same run on the same machine. It prints a Markdown report (also written to bench/latest.md)
 * and exits 1 when a target is not met.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { fixedClock } from '../src/domain/clock.js';
import { answerReport, openRound, startReport } from '../src/domain/salto-rounds.js';
import type { Data } from '../src/domain/schema.js';
import { connectorTransport } from '../src/bot/connector-transport.js';
import { startBot } from '../src/index.js';
import { SendFailure, type Transport } from '../src/notify/notifier.js';
import { TENANT_LIMITS, type Limit } from '../src/notify/rate-limiter.js';
import { createLogger } from '../src/logger.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { writeDurably } from '../src/store/durable-json-file.js';
import { openFileStore } from '../src/store/file-store.js';
import { message, USERS, type User } from '../test/helpers/activities.js';
import { bundle } from '../scripts/bundle.mjs';
import { spawnBot, type BotProcess } from '../test/helpers/bot-process.js';
import { startConnectorStub, type ConnectorStub } from '../test/helpers/connector-stub.js';
import { minimumSeconds, ON_THE_WIRE_MS, startLimitedConnector, TENANT_LIMIT } from './limited-connector.js';
import { median, percentile, spread, table, type Verdict } from './stats.js';
import { closedLoop, summary } from './turns.js';
import { tenYearsOfData } from './ten-years.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CLIENTS = 4;
/** The slow line's answer time in the fan-out: about a round trip to Teams' service. */
const SLOW_ANSWER_MS = 200;
const TZ = 'Europe/Oslo';
const verdicts: Verdict[] = [];
const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  process.stdout.write(`${line}\n`);
};
/** The paced baseline sends at the notifier's own tenant limit, evenly. */
const PACED_GAP_MS = (TENANT_LIMITS[0] as Limit).windowMs / (TENANT_LIMITS[0] as Limit).count;
const ECHO_BOT = 'dist/echo-bot.mjs';
const judge = (name: string, target: string, met: boolean) => verdicts.push({ name, target, met });

/** The ten-year file, with an upcoming meeting whose SaLTo round four coordinators are filling in. */
function turnData(serviceUrl: string, now: Date): { data: Data; coordinators: User[] } {
  const data = tenYearsOfData({ serviceUrl });
  const day = 24 * 3600 * 1000;
  const start = new Date(now.getTime() + 30 * day);
  start.setUTCHours(8, 0, 0, 0);
  data.meetings.push({ id: 'mote-maling', kind: 'ordinært', start: start.toISOString(), end: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(), status: 'planlagt', agenda: [], attendance: [], proposals: [], revision: 0 });
  const units = data.reportingUnits.slice(0, CLIENTS);
  const coordinators = units.map((unit, i): User => ({ id: `29:koordinator-${i}`, name: `Koordinator ${unit.name}`, aadObjectId: `aad-koordinator-${i}` }));
  units.forEach((unit, i) => data.members.push({ id: `koordinator-${i}`, name: `Koordinator ${unit.name}`, roles: ['salto-koordinator'], unitIds: [unit.id], aadObjectId: `aad-koordinator-${i}` }));
  const { round } = openRound(data, 'mote-maling', new Date(now.getTime() + 20 * day).toISOString().slice(0, 10), 'kari-nordmann', now, TZ);
  units.forEach((unit, i) => {
    const member = data.members.find((m) => m.id === `koordinator-${i}`);
    const report = startReport(data, round.id, unit.id, member, now, TZ);
    answerReport(data, report.id, member, { kind: 'answer', text: '1' }, undefined, now, TZ);
  });
  data.deliveries = data.deliveries.filter((d) => d.kind !== 'salto-invite');
  return { data, coordinators };
}

/** A turn benchmark: its clients, each with its own user, each sending `cycle` over and over. */
interface TurnScenario {
  name: string;
  users: User[];
  cycle: string[];
}

const clientsOf = (scenario: TurnScenario) =>
  scenario.users.map((user) => {
    let n = 0;
    return { user, texts: () => scenario.cycle[n++ % scenario.cycle.length] as string };
  });

/** What a reply keeps when it is replayed: the message, not the addresses of the recorded turn. */
const REPLY_FIELDS = ['type', 'text', 'textFormat', 'summary', 'attachmentLayout', 'attachments', 'suggestedActions', 'entities', 'inputHint', 'locale'];

/**
 * The bot's reply to each text of each scenario, recorded through the stub: one turn of the
 * scenario's first user for each text in its cycle, in order (as the load will send them).
 */
async function recordReplies(url: string, stub: ConnectorStub, scenarios: readonly TurnScenario[]) {
  const replies: Record<string, Record<string, unknown>[]> = {};
  const bytes = new Map<string, number>();
  stub.discard = false;
  for (const scenario of scenarios) {
    let size = 0;
    for (const text of scenario.cycle) {
      stub.reset();
      const activity = message(scenario.users[0] as User, text, { serviceUrl: stub.url });
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await res.arrayBuffer();
      const sent = stub.sent.filter((s) => s.replyToId === activity.id);
      if (res.status !== 200 || sent.length === 0) throw new Error(`no reply to ${text} (HTTP ${res.status})`);
      replies[text] = sent.map((s) => Object.fromEntries(REPLY_FIELDS.filter((f) => s.body[f] !== undefined).map((f) => [f, s.body[f]])));
      size += sent.reduce((sum, s) => sum + JSON.stringify(s.body).length, 0);
    }
    bytes.set(scenario.name, Math.round(size / scenario.cycle.length));
  }
  stub.reset();
  stub.discard = true;
  return { replies, bytes };
}

async function turnCost(workDir: string) {
  say('## 1. Turn cost');
  const stub = await startConnectorStub();
  stub.discard = true;
  const { data, coordinators } = turnData(stub.url, new Date());
  const dataFile = path.join(workDir, 'turns', 'politirad.json');
  await writeFile(path.join(workDir, 'ten-years.json'), JSON.stringify(data, null, 2));
  await mkdir(path.dirname(dataFile), { recursive: true });
  await copyFile(path.join(workDir, 'ten-years.json'), dataFile);
  const env = { DATA_FILE: dataFile, SCHEDULER_INTERVAL_MS: '3600000' };
  const bot = spawnBot(env);
  const echo = spawnBot({ DATA_FILE: path.join(workDir, 'echo-unused.json') }, ECHO_BOT);
  const [botPort, echoPort] = await Promise.all([bot.ready, echo.ready]);
  const scenarios: TurnScenario[] = [
    { name: '/status (secretary, 1,000 points)', users: Array.from({ length: CLIENTS }, () => USERS.secretary), cycle: ['/status'] },
    { name: '/neste (member)', users: Array.from({ length: CLIENTS }, () => USERS.member), cycle: ['/neste'] },
    { name: 'form step (an answer, then «tilbake»)', users: coordinators, cycle: ['Vi har hatt tre nabolagsmøter og økt tilstedeværelse på kveldstid.', 'tilbake'] },
  ];
  // The second baseline replays the bot's own replies, so it sends what the bot sends.
  const recorded = await recordReplies(`http://127.0.0.1:${botPort}`, stub, scenarios);
  const repliesFile = path.join(workDir, 'replies.json');
  await writeFile(repliesFile, JSON.stringify(recorded.replies));
  const replay = spawnBot({ DATA_FILE: path.join(workDir, 'echo-unused.json'), REPLIES_FILE: repliesFile }, ECHO_BOT);
  const replayPort = await replay.ready;
  const targets = { echo: `http://127.0.0.1:${echoPort}`, replay: `http://127.0.0.1:${replayPort}`, bot: `http://127.0.0.1:${botPort}` };
  const rows: string[][] = [];
  const replayRows: string[][] = [];
  for (const scenario of scenarios) {
    const runs = { echo: [] as ReturnType<typeof summary>[], replay: [] as ReturnType<typeof summary>[], bot: [] as ReturnType<typeof summary>[] };
    let failures = 0;
    // Each target keeps its own clients from run to run, so each user's texts keep their order
    // there (the form: an answer, then «tilbake», as in the recorded turns).
    const clients = { echo: clientsOf(scenario), replay: clientsOf(scenario), bot: clientsOf(scenario) };
    // Warm each up, then take turns so drift on the machine hits all alike.
    for (const [who, url] of Object.entries(targets) as [keyof typeof targets, string][]) await closedLoop(url, clients[who], stub.url, 200);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [who, url] of Object.entries(targets) as [keyof typeof targets, string][]) {
        const result = await closedLoop(url, clients[who], stub.url, REQUESTS);
        failures += result.failures;
        runs[who].push(summary(result));
      }
    }
    const ratio = (a: ReturnType<typeof summary>[], b: ReturnType<typeof summary>[], key: 'p50' | 'rps') => a.map((x, i) => x[key] / (b[i]?.[key] ?? Number.NaN));
    const p50Ratio = ratio(runs.bot, runs.echo, 'p50');
    const rpsRatio = ratio(runs.bot, runs.echo, 'rps');
    rows.push([
      scenario.name,
      spread(runs.echo.map((r) => r.p50)),
      spread(runs.bot.map((r) => r.p50)),
      spread(p50Ratio),
      spread(runs.echo.map((r) => r.p99)),
      spread(runs.bot.map((r) => r.p99)),
      spread(runs.echo.map((r) => r.rps), 0),
      spread(runs.bot.map((r) => r.rps), 0),
      `${(median(rpsRatio) * 100).toFixed(0)} %`,
      String(failures),
    ]);
    replayRows.push([
      scenario.name,
      (recorded.bytes.get(scenario.name) ?? 0).toLocaleString('en'),
      spread(runs.replay.map((r) => r.p50)),
      spread(runs.replay.map((r) => r.rps), 0),
      `${median(ratio(runs.replay, runs.echo, 'p50')).toFixed(2)} / ${(median(ratio(runs.replay, runs.echo, 'rps')) * 100).toFixed(0)} %`,
      `${median(ratio(runs.bot, runs.replay, 'p50')).toFixed(2)} / ${(median(ratio(runs.bot, runs.replay, 'rps')) * 100).toFixed(0)} %`,
    ]);
    judge(`${scenario.name}: p50`, '≤ 1.3 × echo', median(p50Ratio) <= 1.3);
    judge(`${scenario.name}: throughput`, '≥ 75 % of echo', median(rpsRatio) >= 0.75);
    judge(`${scenario.name}: errors`, '0', failures === 0);
  }
  say(`${CLIENTS} clients in a closed loop, ${REQUESTS} requests per run, ${ROUNDS} runs each taking turns (echo bot, replaying echo bot, bot), after 200 warm-up requests each. Milliseconds and requests per second; median (min–max) over the runs. Non-200 counts all three.`);
  say();
  say(table(['turn', 'echo p50', 'bot p50', 'p50 ratio', 'echo p99', 'bot p99', 'echo req/s', 'bot req/s', 'throughput', 'non-200'], rows));
  say();
  say("What sending the bot's message costs: the same echo bot, replaying the reply the bot gave to each text (recorded from the bot at the start of the benchmark), so it sends the same Adaptive Card over the same adapter and stub but does none of the bot's work. Ratios are p50 / throughput, median over the runs.");
  say();
  say(table(['turn', 'reply bytes', 'replaying echo p50', 'replaying echo req/s', 'replaying echo vs echo', 'bot vs replaying echo'], replayRows));
  const rss = { bot: peakRssMb(bot), echo: peakRssMb(echo) };
  await Promise.all([stopProcess(bot), stopProcess(echo), stopProcess(replay)]);
  await stub.close();
  return { rss, dataFile: path.join(workDir, 'ten-years.json'), bytes: (await readFile(path.join(workDir, 'ten-years.json'))).length };
}

/** One agenda to 500 members through the limit-enforcing stub: what it took and what arrived. */
async function fanOutRun(workDir: string, name: string, seed: number, answerDelayMs: number) {
  const stub = await startLimitedConnector(0.05, seed, answerDelayMs);
  const data = tenYearsOfData({ serviceUrl: stub.url, extraMembers: 486 });
  const dataFile = path.join(workDir, `fan-out-${name}`, 'politirad.json');
  await mkdir(path.dirname(dataFile), { recursive: true });
  await writeFile(dataFile, JSON.stringify(data));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_FILE: dataFile, LOG_LEVEL: 'silent', SCHEDULER_INTERVAL_MS: '3600000' });
  // The morning the December meeting's agenda is due.
  const watched = watchedTransport(connectorTransport(config));
  const running = await startBot(config, createLogger('silent'), { clock: fixedClock('2026-12-03T08:00:00Z'), transport: watched.transport });
  const began = performance.now();
  await running.scheduler.tick();
  await running.notifier.idle();
  const seconds = (performance.now() - began) / 1000;
  const saved = running.store.read();
  const agendas = saved.deliveries.filter((d) => d.kind === 'agenda' && d.meetingId === 'mote-2026-12');
  // More deliveries to a chat than the bot recorded as sent there is a message sent twice.
  const sentTo = new Map<string, number>();
  for (const d of saved.deliveries) if (d.status === 'sent' && d.sentAt?.startsWith('2026-12-03')) sentTo.set(d.conversationId, (sentTo.get(d.conversationId) ?? 0) + 1);
  await running.stop();
  const seen = await stub.close();
  const sentTwice = [...seen.delivered].filter(([id, n]) => n > (sentTo.get(id) ?? 0)).length;
  const notSent = agendas.filter((d) => d.status !== 'sent').length + agendas.filter((d) => !seen.delivered.has(d.conversationId)).length;
  const requests = seen.requests.length;
  const minimum = minimumSeconds(requests);
  const status = (code: number) => seen.requests.filter((r) => r.status === code).length;
  return {
    ratio: minimum / seconds,
    early: watched.early(),
    notSent,
    sentTwice,
    row: [
      String(agendas.length),
      String(requests),
      String(status(503)),
      String(status(429)),
      minimum.toFixed(2),
      seconds.toFixed(2),
      `${((minimum / seconds) * 100).toFixed(1)} %`,
      `${(requests / seconds).toFixed(1)}`,
      `${watched.early()} (stub: ${seen.duringPause.early} arrived late in a pause, ${seen.duringPause.onTheWire} on the wire)`,
      String(notSent),
      String(sentTwice),
    ],
  };
}

async function fanOut(workDir: string) {
  say();
  say('## 2. Proactive fan-out');
  const rows: string[][] = [];
  const ratios: number[] = [];
  let early = 0;
  let lost = 0;
  let twice = 0;
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    const run = await fanOutRun(workDir, String(round), 42 + round, 0);
    ratios.push(run.ratio);
    early += run.early;
    lost += run.notSent;
    twice += run.sentTwice;
    rows.push([String(round + 1), ...run.row]);
  }
  // The same with every answer 200 ms late, about a round trip to Teams' service: shown, not
  // judged, since the target is set for the stub above. The bot counts each send until its
  // answer is back, so each window reopens that much later.
  const slow = await fanOutRun(workDir, 'slow', 42, SLOW_ANSWER_MS);
  early += slow.early;
  lost += slow.notSent;
  twice += slow.sentTwice;
  rows.push([`${SLOW_ANSWER_MS} ms answers`, ...slow.row]);
  // The baseline: the least time the limits allow, from the requests each run needed (above), and
  // a bare sender pacing the same 500 sends at exactly the tenant limit through the same stub.
  const paced = await pacedSender(500);
  say(`An agenda to every member of a council of 500 (the ten-year file plus 486 members), each in a personal chat, through a connector stub that enforces Teams' limits on arrival (per conversation, and ${TENANT_LIMIT.count} requests per second per tenant: 429 with Retry-After: 1) and answers 5 % of sends with 503 at random. "Early" counts sends the bot started after a 429 had reached it and before that 429's Retry-After ended, in any conversation of the tenant; the stub's own count of requests arriving during a pause is shown beside it (those within ${ON_THE_WIRE_MS} ms of the 429 were already on the wire). "Allowed" is the least time the tenant limit allows for the requests the run needed (503s count against the limit, as in Teams). The last run has the stub answer each request ${SLOW_ANSWER_MS} ms after it arrived, about a round trip to Teams' service; it is shown, not judged: the bot counts each send against the limit until its answer is back, so each window reopens that much later.`);
  say();
  say(table(['run', 'agendas', 'requests', '503', '429', 'allowed s', 'took s', 'of allowed rate', 'req/s', 'early', 'lost', 'sent twice'], rows));
  say();
  say(`Baseline in the same run: a bare sender pacing 500 sends at one per ${PACED_GAP_MS.toFixed(1)} ms through the same stub, resending 503s in the next slot, made ${paced.requests} requests in ${paced.seconds.toFixed(2)} s (allowed ${minimumSeconds(paced.requests).toFixed(2)} s, so ${((minimumSeconds(paced.requests) / paced.seconds) * 100).toFixed(1)} % of the allowed rate; ${paced.throttled} answered 429).`);
  judge('fan-out: share of the allowed rate', '≥ 90 %', median(ratios) >= 0.9);
  judge('fan-out: requests before Retry-After had passed', '0', early === 0);
  judge('fan-out: messages lost', '0', lost === 0);
  judge('fan-out: messages sent twice', '0', twice === 0);
}

/**
 * The bot's transport, watched: when each send started, and when each 429 came back with its
 * Retry-After. A send started after a 429 arrived and before its Retry-After ended is early.
 */
function watchedTransport(inner: Transport) {
  const pauses: { from: number; until: number }[] = [];
  let early = 0;
  const transport: Transport = {
    ...inner,
    async send(reference, activity) {
      const started = performance.now();
      if (pauses.some((p) => started > p.from && started < p.until)) early += 1;
      try {
        return await inner.send(reference, activity);
      } catch (error) {
        if (error instanceof SendFailure && error.status === 429) pauses.push({ from: performance.now(), until: performance.now() + (error.retryAfterMs ?? 0) });
        throw error;
      }
    },
  };
  return { transport, early: () => early };
}

async function pacedSender(count: number) {
  const stub = await startLimitedConnector(0.05, 7);
  const began = performance.now();
  // The same margin the notifier keeps over the published limit.
  const gap = PACED_GAP_MS;
  const queue = Array.from({ length: count }, (_, i) => `a:paced-${i}`);
  const sends: Promise<void>[] = [];
  for (let slot = 0; queue.length > 0 || sends.length > 0; slot++) {
    const wait = began + slot * gap - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = queue.shift();
    if (id === undefined) {
      await Promise.all(sends.splice(0));
      continue;
    }
    sends.push(
      fetch(`${stub.url}v3/conversations/${encodeURIComponent(id)}/activities`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then(async (res) => {
        await res.text();
        if (res.status !== 201) queue.push(id);
      }),
    );
  }
  const seconds = (performance.now() - began) / 1000;
  const seen = await stub.close();
  return { seconds, requests: seen.requests.length, throttled: seen.requests.filter((r) => r.status === 429).length };
}

async function storeAndStart(workDir: string, tenYears: { dataFile: string; bytes: number }, rss: { bot: number; echo: number }) {
  say();
  say('## 3. Store and start');
  const dataFile = path.join(workDir, 'store', 'politirad.json');
  await mkdir(path.dirname(dataFile), { recursive: true });
  await copyFile(tenYears.dataFile, dataFile);
  const store = await openFileStore({ dataFile, seedFile: path.join(PROJECT_ROOT, 'src/seed/demo-seed.json') });
  const writes: number[] = [];
  const floor: number[] = [];
  const floorFile = path.join(workDir, 'store', 'floor.log');
  const WRITES = 1000;
  for (let n = 0; n < WRITES; n++) {
    const t0 = performance.now();
    await store.update((data) => {
      const point = data.followUps[n % data.followUps.length];
      if (!point) return;
      point.history.push({ at: new Date().toISOString(), byMemberId: 'kari-nordmann', text: `Statusmøte ${n}: arbeidet går etter planen.` });
      point.revision += 1;
    });
    writes.push(performance.now() - t0);
    // The floor: the same size of line appended and fdatasync'd by hand.
    const t1 = performance.now();
    const handle = await open(floorFile, 'a');
    await handle.appendFile(`${JSON.stringify({ seq: n, patches: [{ op: 'add', path: ['followUps', n, 'history', 9], value: { at: new Date().toISOString(), byMemberId: 'kari-nordmann', text: `Statusmøte ${n}: arbeidet går etter planen.` } }] })}\n`);
    await handle.datasync();
    await handle.close();
    floor.push(performance.now() - t1);
  }
  await store.close();
  // What a write cost before the journal: the whole ten-year file rewritten and fsync'd.
  const whole: number[] = [];
  const text = await readFile(tenYears.dataFile, 'utf8');
  for (let n = 0; n < 20; n++) {
    const t0 = performance.now();
    await writeDurably(path.join(workDir, 'store', 'whole.json'), JSON.stringify(JSON.parse(text), null, 2));
    whole.push(performance.now() - t0);
  }
  const ready = { bot: [] as number[], echo: [] as number[] };
  for (let n = 0; n < ROUNDS; n++) {
    ready.echo.push(await timeToReady(spawnBot({ DATA_FILE: path.join(workDir, 'echo-unused.json') }, ECHO_BOT)));
    ready.bot.push(await timeToReady(spawnBot({ DATA_FILE: dataFile, SCHEDULER_INTERVAL_MS: '3600000' })));
  }
  const f = (n: number) => n.toFixed(2);
  say(`On the ten-year file (${(tenYears.bytes / 1e6).toFixed(1)} MB: 56 meetings with agendas, 1,000 follow-up points, 700 SaLTo reports, 1,176 deliveries). ${WRITES} changes, each a new history line on a follow-up point, saved through the store; the data file is rewritten in the background every 200 changes and that time is included.`);
  say();
  say(
    table(
      ['measure', 'bot', 'baseline', 'ratio', 'target'],
      [
        ['write p50 (ms)', f(percentile(writes, 0.5)), `${f(percentile(floor, 0.5))} (a line appended and fdatasync'd)`, f(percentile(writes, 0.5) / percentile(floor, 0.5)), ''],
        ['write p99 (ms)', f(percentile(writes, 0.99)), `${f(percentile(floor, 0.99))}`, f(percentile(writes, 0.99) / percentile(floor, 0.99)), '< 50 ms'],
        ['whole-file rewrite (ms, the save before the journal)', `${f(median(whole))} median`, '', '', ''],
        ['peak RSS (MB) after the turn benchmark', rss.bot.toFixed(0), `${rss.echo.toFixed(0)} (echo bot)`, f(rss.bot / rss.echo), '< 200 MB'],
        ['start to ready (s), median (min–max)', spread(ready.bot), `${spread(ready.echo)} (echo bot)`, f(median(ready.bot) / median(ready.echo)), '< 2 s'],
      ],
    ),
  );
  judge('store: p99 write', '< 50 ms', percentile(writes, 0.99) < 50);
  judge('peak RSS', '< 200 MB', rss.bot < 200);
  judge('start to ready', '< 2 s', Math.max(...ready.bot) < 2);
}

async function timeToReady(child: BotProcess): Promise<number> {
  const began = performance.now();
  await child.ready;
  const seconds = (performance.now() - began) / 1000;
  await stopProcess(child);
  return seconds;
}

function peakRssMb(child: BotProcess): number {
  const status = readFileSyncSafe(`/proc/${child.child.pid}/status`);
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function stopProcess(child: BotProcess): Promise<void> {
  child.child.kill('SIGTERM');
  await child.exited;
}

async function main() {
  // The echo bot is bundled as the bot is, so both load the same way.
  await bundle(path.join(PROJECT_ROOT, 'bench/echo-bot.mjs'), path.join(PROJECT_ROOT, ECHO_BOT));
  const workDir = await mkdtemp(path.join(tmpdir(), 'politirad-bench-'));
  say(`# Benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} CPUs)`);
  say();
  try {
    // BENCH_ONLY=fan-out runs that one alone (the others share the turn benchmark's file).
    if (process.env.BENCH_ONLY === 'fan-out') await fanOut(workDir);
    else {
      const turns = await turnCost(workDir);
      await fanOut(workDir);
      await storeAndStart(workDir, turns, turns.rss);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  say();
  say('## Targets');
  say();
  say(table(['measure', 'target', 'met'], verdicts.map((v) => [v.name, v.target, v.met ? 'yes' : '**no**'])));
  await writeFile(path.join(PROJECT_ROOT, 'bench', 'latest.md'), `${out.join('\n')}\n`);
  process.exitCode = verdicts.every((v) => v.met) ? 0 : 1;
}

await main();
