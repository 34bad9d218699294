import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { keywordContext, keywordsOnLine } from './instructionAt.ts';

const state = (doc: string) => EditorState.create({ doc });

describe('keywordsOnLine', () => {
  it('finds the first word, and the word after ONBUILD', () => {
    const s = state('FROM alpine\n  onbuild RUN make');
    expect(keywordsOnLine(s, 0).map((k) => k.word)).toEqual(['FROM']);
    expect(keywordsOnLine(s, s.doc.line(2).from).map((k) => k.word)).toEqual(['onbuild', 'RUN']);
  });
  it('finds none on a line that continues the previous instruction, or a comment', () => {
    const s = state('RUN a \\\nRUN b\n# FROM');
    expect(keywordsOnLine(s, s.doc.line(2).from)).toEqual([]);
    expect(keywordsOnLine(s, s.doc.line(3).from)).toEqual([]);
  });
});

describe('keywordContext', () => {
  it('completes the first word of a line', () => {
    const s = state('FROM alpine\nwo');
    expect(keywordContext(s, s.doc.length)).toEqual({ from: 12, typed: 'wo' });
  });
  it('does not complete arguments or continuation lines', () => {
    expect(keywordContext(state('FROM alp'), 8)).toBeNull();
    const s = state('RUN a \\\n  ap');
    expect(keywordContext(s, s.doc.length)).toBeNull();
  });
});
