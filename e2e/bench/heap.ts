// Peak memory of the page and of its engine worker while something runs, sampled through the
// Chrome DevTools Protocol: a CDP session on the page auto-attaches to its dedicated worker
// (Target.setAutoAttach, not flattened, so commands go through Target.sendMessageToTarget), and
// both answer Runtime.getHeapUsage: usedSize (the JS heap) and backingStorageSize (the bytes of
// ArrayBuffers, where file slices and layer blobs live). A heap is sampled every 100 ms; the
// inspector answers between a busy worker's statements, so a long synchronous read is sampled too.
import type { CDPSession, Page } from '@playwright/test';

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/** One heap's peak: the JS heap, ArrayBuffer backing stores, and their sum, in bytes. */
export interface Peak {
  heap: number;
  buffers: number;
  total: number;
  samples: number;
}

export interface HeapSampler {
  /** Stops sampling; the peaks of the page's heap and of the worker's. */
  stop(): Promise<{ page: Peak; worker: Peak | undefined }>;
}

const peak = (): Peak => ({ heap: 0, buffers: 0, total: 0, samples: 0 });

function record(p: Peak, u: HeapUsage) {
  const buffers = u.backingStorageSize ?? 0;
  p.heap = Math.max(p.heap, u.usedSize);
  p.buffers = Math.max(p.buffers, buffers);
  p.total = Math.max(p.total, u.usedSize + buffers);
  p.samples++;
}

/** Starts sampling the page's heap and its (first) worker's. */
export async function sampleHeaps(page: Page): Promise<HeapSampler> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const answers = new Map<number, (u: HeapUsage | undefined) => void>();
  let worker: string | undefined;
  let next = 0;
  session.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') worker ??= e.sessionId;
  });
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: HeapUsage };
    if (m.id !== undefined) answers.get(m.id)?.(m.result);
  });
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const askWorker = (sessionId: string) =>
    new Promise<HeapUsage | undefined>((resolve) => {
      const id = ++next;
      answers.set(id, (u) => {
        answers.delete(id);
        resolve(u);
      });
      void session
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => answers.get(id)?.(undefined));
    });
  const pagePeak = peak();
  const workerPeak = peak();
  let running = true;
  const loop = (async () => {
    while (running) {
      const [p, w] = await Promise.all([
        session.send('Runtime.getHeapUsage').catch(() => undefined),
        worker ? askWorker(worker) : undefined,
      ]);
      if (p) record(pagePeak, p);
      if (w) record(workerPeak, w);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await session.detach().catch(() => undefined);
      return { page: pagePeak, worker: workerPeak.samples > 0 ? workerPeak : undefined };
    },
  };
}

/** Bytes as MB with one decimal. */
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
