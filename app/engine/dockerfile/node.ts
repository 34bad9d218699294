/**
 * One logical line of a Dockerfile split into an AstNode as BuildKit's newNodeFromLine does: the
 * instruction word, its `--flags`, then the arguments as that instruction splits them (JSON
 * arrays, name=value pairs, whitespace lists, HEALTHCHECK's own form). The line reader
 * (lines.ts) feeds it joined lines.
 */
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import type { AstNode, Word } from './ast.ts';
import type { JoinedLine, SourceText } from './source.ts';
import { extractFlags, isSpace, parseJsonArray, parseWords, splitWhitespace } from './words.ts';

/**
 * A word whose range is computed on first use: a long Dockerfile has tens of thousands of words
 * and most ranges are never read, so the parser keeps offsets and makes positions lazily.
 */
class SourceWord implements Word {
  private cached: SourceRange | undefined;
  constructor(
    readonly value: string,
    private readonly source: SourceText,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get range(): SourceRange {
    return (this.cached ??= this.source.range(this.start, this.end));
  }
}

export function trimSpan(s: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(s[start]!)) start++;
  while (end > start && isSpace(s[end - 1]!)) end--;
  return [start, end];
}

/** Splits joined lines into nodes; the diagnostics it finds are the parser's. */
export class NodeSplitter {
  readonly diagnostics: Diagnostic[] = [];
  /** The escape character (`# escape=` directive): `\\` or `` ` ``. */
  escape = '\\';

  constructor(readonly source: SourceText) {}

  protected diag(
    code: string,
    severity: Diagnostic['severity'],
    message: string,
    hint: string | undefined,
    range: SourceRange,
    docker?: string,
  ): void {
    this.diagnostics.push({
      code,
      severity,
      message,
      ...(hint !== undefined ? { hint } : {}),
      ...(docker !== undefined ? { docker } : {}),
      range,
    });
  }

  protected word(joined: JoinedLine, value: string, start: number, end: number): Word {
    const [s, e] = joined.sourceSpan(start, end);
    return new SourceWord(value, this.source, s, e);
  }

  /** newNodeFromLine: instruction word, flags, then the arguments as the instruction splits them. */
  node(joined: JoinedLine, comments: string[], offset = 0): AstNode | undefined {
    const line = joined.text;
    const [ls, le] = trimSpan(line, offset, line.length);
    if (ls === le) return undefined;
    const head = splitWhitespace(line.slice(ls, le), 2);
    const cmdSpan = head[0]!;
    const cmd = this.word(joined, cmdSpan.value, ls + cmdSpan.start, ls + cmdSpan.end);
    const keyword = cmdSpan.value.toUpperCase();
    let flags: Word[] = [];
    let restStart = le;
    if (head.length === 2) {
      const argsStart = ls + head[1]!.start;
      const argText = line.slice(argsStart, le);
      const ex = extractFlags(argText);
      flags = ex.flags.map((f) =>
        this.word(joined, f.value, argsStart + f.start, argsStart + f.end),
      );
      restStart = argsStart + ex.restStart;
    }
    const [rs, re] = trimSpan(line, restStart, le);
    const rest = this.word(joined, line.slice(rs, re), rs, re);
    const node: AstNode = {
      cmd,
      keyword,
      flags,
      args: [],
      json: false,
      rest,
      sub: undefined,
      heredocs: [],
      original: line.slice(ls, le),
      range: this.source.range(cmd.range.start.offset, rest.range.end.offset),
      comments,
    };
    const at = (s: number, e: number, v?: string) => this.word(joined, v ?? line.slice(s, e), s, e);
    const text = rest.value;
    const restWords = () =>
      text === '' ? [] : splitWhitespace(text).map((w) => at(rs + w.start, rs + w.end));
    const maybeJson = (toList: boolean) => {
      if (!toList && text === '') return;
      const j = parseJsonArray(text);
      if (j.ok) {
        node.json = true;
        node.args = j.values.map((v) => ({ value: v, range: rest.range }));
        return;
      }
      if (j.notStrings) {
        this.diag(
          'json-not-strings',
          'error',
          `The JSON array of ${keyword} may hold only strings in double quotes.`,
          'Write every element as a "string", e.g. ["echo", "hello"].',
          rest.range,
          'when using JSON array syntax, arrays must be comprised of strings only',
        );
        return;
      }
      if (j.looksLikeJson) {
        this.diag(
          'json-fallback',
          'warning',
          `This ${keyword} looks like a JSON array but is not valid JSON (${j.error}), so Docker runs it as a shell command instead.`,
          'Use double quotes around every element and commas between them: ["executable", "arg"].',
          rest.range,
        );
      }
      node.args = toList ? restWords() : [rest];
    };
    switch (keyword) {
      case 'ADD':
      case 'COPY':
      case 'VOLUME':
        maybeJson(true);
        break;
      case 'CMD':
      case 'ENTRYPOINT':
      case 'RUN':
      case 'SHELL':
        maybeJson(false);
        break;
      case 'EXPOSE':
      case 'FROM':
        node.args = restWords();
        break;
      case 'MAINTAINER':
      case 'STOPSIGNAL':
      case 'USER':
      case 'WORKDIR':
        node.args = text === '' ? [] : [rest];
        break;
      case 'ARG':
        node.args = parseWords(text, this.escape).map((w) => at(rs + w.start, rs + w.end, w.value));
        break;
      case 'ENV':
      case 'LABEL':
        this.nameValues(node, text, rs, at);
        break;
      case 'HEALTHCHECK':
        this.healthcheck(node, text, rs, at, joined);
        break;
      case 'ONBUILD': {
        if (text === '') break;
        const sub = this.node(joined, [], rs);
        if (sub) {
          node.sub = sub;
          if (sub.keyword === 'ONBUILD' || sub.keyword === 'FROM' || sub.keyword === 'MAINTAINER') {
            // checked in instructions.ts, with the other meaning checks
          }
        }
        break;
      }
      default:
        break;
    }
    return node;
  }

