/**
 * Zoom and pan of the union picture: fit to the width at first (within readable bounds, larger
 * on a projector's larger root font), then the learner's drag, wheel, keys and buttons; and
 * which keys of the picture are new since the last render (they animate in, the rest do not).
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent,
  type RefObject,
} from 'react';

export interface Viewport {
  /** Scale and translation: screen = picture * k + t. */
  k: number;
  tx: number;
  ty: number;
}

/** The scale the page's root font implies: 1 at 16 px, more on a projector. */
function baseScale(): number {
  if (typeof document === 'undefined') return 1;
  const px = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(px) && px > 0 ? px / 16 : 1;
}

/** While presenting, the picture is never fitted below the projector's own text size. */
function presenting(): boolean {
  return typeof document !== 'undefined' && document.documentElement.dataset.present === 'on';
}

/**
 * Bounds of the scale. `fitMin`: the smallest scale a fit chooses to show more columns (the
 * rest of the width is a pan away); `floor`: the smallest it chooses to show the whole stack
 * in height, the base slab included (the picture's 13 px text at about 10 px, 11.7 px presenting).
 */
export function zoomBounds(base: number): {
  min: number;
  max: number;
  fitMin: number;
  floor: number;
} {
  const on = presenting();
  // At 150 % zoom (a 1920x1080 screen) a CSS pixel is 1.5 device pixels: 9.4 px text there is
  // as large on the screen as 14 px at 100 %.
  const dense = typeof window !== 'undefined' && window.devicePixelRatio >= 1.5;
  return {
    min: 0.35 * base,
    max: 2.5 * base,
    fitMin: (on ? 1 : 0.85) * base,
    floor: (on ? 0.8 : dense ? 0.72 : 0.76) * base,
  };
}

/** Keeps the picture from leaving the box: it can be moved until its far edge shows. */
export function clampView(
  v: Viewport,
  box: { w: number; h: number },
  content: { w: number; h: number },
): Viewport {
  const cw = content.w * v.k;
  const ch = content.h * v.k;
  const tx =
    cw <= box.w ? Math.min(Math.max(v.tx, 0), box.w - cw) : Math.min(0, Math.max(v.tx, box.w - cw));
  const ty = ch <= box.h ? 0 : Math.min(0, Math.max(v.ty, box.h - ch));
  return { k: v.k, tx, ty };
}

/**
 * The view that shows the whole stack, top to base, at a readable size, top-left aligned: the
 * height decides (down to `floor`; below it the top shows, the newest layers, and the base is
 * a pan away); the width shrinks it only down to `fitMin` (further columns are a pan away).
 */
export function fitView(
  box: { w: number; h: number },
  content: { w: number; h: number },
  base: number,
): Viewport {
  const { fitMin, floor, max } = zoomBounds(base);
  const tall = box.h / Math.max(1, content.h);
  const wide = box.w / Math.max(1, content.w);
  const k = Math.max(floor, Math.min(max * 0.6, tall, Math.max(fitMin, wide)));
  return clampView({ k, tx: 0, ty: 0 }, box, content);
}

