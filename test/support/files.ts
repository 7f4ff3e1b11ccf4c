import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import type { Agent } from './app.ts';

/** Helpers for the files module's HTTP tests: sample files and a multipart upload through app.inject. */

export interface Sample {
  name: string;
  bytes: Buffer;
  type?: string;
}

export async function png(width = 800, height = 600, colour = '#1d4f91'): Promise<Buffer> {
  const stripe = await sharp({ create: { width: Math.ceil(width / 4), height, channels: 3, background: '#ffd08a' } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: colour } }).composite([{ input: stripe, left: 0, top: 0 }]).png().toBuffer();
}

export async function jpeg(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#1e6b34' } }).jpeg({ quality: 80 }).toBuffer();
}

/** A minimal valid one-page PDF (with its cross-reference table). */
export function pdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An ELF executable header followed by padding. */
export function elf(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(512, 0)]);
}

/** A Windows PE executable header (MZ stub pointing at a PE signature). */
export function pe(): Buffer {
  const b = Buffer.alloc(1024);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(128, 0x3c);
  b.write('PE\0\0', 128, 'latin1');
  return b;
}

export function svg(body: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">${body}</svg>`);
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-data-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface UploadRes {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** Posts the upload form as a browser would (multipart, CSRF token as a field, the agent's cookies). */
export async function upload(app: FastifyInstance, agent: Agent, fields: Record<string, string>, file?: Sample, opts: { csrf?: string | false } = {}): Promise<UploadRes> {
  const form = new FormData();
  const token = opts.csrf === false ? undefined : (opts.csrf ?? (await agent.csrf()));
  if (token) form.set('_csrf', token);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const request = new Request('http://maillage.test/fichiers', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  const cookie = [...agent.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await app.inject({ method: 'POST', url: '/fichiers', payload, remoteAddress: agent.ip, headers: { cookie, 'content-type': request.headers.get('content-type')!, ...(agent.lang ? { 'accept-language': agent.lang } : {}) } });
  return { statusCode: res.statusCode, headers: res.headers, body: res.body };
}

/** A GET whose body is kept as bytes. */
export async function fetchBytes(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  return { statusCode: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}
