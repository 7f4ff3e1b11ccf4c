import type { AddressInfo } from 'node:net';
import type { Agent, TestApp } from './app.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are free-form JSON; the assertions check their shape
export type ApiJson = Record<string, any>;

/** Makes the test app listen on a free loopback port (for real HTTP clients) and returns its api.php URL. */
export async function listenForApi(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/api.php`;
}

/** Creates a bot password on Spécial:Mots_de_passe_de_robots for the signed-in agent; returns the secret shown once. */
export async function createBotPassword(owner: Agent, name: string, grants: string[]): Promise<string> {
  const csrf = await owner.csrf('/wiki/Sp%C3%A9cial:Mots_de_passe_de_robots');
  const body = new URLSearchParams([['_csrf', csrf], ['name', name], ...grants.map((g) => ['grants', g] as [string, string])]).toString();
  const res = await owner.request('POST', '/mots-de-passe-de-robots', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const secret = /<dd><code>([A-Za-z0-9_-]{32})<\/code><\/dd>/.exec(res.body)?.[1];
  if (res.statusCode !== 200 || !secret) throw new Error(`bot password not created (${res.statusCode})`);
  return secret;
}

/** A JSON api.php call through app.inject with the agent's cookies: GET with a query, or POST url-encoded. */
export async function apiCall(agent: Agent, method: 'GET' | 'POST', params: Record<string, string>, query: Record<string, string> = {}) {
  const res =
    method === 'GET'
      ? await agent.request('GET', `/api.php?${new URLSearchParams({ ...params, ...query })}`)
      : await agent.request('POST', `/api.php${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`, { form: params });
  return { status: res.statusCode, headers: res.headers, json: JSON.parse(res.body) as ApiJson };
}
