import { describe, expect, it } from 'vitest';
import { debianFs, sh } from '../testing/helpers.ts';

/** Node at /usr/bin/node and an app with express installed under /app/node_modules. */
function nodeFs() {
  const fs = debianFs();
  sh(
    'mkdir -p /app/node_modules/express /app/lib && touch /app/node_modules/express/index.js /app/lib/util.js && ' +
      'printf "" > /usr/bin/node && chmod 755 /usr/bin/node',
    { fs },
  );
  return fs;
}

describe('node -e', () => {
  it('finds built-ins, relative files and node_modules up from the current directory', () => {
    const r = sh(
      `cd /app/lib && node -e "require('fs'); require('node:path'); require('express'); require('./util'); console.log('ok')"`,
      { fs: nodeFs() },
    );
    expect(r).toMatchObject({ stdout: 'ok\n', stderr: '', exitCode: 0 });
  });

  it('fails as Node does when a package is not installed', () => {
    const r = sh(`cd /app && node -e "require('lodash')"; echo "status $?"`, { fs: nodeFs() });
    expect(r.stderr).toContain(
      "Error: Cannot find module 'lodash'\nRequire stack:\n- /app/[eval]\n",
    );
    expect(r.stdout).toBe('status 1\n');
  });

  it('says what it did not run', () => {
    const r = sh(`node -e "console.log(1 + 1)"`, { fs: nodeFs() });
    expect(r.stderr).toBe(
      '(the simulator does not run JavaScript: `console.log(1 + 1)` was skipped)\n',
    );
  });

  it('reports the version of the Node it finds: the official image’s, else Debian’s', () => {
    expect(sh('node --version', { fs: nodeFs() }).stdout).toMatch(/^v18\.\d+\.\d+\n$/);
    const official = nodeFs();
    sh('mkdir -p /usr/local/bin && printf "" > /usr/local/bin/node', { fs: official });
    expect(sh('NODE_VERSION=20.20.2 node --version', { fs: official }).stdout).toBe('v20.20.2\n');
  });
});
