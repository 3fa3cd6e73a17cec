// `npm run dev`: the bot in local mode plus the Microsoft 365 Agents Playground, wired together,
// with telemetry off and no outside network needed. Open http://localhost:56150.
//   npm run dev -- --as medlem        try it as Ola Hansen (member); also: koordinator, leder, nestleder, observator
//   npm run dev -- --lang en          the Playground reports an English locale instead of Norwegian
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PERSONAS = { sekretariat: 'user-kari', medlem: 'user-ola', koordinator: 'user-aisha', leder: 'user-ingrid', nestleder: 'user-tor', observator: 'user-marianne' };

const { values } = parseArgs({ options: { as: { type: 'string', default: 'sekretariat' }, lang: { type: 'string', default: 'nb' } } });
if (!(values.as in PERSONAS)) {
  console.error(`--as must be one of: ${Object.keys(PERSONAS).join(', ')}`);
  process.exit(2);
}
const botPort = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';

// The Playground reads .m365agentsplayground.yml from its working folder; another persona gets a copy.
let playgroundCwd = root;
if (values.as !== 'sekretariat') {
  const config = YAML.parse(readFileSync(path.join(root, '.m365agentsplayground.yml'), 'utf8'));
  const index = config.users.findIndex((user) => user.id === PERSONAS[values.as]);
  [config.currentUser, config.users[index]] = [config.users[index], config.currentUser];
  playgroundCwd = mkdtempSync(path.join(tmpdir(), 'politirad-playground-'));
  writeFileSync(path.join(playgroundCwd, '.m365agentsplayground.yml'), YAML.stringify(config));
}

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
  run('bot', process.execPath, ['--disable-warning=DEP0111', path.join(root, 'dist/main.js')], { cwd: root, env: { ...process.env, PORT: botPort } });
  const locale = values.lang === 'en' ? 'en_US.UTF-8' : 'nb_NO.UTF-8';
  run(
    'playground',
    process.execPath,
    [path.join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'), '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'],
    {
      cwd: playgroundCwd,
      // The Playground takes the activities' locale from its own process locale.
      env: { ...process.env, LANG: locale, LC_ALL: locale, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true' },
    },
  );
  console.log(`\nPolitirådsboten: http://localhost:${playgroundPort} (as ${values.as}). Ctrl+C stops both.\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((child) => child.kill('SIGTERM')));
