import { describe, expect, it } from 'vitest';
import { LabSession } from '../engine/session/session.ts';
import { nodeImages } from '../node/images.ts';
import { STARTERS } from './starters.ts';

describe('starter projects', () => {
  it.each(STARTERS.map((s) => [s.name, s] as const))(
    '%s builds on the catalog images',
    async (_name, s) => {
      const images = await nodeImages();
      const session = new LabSession({ registry: images.registry, catalog: images.catalog });
      const view = session.build({
        dockerfile: s.dockerfile,
        files: s.files,
        builder: 'buildkit',
        noCache: false,
        buildArgs: {},
        tags: ['starter:1'],
      }).build;
      expect(view.output).not.toMatch(/ERROR/);
      expect(view.ok).toBe(true);
      expect(view.image?.layers.some((l) => !l.fromBase)).toBe(true);
    },
  );
});
