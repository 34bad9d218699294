/**
 * The saved state as the page keeps it: after each change the worker sends what changed
 * (StateDelta) with its new layers packed into bytes, transferred rather than copied, so the
 * page's main thread never decodes thousands of file entries it only holds for a restart
 * (a Python build's layers are about 700 kB of entries). The page unpacks them only when it
 * restarts the engine after a cancel.
 */
import type { EngineState, StateDelta } from '../daemon/persist.ts';

type StoredLayers = EngineState['layers'];

/** A StateDelta whose layers travel as UTF-8 JSON. */
export interface PackedDelta {
  from: number;
  /** How many layers `layers` holds. */
  count: number;
  layers: Uint8Array;
  state: StateDelta['state'];
}

/** The saved state built from packed deltas: the latest rest, and each delta's layers. */
export interface PackedState {
  state: StateDelta['state'];
  chunks: Uint8Array[];
  /** Layers in all chunks. */
  count: number;
}

export function packDelta(delta: StateDelta): PackedDelta {
  return {
    from: delta.from,
    count: delta.layers.length,
    layers: new TextEncoder().encode(JSON.stringify(delta.layers)),
    state: delta.state,
  };
}

/**
 * The state after `delta`, or undefined when the delta does not follow `before` (the caller
 * keeps the older state then).
 */
export function applyPackedDelta(
  before: PackedState | undefined,
  delta: PackedDelta,
): PackedState | undefined {
  if (delta.from === 0) return { state: delta.state, chunks: [delta.layers], count: delta.count };
  if (!before || before.count !== delta.from) return undefined;
  return {
    state: delta.state,
    chunks: [...before.chunks, delta.layers],
    count: before.count + delta.count,
  };
}

export function unpackState(packed: PackedState): EngineState {
  const decoder = new TextDecoder();
  const layers: StoredLayers = packed.chunks.flatMap(
    (c) => JSON.parse(decoder.decode(c)) as StoredLayers,
  );
  return { ...packed.state, layers };
}

/** The buffers a message can hand over instead of copying (a packed delta's layers). */
export function transferables(message: { kind: string; delta?: PackedDelta }): ArrayBuffer[] {
  const buffer = message.delta?.layers.buffer;
  return buffer instanceof ArrayBuffer ? [buffer] : [];
}
