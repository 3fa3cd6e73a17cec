import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/bot/commands/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { TAB_ENTITY_ID } from '../../src/tab/service.js';
import { buildAppPackage, ENGLISH_FILE, filledManifest, iconProblems, localizationProblems, MANIFEST_DIR, manifestProblems, packageSettings, PackageRefused, type PackageSettings } from '../../src/teams-app/app-package.js';
import { messages } from '../../src/i18n/index.js';
import { APP_ID, PUBLIC_HOST, TEAMS_APP_ID } from '../helpers/entra.js';

const run = promisify(execFile);
const ENV = { TEAMS_APP_ID, MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: `https://${PUBLIC_HOST}` };
const settings: PackageSettings = packageSettings(ENV);
const template = () => readFile(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');

interface Manifest {
  manifestVersion: string;
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  staticTabs: { entityId: string; contentUrl?: string; websiteUrl?: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PackageRefused) return error.problems;
    throw error;
  }
  return [];
}

describe('the Teams app manifest', () => {
  it('is valid against the schema of its version, as @microsoft/app-manifest ships it (no network), once filled in', async () => {
    const manifest = filledManifest(await template(), settings);
    expect(manifest['manifestVersion']).toBe('1.22');
    expect(await manifestProblems(manifest)).toEqual([]);
  });

  it('fails that validation when something is wrong, so the check is a real one', async () => {
    const manifest = filledManifest(await template(), settings) as unknown as Manifest & { developer: { name: string } };
    manifest.developer.name = 'Oslo kommune, sekretariatet for Politirådet';
    manifest.bots[0]!.botId = 'not-a-guid';
    const problems = await manifestProblems(manifest as unknown as Record<string, unknown>);
    expect(problems.join('\n')).toMatch(/developer\/name/);
    expect(problems.join('\n')).toMatch(/bots\/0\/botId/);
  });

  it('has the bot in personal, team and group chats, the personal tab, the domain and single sign-on', async () => {
    const manifest = filledManifest(await template(), settings) as unknown as Manifest;
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.bots[0]!.scopes).toEqual(['personal', 'team', 'groupChat']);
    const tab = manifest.staticTabs.find((t) => t.entityId === TAB_ENTITY_ID);
    expect(tab).toMatchObject({ contentUrl: `https://${PUBLIC_HOST}/tab?theme={theme}&lang={locale}`, websiteUrl: `https://${PUBLIC_HOST}/tab`, scopes: ["personal"] });
    // With a static tab, the bot's chat stays reachable only if the manifest names it.
    expect(manifest.staticTabs.some((t) => t.entityId === 'conversations')).toBe(true);
    expect(manifest.validDomains).toEqual([PUBLIC_HOST]);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://${PUBLIC_HOST}/${APP_ID}` });
  });

  it('lists only commands the bot has, and every command the table puts in a menu', async () => {
    const manifest = filledManifest(await template(), settings) as unknown as Manifest;
    const names = new Set(COMMANDS.map((c) => c.name));
    for (const list of manifest.bots[0]!.commandLists) {
      for (const command of list.commands) expect(names.has(command.title), command.title).toBe(true);
    }
    for (const command of COMMANDS) {
      for (const scope of command.scopes) {
        const list = manifest.bots[0]!.commandLists.find((l) => l.scopes.includes(scope));
        expect(list?.commands.map((c) => c.title), `${command.name} in ${scope}`).toContain(command.name);
      }
    }
  });
});

describe('the English strings of the app', () => {
  const english = async () => JSON.parse(await readFile(path.join(MANIFEST_DIR, ENGLISH_FILE), 'utf8')) as Record<string, string>;

  it('are named by the manifest as its English, and pass the localization schema of its version', async () => {
    const manifest = filledManifest(await template(), settings) as unknown as Manifest & { localizationInfo: unknown };
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'nb-no', additionalLanguages: [{ languageTag: 'en', file: ENGLISH_FILE }] });
    expect(await localizationProblems(await english(), manifest.manifestVersion)).toEqual([]);
    const broken = { ...(await english()), 'description.short': 'x'.repeat(81), 'bots[0].commandLists[0].commands[10].title': 'too many' };
    expect((await localizationProblems(broken, manifest.manifestVersion)).join('\n')).toMatch(/description\.short[\s\S]*commands\[10\]|commands\[10\][\s\S]*description\.short/);
  });

  it('give every menu command its English name and the English description from the catalog, so the two cannot drift apart', async () => {
    const manifest = filledManifest(await template(), settings) as unknown as Manifest;
    const strings = await english();
    const en = messages('en');
    const expected: Record<string, string> = {};
    manifest.bots[0]!.commandLists.forEach((list, i) =>
      list.commands.forEach((entry, j) => {
        const command = COMMANDS.find((c) => c.name === entry.title)!;
        expected[`bots[0].commandLists[${i}].commands[${j}].title`] = command.english ?? command.name;
        expected[`bots[0].commandLists[${i}].commands[${j}].description`] = en[command.description] as string;
      }),
    );
    expect(Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith('bots[')))).toEqual(expected);
    expect(strings['bots[0].commandLists[0].commands[2].title']).toBe('next');
  });
});

