import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileName, fileShelf, fileType, linkedFileIds, mayFetch } from '../../src/files/shelf.js';
import { demoData } from '../helpers/builders.js';

const SECRET = 'k'.repeat(43);
const PDF = Buffer.from('%PDF-1.7 Presentasjon fra Bydel Grorud');
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/presentasjon.pdf') return res.end(PDF);
    if (req.url === '/stor-med-lengde') {
      res.writeHead(200, { 'content-length': String(3 * 1024 * 1024) });
      return res.end(Buffer.alloc(3 * 1024 * 1024));
    }
    if (req.url === '/stor-uten-lengde') {
      // Chunked, so only counting the bytes finds that it is too large.
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(100 * 1024));
      return res.end();
    }
    if (req.url === '/treg') return setTimeout(() => res.end(PDF), 2_000);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function shelf(baseUrl: string | null = 'https://politirad.example.no') {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-files-')), 'vedlegg');
  return { dir, shelf: fileShelf({ dir, maxBytes: 2 * 1024 * 1024, secret: () => SECRET, baseUrl: () => baseUrl ?? undefined, timeoutMs: 500 }) };
}

describe('the file shelf', () => {
  it('keeps a sent file under its content hash, once, and opens it by its signed link only', async () => {
    const { dir, shelf: files } = await shelf();
    const kept = await files.keep({ name: 'Presentasjon Grorud.pdf', downloadUrl: `${base}/presentasjon.pdf` });
    const id = createHash('sha256').update(PDF).digest('hex');
    expect(kept).toEqual({ id, name: 'Presentasjon Grorud.pdf', size: PDF.length });
    expect(await readFile(path.join(dir, id))).toEqual(PDF);
    // The same file again, under another name: kept once, nothing left half-written.
    expect(await files.keep({ name: 'kopi.pdf', downloadUrl: `${base}/presentasjon.pdf` })).toMatchObject({ id });
    expect(await readdir(dir)).toEqual([id]);
    expect(await files.has(id)).toBe(true);
    expect(await files.has('0'.repeat(64))).toBe(false);

    const url = files.url(id, 'Presentasjon Grorud.pdf')!;
    const match = /^https:\/\/politirad\.example\.no\/vedlegg\/([0-9a-f]{64})\/([A-Za-z0-9_-]{43})\/Presentasjon%20Grorud\.pdf$/.exec(url)!;
    expect(match[1]).toBe(id);
    const token = match[2]!;
    expect(await files.open(id, 'Presentasjon Grorud.pdf', token)).toEqual({ path: path.join(dir, id), size: PDF.length, type: 'application/pdf', inline: true });
    // Another name, another file, a changed signature, or a path in place of an id: nothing.
    expect(await files.open(id, 'Annet navn.pdf', token)).toBeUndefined();
    expect(await files.open('0'.repeat(64), 'Presentasjon Grorud.pdf', token)).toBeUndefined();
    expect(await files.open(id, 'Presentasjon Grorud.pdf', `${token.slice(0, -1)}A`)).toBeUndefined();
    expect(await files.open('../politirad.json', 'Presentasjon Grorud.pdf', token)).toBeUndefined();
  });

  it('refuses files over the limit, with or without a stated length, and keeps nothing of them', async () => {
    const { dir, shelf: files } = await shelf();
    expect(await files.keep({ name: 'stor.pptx', downloadUrl: `${base}/stor-med-lengde` })).toEqual({ problem: 'too-large', limitMb: 2 });
    expect(await files.keep({ name: 'stor.pptx', downloadUrl: `${base}/stor-uten-lengde` })).toEqual({ problem: 'too-large', limitMb: 2 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('fetches only https, or http on this machine, and says when a file cannot be had', async () => {
    const { dir, shelf: files } = await shelf();
    for (const downloadUrl of ['http://intern.example/fil.pdf', 'file:///etc/passwd', 'ftp://127.0.0.1/fil', 'ikke en lenke', `${base}/finnes-ikke`, `${base}/treg`]) {
      expect(await files.keep({ name: 'fil.pdf', downloadUrl })).toEqual({ problem: 'unreachable' });
    }
    expect(await readdir(dir)).toEqual([]);
    expect(['https://oslo.sharepoint.com/x', 'http://localhost:3978/x', 'http://127.0.0.1/x', 'http://[::1]/x'].map(mayFetch)).toEqual([true, true, true, true]);
    expect(['http://oslo.sharepoint.com/x', 'javascript:alert(1)', 'http://10.0.0.1/x'].map(mayFetch)).toEqual([false, false, false]);
  });

  it('makes names safe for a path and a header, and serves only PDFs and pictures inline', async () => {
    expect(fileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(fileName('a\u0000b\nc.pdf')).toBe('a_b_c.pdf');
    expect(fileName('..')).toBe('vedlegg');
    expect(fileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(fileName(`${'x'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
    expect(fileType('Bilde.JPG')).toEqual({ type: 'image/jpeg', inline: true });
    expect(fileType('side.html')).toEqual({ type: 'application/octet-stream', inline: false });
    expect(fileType('tegning.svg')).toEqual({ type: 'application/octet-stream', inline: false });
    expect(fileType('Presentasjon.pptx').inline).toBe(false);
    // Without a public address there is no link to give.
    const { shelf: local } = await shelf(null);
    expect([local.linkable(), local.url('0'.repeat(64), 'x.pdf')]).toEqual([false, undefined]);
  });

  it('deletes files kept a while that no agenda item links to, and what an interrupted download left, and nothing else', async () => {
    const { dir, shelf: files } = await shelf();
    const kept = await files.keep({ name: 'Presentasjon.pdf', downloadUrl: `${base}/presentasjon.pdf` });
    if ('problem' in kept) throw new Error('not kept');
    const [unlinked, fresh, attachedMeanwhile] = ['b', 'c', 'd'].map((c) => c.repeat(64)) as [string, string, string];
    for (const name of [unlinked, fresh, attachedMeanwhile, '.incoming-0123', 'notat.txt']) await writeFile(path.join(dir, name), 'x');
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    for (const name of [kept.id, unlinked, attachedMeanwhile, '.incoming-0123', 'notat.txt']) await utimes(path.join(dir, name), dayAgo, dayAgo);

    const data = demoData();
    data.meetings[1]!.agenda[0]!.attachments.push({ title: 'Presentasjon', url: files.url(kept.id, kept.name)! });
    expect(linkedFileIds(data)).toEqual(new Set([kept.id]));
    // The secretary attaches one while the tidying runs.
    let asked = 0;
    const linked = () => (++asked > 1 ? new Set([kept.id, attachedMeanwhile]) : linkedFileIds(data));
    expect(await files.prune(linked, new Date(Date.now() - 24 * 3_600_000))).toEqual([unlinked]);
    expect((await readdir(dir)).sort()).toEqual([kept.id, fresh, attachedMeanwhile, 'notat.txt'].sort());
  });
});
