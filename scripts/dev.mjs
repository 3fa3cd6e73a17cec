// `npm run dev`: the bot in local mode plus the Microsoft 365 Agents Playground, wired together,
// with telemetry off and no outside network needed. Open http://localhost:56150.
//   npm run dev -- --as medlem        try it as Ola Hansen (member); also: koordinator, leder, nestleder, observator
//   The Playground reports every activity as en-US; the demo users have chosen Norwegian (/språk english switches).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PERSONAS, playgroundFolder } from './playground-persona.mjs';
import { startCommand } from './start-command.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({ options: { as: { type: 'string', default: 'sekretariat' } } });
if (!(values.as in PERSONAS)) {
  console.error(`--as must be one of: ${Object.keys(PERSONAS).join(', ')}`);
  process.exit(2);
}
const botPort = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';

const playgroundCwd = playgroundFolder(root, values.as);
// Another persona's Playground folder is a copy made for this run; it goes when the run ends.
if (playgroundCwd !== root) process.on('exit', () => rmSync(playgroundCwd, { recursive: true, force: true }));

const children = [];
const run = (name, command, args, options) => {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  child.on('exit', (code) => {
    console.error(`${name} stopped (${code ?? 'signal'}); stopping the rest.`);
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
};

const build = spawn('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const start = startCommand(root);
  run('bot', process.execPath, [...start.nodeFlags, path.join(root, start.script)], { cwd: root, env: { ...process.env, PORT: botPort } });
  run(
    'playground',
    process.execPath,
    [path.join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'), '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'],
    {
      cwd: playgroundCwd,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
    },
  );
  console.log(`\nPolitirådsboten: http://localhost:${playgroundPort} (as ${values.as}). Ctrl+C stops both.`);
  console.log(`The personal tab, with the development sign-in: http://localhost:${botPort}/tab\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill('SIGTERM')));
