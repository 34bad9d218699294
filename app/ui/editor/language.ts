import { StreamLanguage } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';

/** Dockerfile highlighting: keywords, strings, comments, variables. Diagnostics come from our parser. */
export const dockerfileLanguage = StreamLanguage.define(dockerFile);