export function useViewport(box: RefObject<HTMLDivElement | null>, width: number, height: number) {
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [view, setView] = useState<Viewport>({ k: 1, tx: 0, ty: 0 });
  const [dragging, setDragging] = useState(false);
  // Until the learner moves or zooms, the picture keeps fitting its box as it changes.
  const auto = useRef(true);
  const base = useRef(1);
  const content = useMemo(() => ({ w: width, h: height }), [width, height]);
  const latest = useRef({ size, content });
  latest.current = { size, content };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // The root font is read here, when the box changes, not at every step of the playback
    // (reading a computed style makes the browser recompute styles).
    const measure = () => {
      base.current = baseScale();
      setSize({ w: el.clientWidth, h: el.clientHeight });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);

  useEffect(() => {
    if (size.w === 0) return;
    setView((v) =>
      auto.current ? fitView(size, content, base.current) : clampView(v, size, content),
    );
  }, [size, content]);

  const zoomAt = useCallback((factor: number, at?: { x: number; y: number }) => {
    auto.current = false;
    setView((v) => {
      const { size: s, content: c } = latest.current;
      const { min, max } = zoomBounds(base.current);
      const k = Math.min(max, Math.max(min, v.k * factor));
      const p = at ?? { x: s.w / 2, y: s.h / 2 };
      // The point under the pointer stays where it is.
      const tx = p.x - ((p.x - v.tx) * k) / v.k;
      const ty = p.y - ((p.y - v.ty) * k) / v.k;
      return clampView({ k, tx, ty }, s, c);
    });
  }, []);

  const panBy = useCallback((dx: number, dy: number) => {
    auto.current = false;
    setView((v) => {
      const { size: s, content: c } = latest.current;
      return clampView({ k: v.k, tx: v.tx + dx, ty: v.ty + dy }, s, c);
    });
  }, []);

  // The wheel moves the picture (Ctrl or pinch zooms); native, so the page does not scroll too.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey)
        zoomAt(Math.exp(-e.deltaY / 300), { x: e.clientX - r.left, y: e.clientY - r.top });
      else if (e.shiftKey) panBy(-e.deltaY, 0);
      else panBy(-e.deltaX, -e.deltaY);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [box, zoomAt, panBy]);

  const drag = useRef<{ x: number; y: number; id: number; moved: boolean } | undefined>(undefined);
  const pointerHandlers = {
    onPointerDown: (e: PointerEvent) => {
      if (e.button !== 0) return;
      drag.current = { x: e.clientX, y: e.clientY, id: e.pointerId, moved: false };
    },
    onPointerMove: (e: PointerEvent) => {
      const d = drag.current;
      if (!d || d.id !== e.pointerId) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < 5) return;
      if (!d.moved) {
        d.moved = true;
        setDragging(true);
        (e.currentTarget as Element).setPointerCapture(e.pointerId);
      }
      d.x = e.clientX;
      d.y = e.clientY;
      panBy(dx, dy);
    },
    onPointerUp: (e: PointerEvent) => {
      const d = drag.current;
      drag.current = undefined;
      if (d?.moved) {
        setDragging(false);
        // A drag is not a click on the tile it ended on.
        const el = e.currentTarget;
        const stop = (c: Event) => c.stopPropagation();
        el.addEventListener('click', stop, { capture: true, once: true });
        setTimeout(() => el.removeEventListener('click', stop, { capture: true }), 0);
      }
    },
    onPointerCancel: () => {
      drag.current = undefined;
      setDragging(false);
    },
  };

  /** Moves the picture just enough for a box (picture units; x undefined: any x) to show. */
  const reveal = useCallback((b: { x?: number; y: number; w: number; h: number }) => {
    setView((v) => {
      const { size: s, content: c } = latest.current;
      const margin = 16;
      let { tx, ty } = v;
      if (b.x !== undefined) {
        const left = b.x * v.k + tx;
        const right = (b.x + b.w) * v.k + tx;
        if (left < margin) tx += margin - left;
        else if (right > s.w - margin) tx -= right - (s.w - margin);
      }
      const top = b.y * v.k + ty;
      const bottom = (b.y + b.h) * v.k + ty;
      if (top < margin) ty += margin - top;
      else if (bottom > s.h - margin) ty -= bottom - (s.h - margin);
      return clampView({ k: v.k, tx, ty }, s, c);
    });
  }, []);

  const fit = useCallback(() => {
    auto.current = true;
    const { size: s, content: c } = latest.current;
    setView(fitView(s, c, base.current));
  }, []);

  const zoomBy = useCallback((factor: number) => zoomAt(factor), [zoomAt]);

  return { view, size, dragging, pointerHandlers, reveal, fit, zoomBy };
}

/**
 * The keys that were not there on the previous render (none on the first): what just came
 * into the picture and should move in. Keys that come back into view by panning are old.
 */
export function useFresh(keys: readonly string[]): ReadonlySet<string> {
  const prev = useRef<Set<string> | undefined>(undefined);
  const fresh = useMemo(() => {
    const before = prev.current;
    if (!before) return new Set<string>();
    return new Set(keys.filter((k) => !before.has(k)));
    // The keys' identity changes with the picture, which is what matters.
  }, [keys]);
  useEffect(() => {
    prev.current = new Set(keys);
  }, [keys]);
  return fresh;
}
