import type { Locator } from '@playwright/test';
import type { Root } from './root.ts';

/** One of the inspector's tabs (Filesystem, Build cache, Container, Images) and its panel. */
class Inspector {
  readonly tab: Locator;
  readonly region: Locator;

  constructor(
    readonly root: Root,
    title: string,
  ) {
    this.tab = root
      .getByRole('tablist', { name: 'Inspect the image' })
      .getByRole('tab', { name: title, exact: true });
    this.region = root.getByRole('region', { name: title, exact: true });
  }

  async open() {
    await this.tab.click();
  }
}

/** Why each step hit or missed the cache, side by side with the build before. */
export class CachePanel extends Inspector {
  constructor(root: Root) {
    super(root, 'Build cache');
  }

  /** A row of the comparison (`File app.py`). */
  row(name: string | RegExp): Locator {
    return this.region.getByRole('row', { name });
  }
}

/** The union filesystem at the selected step: tree, a layer's own changes, a file's text. */
export class FilesystemPanel extends Inspector {
  readonly merged: Locator;
  readonly layerChanges: Locator;
  readonly layer: Locator;
  readonly filter: Locator;
  readonly tree: Locator;
  readonly changes: Locator;
  readonly viewer: Locator;
  /** Said before the build's first step has played. */
  readonly notPlayed: Locator;

  constructor(root: Root) {
    super(root, 'Filesystem');
    this.merged = this.region.getByRole('radio', { name: /Merged/ });
    this.layerChanges = this.region.getByRole('radio', { name: 'This layer’s changes' });
    this.layer = this.region.getByRole('combobox', { name: 'Layer' });
    this.filter = this.region.getByRole('searchbox', { name: 'Filter paths' });
    this.tree = this.region.getByRole('tree');
    this.changes = this.region.getByTestId('fs.changes');
    this.viewer = this.region.getByTestId('fs.viewer');
    this.notPlayed = this.region.getByTestId('fs.not-played');
  }

  entry(name: string | RegExp): Locator {
    return this.region.getByRole('treeitem', { name });
  }
}

/** A container's thin writable layer: what it added, changed and hid. */
export class ContainerPanel extends Inspector {
  readonly diff: Locator;

  constructor(root: Root) {
    super(root, 'Container');
    this.diff = this.region.getByTestId('container.diff');
  }
}

/** The images the engine holds, as `docker images` lists them. */
export class ImagesPanel extends Inspector {
  readonly items: Locator;
  /** The "Load an image…" button's file input (hidden; a learner picks through the button). */
  readonly loadInput: Locator;
  /** The panel as a drop target for a `docker save` tar. */
  readonly dropZone: Locator;
  /** The archives kept in the browser across reloads, with the space they take. */
  readonly kept: Locator;

  constructor(root: Root) {
    super(root, 'Images');
    this.kept = this.region.getByRole('region', { name: 'Kept in this browser' });
    this.items = this.region.getByTestId('images.item');
    this.loadInput = this.region.getByLabel('A docker save tar to load');
    this.dropZone = this.region.getByTestId('images.drop');
  }

  /** The card of the image tagged `name`. */
  item(name: string): Locator {
    return this.items.filter({ hasText: name });
  }

  /** Picks the file at `path` with the panel's file picker. */
  async pick(path: string) {
    await this.loadInput.setInputFiles(path);
  }

  /** Drops a file named `name` holding `bytes` on the panel, as a drag from the desktop does. */
  async drop(name: string, bytes: Uint8Array) {
    await dropFile(this.dropZone, name, bytes);
  }
}

/**
 * Drags a file named `name` holding `bytes` onto `target` and drops it there, as a drag from
 * the desktop does (dragenter, dragover, drop); `hold` runs while the file is over the page.
 */
export async function dropFile(
  target: Locator,
  name: string,
  bytes: Uint8Array,
  hold?: () => Promise<void>,
) {
  const transfer = await target.evaluateHandle(
    (_, { data, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name));
      return dt;
    },
    { data: [...bytes], name },
  );
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await hold?.();
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}
