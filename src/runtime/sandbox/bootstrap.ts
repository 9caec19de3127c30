/**
 * The script that runs in the sandbox iframe. It is inlined into the srcdoc as the source text of
 * `sandboxBootstrap` (see srcdoc.ts), so it must be self-contained: no imports, no references to
 * anything outside the function. It only answers: it makes and ends classic Blob workers when the
 * driver asks, and hands each worker's MessagePort to the driver. It never runs user code itself.
 *
 * Protocol (driver side in sandboxLink.ts):
 * - page -> bootstrap, once: `{t: 'init', bundle}` with the control port in `ports[0]`;
 * - driver -> bootstrap: `{t: 'configure', code, lineCount}`, `{t: 'spawn', id}`, `{t: 'kill', id}`,
 *   `{t: 'ping', n}` (answered with `{t: 'pong', n}`: the driver's sign that the sandbox lives);
 *   `{t: 'spawn', id, code, lineCount, mode: 'space'}` starts a one-off worker running `code` (a
 *   space module to evaluate) instead of the configured objective;
 * - bootstrap -> driver: `{t: 'spawned', id}` with the worker's port, `{t: 'workerError', id, message, line?}`.
 */
export function sandboxBootstrap(): void {
  let control: MessagePort | undefined;
  let bundle = '';
  let url: string | undefined;
  let lineCount = 1;
  const workers = new Map<number, Worker>();

  const countLines = (text: string): number => {
    let lines = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
    return lines;
  };

  const configure = (code: string, lines: number): void => {
    const previous = url;
    // The new objective follows the bundle and one newline: its line 1 is the bundle's lines + 1
    // (spawn computes it from the bundle).
    lineCount = lines;
    url = URL.createObjectURL(new Blob([bundle, '\n', code], { type: 'text/javascript' }));
    // Workers of the previous run may still be loading from the old URL; revoke it later.
    if (previous !== undefined) setTimeout(() => URL.revokeObjectURL(previous), 30_000);
  };

  const spawn = (id: number, own?: { code: string; lineCount: number }): void => {
    if (control === undefined || workers.has(id)) return;
    let workerUrl = url;
    let lines = lineCount;
    const first = countLines(bundle) + 1;
    if (own !== undefined) {
      // A one-off module (a space to evaluate): its own Blob, revoked once the worker had time to load.
      workerUrl = URL.createObjectURL(new Blob([bundle, '\n', own.code], { type: 'text/javascript' }));
      lines = own.lineCount;
      const made = workerUrl;
      setTimeout(() => URL.revokeObjectURL(made), 30_000);
    }
    if (workerUrl === undefined) return;
    const port = control;
    // Classic, not module: module Blob workers fail to start in an opaque-origin sandbox.
    const worker = new Worker(workerUrl, { name: `${own === undefined ? 'trial' : 'space'}-${id}` });
    worker.onerror = (event) => {
      // Handled here so that it is not reported as an error of the page.
      event.preventDefault();
      const line = event.lineno > 0 ? event.lineno - first + 1 : 0;
      port.postMessage({
        t: 'workerError',
        id,
        message: String(event.message),
        line: line >= 1 && line <= lines ? line : undefined,
      });
    };
    const channel = new MessageChannel();
    worker.postMessage(
      { t: 'connect', firstLine: first, lineCount: lines, mode: own === undefined ? 'trial' : 'space' },
      [channel.port1],
    );
    port.postMessage({ t: 'spawned', id }, [channel.port2]);
    workers.set(id, worker);
  };

  const kill = (id: number): void => {
    workers.get(id)?.terminate();
    workers.delete(id);
  };

  const onControl = (event: MessageEvent): void => {
    const data = event.data as {
      t?: unknown;
      id?: unknown;
      n?: unknown;
      code?: unknown;
      lineCount?: unknown;
      mode?: unknown;
    } | null;
    if (data === null || typeof data !== 'object') return;
    if (data.t === 'configure' && typeof data.code === 'string' && typeof data.lineCount === 'number')
      configure(data.code, data.lineCount);
    else if (
      data.t === 'spawn' &&
      typeof data.id === 'number' &&
      data.mode === 'space' &&
      typeof data.code === 'string' &&
      typeof data.lineCount === 'number'
    )
      spawn(data.id, { code: data.code, lineCount: data.lineCount });
    else if (data.t === 'spawn' && typeof data.id === 'number') spawn(data.id);
    else if (data.t === 'kill' && typeof data.id === 'number') kill(data.id);
    else if (data.t === 'ping' && typeof data.n === 'number') control?.postMessage({ t: 'pong', n: data.n });
  };

  addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { t?: unknown; bundle?: unknown } | null;
    const port = event.ports[0];
    if (
      control !== undefined ||
      event.source !== parent ||
      data?.t !== 'init' ||
      typeof data.bundle !== 'string' ||
      port === undefined
    )
      return;
    bundle = data.bundle;
    control = port;
    control.onmessage = onControl;
  });
  // The page cannot name an opaque origin as target; '*' is safe here because this message carries
  // nothing but the fact that the bootstrap is listening.
  parent.postMessage({ t: 'hyperopt-sandbox-ready', v: 1 }, '*');
}
