/**
 * Main thread: creates the sandbox iframe in the page and connects it to the driver. The page is
 * only the matchmaker: it hands the bootstrap the trial worker bundle and one end of a control
 * channel, gives the other end to the driver, and from then on listens to nothing from the
 * sandbox, so messages the sandbox (or anything else) posts to the page are ignored.
 */
import { makeNonce, sandboxSrcdoc } from './srcdoc';

/** The sandbox did not start; the message says what to do. */
export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

export interface Sandbox {
  /** The driver's end of the control channel (transfer it to the driver). */
  controlPort: MessagePort;
  /** Removes the iframe, which ends every worker in it. */
  dispose(): void;
}

function fail(message: string): SandboxUnavailableError {
  return new SandboxUnavailableError(
    `${message} Reload the page; if it keeps failing, this browser may block sandboxed workers.`,
  );
}

/** Fetches the trial worker bundle (same origin) as text. */
async function fetchBundle(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw fail(`The trial worker bundle could not be loaded (HTTP ${response.status}).`);
  return response.text();
}

/**
 * Creates the sandbox iframe and resolves once its bootstrap holds the control channel.
 *
 * @param bundleUrl the trial worker bundle asset (runtime + curated libraries).
 */
export async function createSandbox(doc: Document, bundleUrl: string, deadlineMs = 15_000): Promise<Sandbox> {
  const bundle = await fetchBundle(bundleUrl);
  const iframe = doc.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('title', 'Trial sandbox (runs your objective)');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.className = 'trial-sandbox';
  iframe.srcdoc = sandboxSrcdoc(makeNonce((bytes) => crypto.getRandomValues(bytes)));
  const view = doc.defaultView;
  if (view === null) throw fail('The page has no window for the sandbox.');

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      view.removeEventListener('message', onMessage);
      reject(fail(`The sandbox did not start within ${deadlineMs / 1000} s.`));
    }, deadlineMs);
    function onMessage(event: MessageEvent): void {
      // Only the iframe's own window, and only its one announcement, is listened to.
      if (event.source !== iframe.contentWindow) return;
      const data = event.data as { t?: unknown; v?: unknown } | null;
      if (data?.t !== 'hyperopt-sandbox-ready' || data.v !== 1) return;
      clearTimeout(timer);
      view!.removeEventListener('message', onMessage);
      resolve();
    }
    view.addEventListener('message', onMessage);
  });
  doc.body.appendChild(iframe);
  try {
    await ready;
  } catch (error) {
    iframe.remove();
    throw error;
  }
  const channel = new MessageChannel();
  // An opaque origin cannot be named as targetOrigin; the iframe cannot navigate (sandboxed, no
  // allow-top-navigation or allow-popups), so its window is still the bootstrap we created.
  iframe.contentWindow!.postMessage({ t: 'init', bundle }, '*', [channel.port2]);
  return {
    controlPort: channel.port1,
    dispose() {
      channel.port1.close();
      iframe.remove();
    },
  };
}
