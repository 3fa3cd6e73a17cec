import { z } from 'zod';
import { integrityProblems } from './integrity.js';
import { DataSchema, SCHEMA_VERSION, describeIssues, type Data } from './schema.js';

/** A seed is the council's standing data without anything the bot learns while running. */
export const SeedSchema = DataSchema.omit({ schemaVersion: true, conversations: true, settings: true, deliveries: true, formSessions: true }).extend({
  seedVersion: z.literal(1),
});
export type Seed = z.infer<typeof SeedSchema>;

export type SeedResult = { ok: true; data: Data } | { ok: false; problems: string[] };

export function dataFromSeed(raw: unknown): SeedResult {
  const parsed = SeedSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  const { seedVersion: _version, ...seed } = parsed.data;
  const problems = integrityProblems(seed);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, data: { schemaVersion: SCHEMA_VERSION, ...seed, conversations: [], deliveries: [], formSessions: [], settings: {} } };
}
