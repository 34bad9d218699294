import { describe, expect, it } from 'vitest';
import type { BuildInput } from './types.ts';
import { rehearsalTexts, rehearse } from './rehearsal.ts';

const DF = [
  'ARG V=12',
  'FROM debian:$V AS base',
  'RUN apt-get update && \\',
  '    apt-get install -y curl',
  'ENV A=1',
  'COPY <<EOF /hello',
  'hi',
  'EOF',
  'CMD ["sh"]',
  '',
].join('\n');

describe('rehearsal', () => {
  it('cuts the Dockerfile after each FROM, RUN, COPY and ADD, whole instructions, the whole text last', () => {
    expect(rehearsalTexts(DF)).toEqual([
      'ARG V=12\nFROM debian:$V AS base',
      'ARG V=12\nFROM debian:$V AS base\nRUN apt-get update && \\\n    apt-get install -y curl',
      'ARG V=12\nFROM debian:$V AS base\nRUN apt-get update && \\\n    apt-get install -y curl\nENV A=1\nCOPY <<EOF /hello\nhi\nEOF',
      DF,
    ]);
  });

  it('keeps a Dockerfile without instructions to cut whole', () => {
    expect(rehearsalTexts('')).toEqual(['']);
    expect(rehearsalTexts('FROM scratch')).toEqual(['FROM scratch']);
  });

  it('builds one piece per step of the iteration, and nothing more when stopped', () => {
    const built: BuildInput[] = [];
    const scratch = {
      build: (input: BuildInput) => {
        built.push(input);
        if (built.length === 2) throw new Error('a piece that fails does not stop the others');
      },
    };
    const files = [{ path: 'a', content: 'x' }];
    const pieces = rehearse(scratch, { dockerfile: DF, files });
    expect(built).toHaveLength(0);
    pieces.next();
    expect(built.map((b) => b.dockerfile)).toEqual([rehearsalTexts(DF)[0]]);
    expect(built[0]).toMatchObject({ files, builder: 'buildkit', noCache: false, tags: [] });
    pieces.next();
    pieces.next();
    expect(built).toHaveLength(3);
    // Stopped here: the last piece is never built.
    pieces.return();
    expect(pieces.next().done).toBe(true);
    expect(built).toHaveLength(3);
  });
});
