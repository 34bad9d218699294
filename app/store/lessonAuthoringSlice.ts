/**
 * For teachers: lesson files loaded from disk or an https URL, checked by the same schema as the
 * course's, and previewed in the lab; what is wrong with one, as `file: field: reason` lines.
 */
import type { StateCreator } from 'zustand';
import type { LabState } from './state.ts';

// The lesson loader and its schema are needed only once a lesson is opened: their own chunk.
const lessonCode = () => import('../engine/lessons/index.ts');

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface LessonAuthoringSlice {
  /** Problems with a lesson file or URL being loaded, one sentence each. */
  authoringErrors: string[];
  /** Parses lesson Markdown (a file or a URL's text) and previews it; errors go to authoringErrors. */
  previewLesson: (file: string, text: string) => Promise<boolean>;
  /** A lesson that could not be read at all (a damaged share link): says why; returns false. */
  authoringProblem: (message: string) => false;
  /** Fetches a lesson from an https URL and previews it. */
  previewLessonUrl: (url: string) => Promise<boolean>;
}

export interface LessonAuthoringOptions {
  /** fetch, for lessons loaded from a URL. */
  fetch?: (url: string) => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>;
}

export const createLessonAuthoringSlice =
  (options: LessonAuthoringOptions): StateCreator<LabState, [], [], LessonAuthoringSlice> =>
  (set, get) => {
    const doFetch = options.fetch ?? ((url: string) => fetch(url));
    return {
      authoringErrors: [],

      previewLesson: async (file, text) => {
        const { parseLesson, formatLessonError } = await lessonCode();
        const r = parseLesson(file, text);
        if (!r.ok) {
          set({ authoringErrors: r.errors.map(formatLessonError) });
          return false;
        }
        await get().showPreview(r.lesson);
        return true;
      },

      authoringProblem: (message) => {
        set({ authoringErrors: [message] });
        return false;
      },

      previewLessonUrl: async (url) => {
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          set({ authoringErrors: [`${url}: not a URL; give a full https:// address.`] });
          return false;
        }
        if (parsed.protocol !== 'https:') {
          set({ authoringErrors: [`${url}: lessons load only from https:// addresses.`] });
          return false;
        }
        try {
          const res = await doFetch(parsed.href);
          if (!res.ok) {
            set({ authoringErrors: [`${url}: the server answered ${res.status}.`] });
            return false;
          }
          return await get().previewLesson(parsed.href, await res.text());
        } catch (e) {
          set({
            authoringErrors: [
              `${url}: could not be fetched (${message(e)}). The server must let other sites read the file (CORS).`,
            ],
          });
          return false;
        }
      },
    };
  };
