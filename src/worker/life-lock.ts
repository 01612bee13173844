/**
 * Telling a page that its worker died. A worker holds a Web Lock named after itself for as long as it
 * lives; the page asks for the same lock once the worker has said it holds it, and is granted it
 * when the worker is gone, however it went (closed, crashed, ended by the browser). Nothing else
 * tells a page that a worker has stopped.
 */

/** In a worker: takes the lock named after the worker and keeps it; resolves once it is held. */
export function holdLifeLock(): Promise<void> {
  return new Promise((held) => {
    if (!navigator.locks) return held();
    void navigator.locks.request(self.name, () => {
      held();
      return new Promise<never>(() => undefined);
    });
  });
}

/**
 * In the page: calls `onDeath` when the worker named `name` has ended. Ask only after the worker has
 * said it holds its lock (else the page could be granted the lock first).
 */
export function watchLifeLock(name: string, onDeath: () => void): void {
  void navigator.locks?.request(name, async () => onDeath());
}

/** A fresh name for a worker (and its lock). `randomUUID` needs a secure context, which LAN http is not. */
export function workerName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
