import { describe, expect, it } from 'vitest';
import { decodeLessonFile, encodeLessonFile, isLessonFragment } from './lessonLink.ts';

describe('lesson share links', () => {
  it('carry a lesson file through the fragment unchanged', () => {
    const text = '---\n{ "id": "x" }\n---\nIntro — with “quotes”.\n\n## Step\n';
    const fragment = encodeLessonFile(text)!;
    expect(isLessonFragment(`#${fragment}`)).toBe(true);
    expect(isLessonFragment('#lab=v1.abc')).toBe(false);
    expect(decodeLessonFile(`#${fragment}`)).toEqual({ ok: true, text });
  });

  it('say what is wrong with a damaged or foreign link', () => {
    const fragment = encodeLessonFile('---\n{}\n---\n')!;
    expect(decodeLessonFile(fragment.slice(0, 20))).toMatchObject({ ok: false });
    expect(decodeLessonFile('lessonfile=v1.a*b')).toEqual({
      ok: false,
      message: 'This lesson link is damaged: it has characters a link never has.',
    });
    expect(decodeLessonFile('lessonfile=v9.abc')).toMatchObject({
      ok: false,
      message: expect.stringContaining('another version'),
    });
  });

  it('refuse a lesson too long for a link', () => {
    let noise = '';
    for (let i = 0; noise.length < 40_000; i++) noise += `${(i * 2654435761) % 1000003} `;
    expect(encodeLessonFile(noise)).toBeUndefined();
  });
});
