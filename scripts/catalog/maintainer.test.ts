import { describe, expect, it } from 'vitest';
import { pyEntries, pycompileSteps } from './maintainer.mjs';

describe('pycompileSteps', () => {
  it('reads dh_python3 calls, with and without a directory', () => {
    expect(
      pycompileSteps(
        'if which py3compile >/dev/null 2>&1; then\n\tpy3compile -p python3-six \nfi\n',
      ),
    ).toEqual(['python3-six /usr/lib/python3']);
    expect(pycompileSteps('\tpy3compile -p python3 /usr/share/python3/\n')).toEqual([
      'python3 /usr/share/python3',
    ]);
  });

  it("reads python3.x's dpkg -L | sed | py_compile.py form", () => {
    const postinst = `    files=$(dpkg -L libpython3.11-stdlib:amd64 | sed -n '/^\\/usr\\/lib\\/python3.11\\/.*\\.py$/p')
    if [ -n "$files" ]; then
\t/usr/bin/python3.11 -E -S /usr/lib/python3.11/py_compile.py $files
    fi`;
    expect(pycompileSteps(postinst)).toEqual(['libpython3.11-stdlib /usr/lib/python3.11']);
  });

  it('finds nothing in a script that does not byte-compile', () => {
    expect(pycompileSteps('#!/bin/sh\nset -e\nldconfig\n')).toEqual([]);
  });
});

describe('pyEntries', () => {
  it('lists .py files, symlinks and hard links in order, not directories', () => {
    const listing = [
      'd\t755\t0\t0\t0\t/usr/lib/python3.11',
      'f\t644\t0\t0\t10\t/usr/lib/python3.11/os.py',
      'l\t777\t0\t0\t0\t/usr/lib/python3.11/site.py\t/etc/site.py',
      'f\t644\t0\t0\t10\t/usr/lib/python3.11/os.pyc.txt',
      'h\t644\t0\t0\t0\t/usr/lib/python3.11/copy.py\t/usr/lib/python3.11/os.py',
    ].join('\n');
    expect(pyEntries(listing)).toEqual([
      '/usr/lib/python3.11/os.py',
      '/usr/lib/python3.11/site.py',
      '/usr/lib/python3.11/copy.py',
    ]);
  });
});