describe('the icons', () => {
  it('are 192×192 in colour and 32×32 white on transparent', async () => {
    const color = await readFile(path.join(MANIFEST_DIR, 'color.png'));
    const outline = await readFile(path.join(MANIFEST_DIR, 'outline.png'));
    expect(PNG.sync.read(color)).toMatchObject({ width: 192, height: 192 });
    const o = PNG.sync.read(outline);
    expect(o).toMatchObject({ width: 32, height: 32 });
    const alphas = new Set<number>();
    for (let i = 0; i < o.data.length; i += 4) {
      alphas.add(o.data[i + 3]!);
      if (o.data[i + 3]! > 0) expect([o.data[i], o.data[i + 1], o.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(alphas.has(0)).toBe(true);
    expect(iconProblems(color, outline)).toEqual([]);
  });

  it('are refused when the outline is the colour icon, or the wrong size', async () => {
    const color = await readFile(path.join(MANIFEST_DIR, 'color.png'));
    const problems = iconProblems(color, color);
    expect(problems).toContain('outline.png is 192×192; Teams wants 32×32');
    expect(problems).toContain('outline.png has a pixel that is neither white nor fully transparent');
  });
});

describe('npm run package', () => {
  it('writes a zip with manifest.json, the two icons and the English strings at its root, filled in from the settings', async () => {
    const { zip } = await buildAppPackage(settings);
    const archive = await JSZip.loadAsync(zip);
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(await archive.file('en.json')!.async('string'))['name.full']).toBe('Politirådsboten for the Police Council of Oslo');
    const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as Manifest & { version: string };
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    const version = (JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(manifest.version).toBe(version);
    expect(await manifestProblems(manifest as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('refuses with a line per missing or bad value', () => {
    expect(refusal(() => packageSettings({}))).toEqual(['TEAMS_APP_ID is not set', 'MicrosoftAppId is not set', 'PUBLIC_BASE_URL is not set']);
    expect(refusal(() => packageSettings({ ...ENV, MicrosoftAppId: '  ' }))).toEqual(['MicrosoftAppId is not set']);
    expect(refusal(() => packageSettings({ ...ENV, TEAMS_APP_ID: 'politirad' }))[0]).toMatch(/^TEAMS_APP_ID must be a GUID/);
    expect(refusal(() => packageSettings({ ...ENV, PUBLIC_BASE_URL: `http://${PUBLIC_HOST}` }))[0]).toMatch(/^PUBLIC_BASE_URL must be the https address/);
    expect(refusal(() => packageSettings({ ...ENV, PUBLIC_BASE_URL: `https://${PUBLIC_HOST}/bot` }))[0]).toMatch(/without a path/);
  });

  it('runs from the command line: refuses without settings and writes the zip with them', async () => {
    const script = path.join(PROJECT_ROOT, 'dist/package-app.js');
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-package-')), 'app.zip');
    const clean = { PATH: process.env['PATH'] ?? '' };
    const refused = await run(process.execPath, [script, '--out', out], { env: clean }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in refused && refused.code).toBe(1);
    expect('stderr' in refused && refused.stderr).toContain('TEAMS_APP_ID is not set');
    await expect(readFile(out)).rejects.toThrow();

    const done = await run(process.execPath, [script, '--out', out], { env: { ...clean, ...ENV } });
    expect(done.stdout).toContain(`domain ${PUBLIC_HOST}`);
    expect(Object.keys((await JSZip.loadAsync(await readFile(out))).files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });
});
