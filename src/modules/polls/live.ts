import type { ServerResponse } from 'node:http';
import type { PollsStore } from './store.ts';
import type { PollStatus } from './types.ts';

export interface VersionState {
  version: number;
  status: PollStatus;
}

type Listener = (state: VersionState) => void;

/**
 * Live updates across instances without shared memory: while someone watches a poll, this
 * process reads the versions of the watched polls once per interval (one query for all of them)
 * and tells the watchers of each poll whose version moved. Answers stored by any instance bump
 * the version in the database, so every instance sees them within one interval.
 * What lives here (listeners, open streams) is only about this process's own connections.
 */
export function liveHub(store: PollsStore, intervalMs = 1000, maxStreams = 5000) {
  const listeners = new Map<number, Set<Listener>>();
  const seen = new Map<number, number>();
  const streams = new Set<ServerResponse>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling = false;
  let closed = false;

  async function tick(): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      const states = await store.versions([...listeners.keys()]);
      for (const [id, state] of states) {
        if (seen.get(id) === state.version) continue;
        seen.set(id, state.version);
        for (const l of listeners.get(id) ?? []) l(state);
      }
    } catch {
      // A failed read (database restarting) is retried at the next tick.
    } finally {
      polling = false;
    }
  }

  return {
    /** Calls `listener` whenever the poll's version changes; returns the unsubscribe function. */
    subscribe(pollId: number, listener: Listener): () => void {
      const set = listeners.get(pollId) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(pollId, set);
      timer ??= setInterval(() => void tick(), intervalMs);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(pollId);
          seen.delete(pollId);
        }
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    /** Keeps an open event stream so shutdown can end it; false when closed or full (the page still has its refresh link). */
    track(res: ServerResponse): boolean {
      if (closed || streams.size >= maxStreams) return false;
      streams.add(res);
      res.once('close', () => streams.delete(res));
      return true;
    },
    /** Ends every open stream (graceful shutdown must not wait for them) and stops polling. */
    close(): void {
      closed = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      for (const res of streams) res.end();
      streams.clear();
      listeners.clear();
    },
  };
}

export type LiveHub = ReturnType<typeof liveHub>;
