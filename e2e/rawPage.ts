import type { Browser } from '@playwright/test';

/**
 * Evaluates expressions in a page over a raw DevTools session. Needed after a sandbox crash: the
 * sandbox iframe runs in its own renderer process, and when that process dies Playwright reports
 * the whole page as crashed and refuses further calls, although the app itself is still running.
 */
export async function rawPageEvaluator(browser: Browser, urlPart: string) {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: { type: string; url: string; targetId: string }[];
  };
  const target = targetInfos.find((info) => info.type === 'page' && info.url.includes(urlPart));
  if (target === undefined) throw new Error(`no page target with ${urlPart}`);
  const { sessionId } = (await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse((event as { message: string }).message) as {
      id?: number;
      result?: { result?: { value?: unknown } };
    };
    if (message.id !== undefined) pending.get(message.id)?.(message.result?.result?.value);
  });
  return (expression: string): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const message = JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true },
      });
      void session.send('Target.sendMessageToTarget', { sessionId, message });
      setTimeout(() => resolve(undefined), 2000);
    });
}
