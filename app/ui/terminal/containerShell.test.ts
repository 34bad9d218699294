import { describe, expect, it } from 'vitest';
import { quote, shellPrompt } from './containerShell.ts';

describe('container shell in the terminal', () => {
  it("draws the shell's prompt: user, hostname, directory, # for root", () => {
    expect(shellPrompt({ user: 'root', hostname: '4d3c1e0a9b8f', cwd: '/etc' })).toBe(
      'root@4d3c1e0a9b8f:/etc# ',
    );
    expect(shellPrompt({ user: 'app', hostname: '4d3c1e0a9b8f', cwd: '/home/app' })).toBe(
      'app@4d3c1e0a9b8f:/home/app$ ',
    );
  });

  it('quotes words for the shell', () => {
    expect(quote("it's")).toBe(`'it'\\''s'`);
  });
});
