import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { Ajv } from 'ajv';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.js';

export const MANIFEST_DIR = path.join(PROJECT_ROOT, 'manifest');
const require = createRequire(import.meta.url);

/** The schema of the manifest's own version, as `@microsoft/app-manifest` ships it: validation needs no network. */
export function manifestSchemaFor(manifestVersion: string): Record<string, unknown> {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return JSON.parse(readFileSync(path.join(root, `build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`), 'utf8')) as Record<string, unknown>;
}

/** Problems with a manifest against its schema; empty when it is valid. */
export async function manifestProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = manifestSchemaFor(String(manifest['manifestVersion']));
  return ManifestUtil.validateManifestAgainstSchema(manifest as unknown as TeamsAppManifest, schema as never);
}

/** The English strings of the manifest (name, description, the command menus), in Teams' localization file. */
export const ENGLISH_FILE = 'en.json';

/**
 * Problems with a localization file against the localization schema of the manifest's version.
 * That schema is draft-04 and some of its key patterns are not valid as Unicode regular
 * expressions, so it is compiled here with Ajv told so (the manifest's own check cannot take it).
 */
export async function localizationProblems(strings: Record<string, unknown>, manifestVersion: string): Promise<string[]> {
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path.join(root, `build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`), 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  if (validate(strings)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params['additionalProperty'])}` : ''}`);
}

/** What Teams asks of the two icons: sizes, and an outline that is white on transparent. */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = PNG.sync.read(color);
  if (c.width !== 192 || c.height !== 192) problems.push(`color.png is ${c.width}×${c.height}; Teams wants 192×192`);
  const o = PNG.sync.read(outline);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline.png is ${o.width}×${o.height}; Teams wants 32×32`);
  let transparent = 0;
  let white = 0;
  for (let i = 0; i < o.data.length; i += 4) {
    const [r, g, b, a] = [o.data[i], o.data[i + 1], o.data[i + 2], o.data[i + 3]];
    if (a === 0) transparent += 1;
    else if (r === 255 && g === 255 && b === 255) white += 1;
    else {
      problems.push('outline.png has a pixel that is neither white nor fully transparent');
      break;
    }
  }
  if (transparent === 0) problems.push('outline.png has no transparent background');
  if (white === 0) problems.push('outline.png has no white outline');
  return problems;
}

/** The values a package needs, with the environment's names for them. */
const PackageEnv = z.object({
  TEAMS_APP_ID: z.guid('must be a GUID (make one for the app, e.g. with `uuidgen`)'),
  MicrosoftAppId: z.guid('must be the bot’s Entra app (client) id, a GUID'),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https$/, message: 'must be the https address the bot is reached at, e.g. https://politirad.example.no' })
    .refine((url) => new URL(url).pathname === '/' && !new URL(url).search, 'must be the host only, without a path: Teams loads the tab from /tab on it'),
});

export interface PackageSettings {
  teamsAppId: string;
  botId: string;
  /** The host name (and port, if any) the tab and the sign-in are on. */
  domain: string;
  version: string;
}

export class PackageRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`The app package was not written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the package's settings from the environment; refuses with one line per missing or bad value. */
export function packageSettings(env: Record<string, string | undefined>): PackageSettings {
  const blankless = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v?.trim() ? v.trim() : undefined]));
  const parsed = PackageEnv.safeParse(blankless);
  if (!parsed.success) {
    throw new PackageRefused(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return blankless[name] === undefined ? `${name} is not set` : `${name} ${issue.message}`;
      }),
    );
  }
  const version = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return { teamsAppId: parsed.data.TEAMS_APP_ID, botId: parsed.data.MicrosoftAppId, domain: new URL(parsed.data.PUBLIC_BASE_URL).host, version };
}

/** The manifest template with the settings filled in; a placeholder left unfilled is an error. */
export function filledManifest(template: string, settings: PackageSettings): Record<string, unknown> {
  const values: Record<string, string> = { TEAMS_APP_ID: settings.teamsAppId, BOT_ID: settings.botId, BOT_DOMAIN: settings.domain };
  const text = template.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new PackageRefused([`manifest.json has a placeholder nothing fills: ${whole}`]);
    return value;
  });
  const manifest = JSON.parse(text) as Record<string, unknown>;
  manifest['version'] = settings.version;
  return manifest;
}

/**
 * The zip Teams takes: manifest.json, color.png, outline.png and the English strings at its
 * root. Refuses when the filled manifest or the English strings do not pass their schemas, or an
 * icon is not what Teams asks for.
 */
export async function buildAppPackage(settings: PackageSettings, dir = MANIFEST_DIR): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const manifest = filledManifest(readFileSync(path.join(dir, 'manifest.json'), 'utf8'), settings);
  const color = readFileSync(path.join(dir, 'color.png'));
  const outline = readFileSync(path.join(dir, 'outline.png'));
  const english = readFileSync(path.join(dir, ENGLISH_FILE), 'utf8');
  const problems = [
    ...(await manifestProblems(manifest)),
    ...(await localizationProblems(JSON.parse(english) as Record<string, unknown>, String(manifest['manifestVersion']))).map((p) => `${ENGLISH_FILE}: ${p}`),
    ...iconProblems(color, outline),
  ];
  if (problems.length > 0) throw new PackageRefused(problems);
  const zip = new JSZip();
  // A fixed date keeps the zip the same for the same input.
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('color.png', color, { date });
  zip.file('outline.png', outline, { date });
  zip.file(ENGLISH_FILE, english, { date });
  return { zip: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), manifest };
}
