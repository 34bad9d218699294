import { describe, expect, it } from 'vitest';
import { debianFs, sh } from '../testing/helpers.ts';
import { importedModules } from './python-code.ts';

/** A filesystem with python3 and a little of its standard library. */
function pythonFs() {
  const fs = debianFs();
  sh(
    'mkdir -p /usr/lib/python3.11/json /usr/local/lib/python3.11/site-packages/flask && ' +
      'touch /usr/lib/python3.11/json/__init__.py /usr/lib/python3.11/os.py ' +
      '/usr/local/lib/python3.11/site-packages/flask/__init__.py && ' +
      'printf "" > /usr/bin/python3 && chmod 755 /usr/bin/python3',
    { fs },
  );
  return fs;
}

describe('python3 -c', () => {
  it('finds what import names: built-ins, the standard library, site-packages', () => {
    const r = sh(
      `python3 -c "import sys, json; import os.path; from flask import Flask; print('ok')"`,
      {
        fs: pythonFs(),
      },
    );
    expect(r).toMatchObject({ stdout: 'ok\n', stderr: '', exitCode: 0 });
  });

  it('fails as Python does when a module is not installed', () => {
    const r = sh('python3 -c "import requests"; echo "status $?"', { fs: pythonFs() });
    expect(r.stderr).toBe(
      `Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nModuleNotFoundError: No module named 'requests'\n`,
    );
    expect(r.stdout).toBe('status 1\n');
  });

  it('says what it did not run instead of printing nothing silently', () => {
    const r = sh('python3 -c "import flask; print(flask.__version__)"', { fs: pythonFs() });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(
      '(the simulator does not run Python code: `print(flask.__version__)` was skipped)\n',
    );
  });

  it('reads the module names of import statements', () => {
    expect(importedModules('import a.b as c, d\nfrom e.f import g; from . import h')).toEqual([
      'a',
      'd',
      'e',
    ]);
  });
});
