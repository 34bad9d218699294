import { useEffect, useState } from 'react';

export interface LiveRegionProps {
  /** What to announce; announced again only when it changes. */
  message: string;
  politeness?: 'polite' | 'assertive';
  /** Waits this long for the message to settle, so typing does not chatter (ms). */
  settleMs?: number;
}

/**
 * A visually hidden live region: screen readers announce its text when it changes, sighted
 * users see the same information elsewhere on the page.
 */
export function LiveRegion({ message, politeness = 'polite', settleMs = 0 }: LiveRegionProps) {
  // Starts with the current message, so what is already on screen at load is not announced.
  const [spoken, setSpoken] = useState(message);
  useEffect(() => {
    const id = setTimeout(() => setSpoken(message), settleMs);
    return () => clearTimeout(id);
  }, [message, settleMs]);
  return (
    <div className="visually-hidden" role="status" aria-live={politeness} aria-atomic="true">
      {spoken}
    </div>
  );
}
