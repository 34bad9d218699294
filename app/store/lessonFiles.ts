import type { SourceFile } from '../engine/lessons/index.ts';

/** The lesson files, bundled by Vite: fetched when the course is first needed. */
export async function bundledLessonFiles(): Promise<SourceFile[]> {
  const md = import.meta.glob<string>('/lessons/*.md', {
    query: '?raw',
    import: 'default',
    eager: false,
  });
  const index = import.meta.glob<string>('/lessons/index.json', {
    query: '?raw',
    import: 'default',
    eager: false,
  });
  return Promise.all(
    Object.entries({ ...md, ...index }).map(async ([path, load]) => ({
      path: path.replace(/^\//, ''),
      text: await load(),
    })),
  );
}
