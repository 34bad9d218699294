import type { Locator } from '@playwright/test';
import { Playback } from './build.ts';
import { CachePanel, FilesystemPanel } from './inspectors.ts';
import { LayerStack } from './layers.ts';
import type { Root } from './root.ts';

/**
 * An embedded lab (`embed.html`, on its own or in a tutorial page's iframe): the panels it was
 * asked for, found inside it, and its own notices and Build button.
 */
export class EmbedLab {
  readonly playback: Playback;
  readonly layers: LayerStack;
  readonly fs: FilesystemPanel;
  readonly cache: CachePanel;
  readonly editorPanel: Locator;
  readonly notices: Locator;
  readonly build: Locator;

  constructor(readonly root: Root) {
    this.playback = new Playback(root);
    this.layers = new LayerStack(root);
    this.fs = new FilesystemPanel(root);
    this.cache = new CachePanel(root);
    this.editorPanel = root.getByTestId('panel.editor');
    this.notices = root.getByTestId('embed.notice');
    this.build = root.getByTestId('embed.build');
  }
}
