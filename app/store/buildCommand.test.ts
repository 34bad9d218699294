import { describe, expect, it } from 'vitest';
import { buildCommand, buildFlags } from './buildCommand.ts';

describe('buildCommand', () => {
  it('says what the Build button runs, as it would be typed', () => {
    expect(
      buildCommand({ builder: 'buildkit', noCache: false, tag: 'app:latest', buildArgs: [] }),
    ).toBe('docker build -t app:latest .');
    expect(
      buildCommand({
        builder: 'classic',
        noCache: true,
        tag: ' app:1 ',
        buildArgs: [
          { name: 'MODE', value: 'prod' },
          { name: 'MSG', value: "it's on" },
          { name: ' ', value: 'ignored' },
        ],
      }),
    ).toBe(
      `DOCKER_BUILDKIT=0 docker build --no-cache -t app:1 --build-arg MODE=prod --build-arg 'MSG=it'\\''s on' .`,
    );
  });
  it('leaves out what is not set', () => {
    expect(buildFlags({ builder: 'buildkit', noCache: false, tag: '', buildArgs: [] })).toBe('');
    expect(buildCommand({ builder: 'buildkit', noCache: false, tag: '', buildArgs: [] })).toBe(
      'docker build .',
    );
  });
});
