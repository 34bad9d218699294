import { describe, expect, it } from 'vitest';
import { labHref, lessonHref, previewHref, readLessonLink } from './deepLink.ts';

const at = (path: string) => new URL(path, 'https://lab.example');

describe('lesson links', () => {
  it('reads /lessons/<id>, ?lesson= with a 1-based step, and ?lessonUrl=', () => {
    expect(readLessonLink(at('/lessons/build-cache'))).toEqual({
      kind: 'lesson',
      id: 'build-cache',
      step: undefined,
    });
    expect(readLessonLink(at('/app/lessons/build-cache/?step=3'))).toEqual({
      kind: 'lesson',
      id: 'build-cache',
      step: 2,
    });
    expect(readLessonLink(at('/?lesson=registries&step=1'))).toEqual({
      kind: 'lesson',
      id: 'registries',
      step: 0,
    });
    expect(readLessonLink(at('/?lesson=registries&step=x')).kind).toBe('lesson');
    expect(readLessonLink(at('/?lessonUrl=https%3A%2F%2Fx.org%2Fa.md'))).toEqual({
      kind: 'url',
      url: 'https://x.org/a.md',
    });
    expect(readLessonLink(at('/?present=1'))).toEqual({ kind: 'none' });
  });

  it('writes links in the form the page was opened with, keeping other parameters', () => {
    expect(lessonHref(at('/?present=1'), 'build-cache', 1)).toBe(
      '/?present=1&lesson=build-cache&step=2',
    );
    expect(lessonHref(at('/lessons/build-cache?step=1'), 'cache-order', 0)).toBe(
      '/lessons/cache-order?step=1',
    );
    expect(labHref(at('/base/lessons/a?step=2&x=1'))).toBe('/base/?x=1');
    const shared = previewHref(at('/lessons/a'), 'https://x.org/l.md');
    expect(readLessonLink(new URL(shared))).toEqual({ kind: 'url', url: 'https://x.org/l.md' });
  });
});
