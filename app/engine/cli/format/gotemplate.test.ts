import { describe, expect, it } from 'vitest';
import { goString, renderTemplate } from './gotemplate.ts';

const image = {
  ID: 'sha256:abc',
  Repository: 'app',
  Tag: 'latest',
  Config: { Env: ['PATH=/bin', 'A=1'], Labels: { b: '2', a: '1' }, Cmd: null },
  RootFS: { Layers: ['sha256:1', 'sha256:2'] },
};

describe('Go templates for --format', () => {
  it('reads fields and chains', () => {
    expect(renderTemplate('{{.Repository}}:{{.Tag}}', image)).toBe('app:latest');
    expect(renderTemplate('{{.Config.Env}}', image)).toBe('[PATH=/bin A=1]');
    expect(renderTemplate('{{.Config.Labels}}', image)).toBe('map[a:1 b:2]');
    expect(renderTemplate('{{.Config.Cmd}}', image)).toBe('<nil>');
  });
  it('applies docker functions and pipelines', () => {
    expect(renderTemplate('{{json .RootFS.Layers}}', image)).toBe('["sha256:1","sha256:2"]');
    expect(renderTemplate('{{.Repository | upper}}', image)).toBe('APP');
    expect(renderTemplate('{{join .Config.Env ","}}', image)).toBe('PATH=/bin,A=1');
    expect(renderTemplate('{{len .RootFS.Layers}}', image)).toBe('2');
    expect(renderTemplate('{{truncate .ID 10}}', image)).toBe('sha256:abc');
    expect(renderTemplate('{{index .Config.Labels "a"}}', image)).toBe('1');
  });
  it('runs range, if/else and with blocks', () => {
    expect(renderTemplate('{{range .RootFS.Layers}}{{println .}}{{end}}', image)).toBe(
      'sha256:1\nsha256:2\n',
    );
    expect(renderTemplate('{{if .Config.Cmd}}cmd{{else}}none{{end}}', image)).toBe('none');
    expect(renderTemplate('{{with .Config}}{{len .Env}}{{end}}', image)).toBe('2');
    expect(renderTemplate('{{if eq .Tag "latest"}}yes{{end}}', image)).toBe('yes');
  });
  it('reports unknown functions and unbalanced blocks as template errors', () => {
    expect(() => renderTemplate('{{nosuch .ID}}', image)).toThrow(/function "nosuch" not defined/);
    expect(() => renderTemplate('{{if .ID}}x', image)).toThrow(/missing \{\{end\}\}/);
    expect(() => renderTemplate('{{.ID.X}}', image)).toThrow(/can't evaluate field X/);
  });
  it('prints values as Go does', () => {
    expect(goString([1, 'a'])).toBe('[1 a]');
    expect(goString(undefined)).toBe('<no value>');
  });
});
