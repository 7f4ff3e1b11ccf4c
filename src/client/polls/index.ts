/**
 * Live poll results: listens to the page's event stream (`[data-poll-stream]`) and puts each
 * `results` event's HTML (rendered by the server, the same markup as the page) in place of
 * `#poll-results`. A polite status message says the results changed, once per update.
 * Without this island the page offers a refresh link; nothing else depends on it.
 */
interface ResultsEvent {
  version: number;
  status: string;
  html: string;
}

function isResultsEvent(value: unknown): value is ResultsEvent {
  const v = value as ResultsEvent;
  return !!v && typeof v === 'object' && typeof v.version === 'number' && typeof v.status === 'string' && typeof v.html === 'string';
}

function start(live: HTMLElement): void {
  const stream = live.dataset.pollStream;
  const target = live.querySelector<HTMLElement>('#poll-results');
  const status = live.querySelector<HTMLElement>('#poll-live-status');
  if (!stream || !target) return;
  const source = new EventSource(`${stream}?v=${encodeURIComponent(live.dataset.pollVersion ?? '0')}`);
  source.addEventListener('results', (event) => {
    let data: unknown;
    try {
      data = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return;
    }
    if (!isResultsEvent(data)) return;
    live.dataset.pollVersion = String(data.version);
    // Server-rendered, escaped markup from this origin (the same as the page's own).
    target.innerHTML = data.html;
    if (status) status.textContent = (data.status === 'open' ? status.dataset.updated : status.dataset.closed) ?? '';
    if (data.status !== 'open') source.close();
  });
}

for (const live of document.querySelectorAll<HTMLElement>('[data-poll-stream]')) start(live);
