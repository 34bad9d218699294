import { describe, expect, it } from 'vitest';
import { buildLogPieces } from './buildLog.ts';

// Docker 28.5's output of a failed RUN (BuildKit --progress=plain, and the legacy builder).
const BUILDKIT = [
  '#5 [2/2] RUN apt-get install -y curl',
  '#5 0.100 E: Unable to locate package curl',
  '#5 ERROR: process "/bin/sh -c apt-get install -y curl" did not complete successfully: exit code: 100',
  '------',
  ' > [2/2] RUN apt-get install -y curl:',
  '------',
  'ERROR: failed to build: failed to solve: process "/bin/sh -c apt-get install -y curl" did not complete successfully: exit code: 100',
  '',
].join('\n');
const CLASSIC = [
  'Step 2/2 : RUN apt-get install -y curl',
  'E: Unable to locate package curl',
  "The command '/bin/sh -c apt-get install -y curl' returned a non-zero code: 100",
  '',
].join('\n');

describe('buildLogPieces', () => {
  it('prints a build that worked in the normal colours, all of it', () => {
    expect(buildLogPieces(BUILDKIT, false, 'buildkit')).toEqual([{ text: BUILDKIT, error: false }]);
  });
  it('marks only BuildKit’s ERROR lines of a failed build', () => {
    const red = buildLogPieces(BUILDKIT, true, 'buildkit')
      .filter((p) => p.error)
      .map((p) => p.text);
    expect(red).toEqual([
      expect.stringMatching(/^#5 ERROR: process/),
      expect.stringMatching(/^ERROR: failed to build/),
    ]);
    expect(
      buildLogPieces(BUILDKIT, true, 'buildkit')
        .map((p) => p.text)
        .join(''),
    ).toBe(BUILDKIT);
  });
  it('marks the legacy builder’s last line, where it says why it stopped', () => {
    const pieces = buildLogPieces(CLASSIC, true, 'classic');
    expect(pieces.filter((p) => p.error).map((p) => p.text)).toEqual([
      "The command '/bin/sh -c apt-get install -y curl' returned a non-zero code: 100\n",
    ]);
  });
});