  private nameValues(
    node: AstNode,
    text: string,
    rs: number,
    at: (s: number, e: number, v?: string) => Word,
  ): void {
    const words = parseWords(text, this.escape);
    if (words.length === 0) return;
    const first = words[0]!;
    if (!first.value.includes('=')) {
      const parts = splitWhitespace(text, 2);
      if (parts.length < 2) {
        this.diag(
          'missing-value',
          'error',
          `${node.keyword} ${first.value} needs a value.`,
          `Write ${node.keyword} ${first.value}=value (or ${node.keyword} ${first.value}="" for an empty one).`,
          node.rest.range,
          `${node.keyword} must have two arguments`,
        );
        return;
      }
      const [k, v] = [parts[0]!, parts[1]!];
      node.args = [
        at(rs + k.start, rs + k.end),
        at(rs + v.start, rs + v.end),
        at(rs + v.end, rs + v.end, ''),
      ];
      return;
    }
    for (const w of words) {
      const eq = w.value.indexOf('=');
      if (eq === -1) {
        this.diag(
          'missing-equals',
          'error',
          `${w.value} has no "=": once one pair uses name=value, all of them must.`,
          `Write ${w.value}=value.`,
          at(rs + w.start, rs + w.end).range,
          `Syntax error - can't find = in ${JSON.stringify(w.value)}. Must be of the form: name=value`,
        );
        continue;
      }
      const keyEnd = rs + w.start + w.value.slice(0, eq).length;
      node.args.push(
        at(rs + w.start, keyEnd, w.value.slice(0, eq)),
        at(keyEnd + 1, rs + w.end, w.value.slice(eq + 1)),
        at(keyEnd, keyEnd + 1, '='),
      );
    }
  }

  private healthcheck(
    node: AstNode,
    text: string,
    rs: number,
    at: (s: number, e: number, v?: string) => Word,
    joined: JoinedLine,
  ): void {
    let sep = 0;
    while (sep < text.length && !isSpace(text[sep]!)) sep++;
    let next = sep;
    while (next < text.length && isSpace(text[next]!)) next++;
    if (sep === 0) return;
    node.args.push(at(rs, rs + sep));
    const cmd = text.slice(next);
    if (cmd === '') return;
    const j = parseJsonArray(cmd);
    if (j.ok) {
      node.json = true;
      const r = at(rs + next, rs + text.length).range;
      for (const v of j.values) node.args.push({ value: v, range: r });
      return;
    }
    if (j.notStrings) {
      this.diag(
        'json-not-strings',
        'error',
        'The JSON array of HEALTHCHECK CMD may hold only strings in double quotes.',
        'Write every element as a "string".',
        at(rs + next, rs + text.length).range,
        'when using JSON array syntax, arrays must be comprised of strings only',
      );
      return;
    }
    void joined;
    node.args.push(at(rs + next, rs + text.length));
  }
}
