import { describe, expect, it } from 'vitest';
import { debianFs, sh } from '../testing/helpers.ts';
import { builtinCatalog } from './builtin.ts';
import type { CatalogFile, CatalogPackage, DpkgExtras, PackageCatalog } from './catalog.ts';
import { cachedLibraries } from './maintainer.ts';

const dir = (path: string): CatalogFile => ({ path, size: 0, type: 'dir' });
const file = (path: string, size: number): CatalogFile => ({ path, size });

function pkg(
  name: string,
  files: CatalogFile[],
  dpkg: Partial<DpkgExtras>,
  depends: string[] = [],
): CatalogPackage {
  return {
    name,
    version: '1.0-1',
    depends,
    installedSize: 1024,
    downloadSize: 512,
    files,
    dpkg: { multiArch: false, info: [], effects: [], ...dpkg },
  };
}

const PACKAGES = [
  pkg(
    'libpydemo',
    [
      dir('/usr'),
      dir('/usr/lib'),
      dir('/usr/lib/python3.11'),
      file('/usr/lib/python3.11/os.py', 1000),
      file('/usr/lib/python3.11/bad_syntax.py', 300),
      dir('/usr/share'),
      dir('/usr/share/pydemo'),
      file('/usr/share/pydemo/tool.py', 200),
    ],
    {
      multiArch: true,
      info: [{ member: 'md5sums', size: 120 }],
      listSize: 4000,
      pyc: [1123, 0, 250],
    },
  ),
  pkg(
    'pydemo',
    [dir('/usr'), dir('/usr/bin'), file('/usr/bin/pydemo', 5000)],
    {
      info: [
        { member: 'md5sums', size: 90 },
        { member: 'postinst', size: 300 },
      ],
      effects: ['pycompile libpydemo /usr/lib/python3.11'],
    },
    ['libpydemo'],
  ),
  pkg(
    'certs',
    [
      dir('/usr'),
      dir('/usr/share'),
      dir('/usr/share/ca-certificates'),
      dir('/usr/share/ca-certificates/mozilla'),
      file('/usr/share/ca-certificates/mozilla/Alpha_Root.crt', 1200),
      file('/usr/share/ca-certificates/mozilla/Beta_Root.crt', 800),
    ],
    {
      info: [{ member: 'templates', size: 1800 }],
      effects: ['update-ca-certificates', 'debconf 2000 300'],
    },
  ),
  pkg(
    'libfoo1',
    [
      dir('/usr'),
      dir('/usr/lib'),
      dir('/usr/lib/x86_64-linux-gnu'),
      file('/usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3', 90_000),
      {
        path: '/usr/lib/x86_64-linux-gnu/libfoo.so.1',
        size: 0,
        type: 'symlink',
        target: 'libfoo.so.1.2.3',
      },
    ],
    { multiArch: true, effects: ['ldconfig'] },
  ),
];

const byName = new Map(PACKAGES.map((p) => [p.name, p]));
const catalog: PackageCatalog = {
  ...builtinCatalog,
  apt: { ...builtinCatalog.apt, lookup: (n) => byName.get(n) },
};

function install(line: string, prepare?: (fs: ReturnType<typeof debianFs>) => void) {
  const fs = debianFs();
  prepare?.(fs);
  const r = sh(`apt-get update >/dev/null && ${line}`, { fs, catalog });
  expect(r.stderr).not.toMatch(/^E:/m);
  expect(r.exitCode).toBe(0);
  return r;
}

const size = (r: ReturnType<typeof sh>, path: string): number => r.fs.lstat(path).size;

describe('maintainer scripts after apt-get install', () => {
  it('byte-compiles the .py files a postinst names, with the catalog sizes', () => {
    const r = install('apt-get install -y pydemo');
    expect(size(r, '/usr/lib/python3.11/__pycache__/os.cpython-311.pyc')).toBe(1123);
    // A file that does not compile gets no .pyc; one outside the named directory is not compiled.
    expect(r.fs.exists('/usr/lib/python3.11/__pycache__/bad_syntax.cpython-311.pyc')).toBe(false);
    expect(r.fs.exists('/usr/share/pydemo/__pycache__')).toBe(false);
  });

  it('compiles nothing when only the package with the .py files is installed', () => {
    const r = install('apt-get install -y libpydemo');
    expect(r.fs.exists('/usr/lib/python3.11/__pycache__')).toBe(false);
  });

  it('writes dpkg info files with the sizes of the control members and the full list', () => {
    const r = install('apt-get install -y pydemo');
    expect(size(r, '/var/lib/dpkg/info/libpydemo:amd64.list')).toBe(4000);
    expect(size(r, '/var/lib/dpkg/info/libpydemo:amd64.md5sums')).toBe(120);
    expect(size(r, '/var/lib/dpkg/info/pydemo.postinst')).toBe(300);
    expect(r.fs.lstat('/var/lib/dpkg/info/pydemo.postinst').mode & 0o777).toBe(0o755);
    // Shorter than the paths it names: the .list is the text dpkg writes.
    expect(new TextDecoder().decode(r.fs.readFile('/var/lib/dpkg/info/pydemo.list'))).toBe(
      '/.\n/usr\n/usr/bin\n/usr/bin/pydemo\n',
    );
    expect(r.stdout).toContain('Unpacking libpydemo:amd64 (1.0-1) ...\n');
  });

  it('keeps status-old and records automatic installs in extended_states', () => {
    const r = install('apt-get install -y pydemo');
    expect(r.fs.readFile('/var/lib/dpkg/status-old')).toEqual(
      r.fs.readFile('/var/lib/dpkg/status'),
    );
    const states = new TextDecoder().decode(r.fs.readFile('/var/lib/apt/extended_states'));
    expect(states).toBe('Package: libpydemo\nArchitecture: amd64\nAuto-Installed: 1\n\n');
  });

  it('rewrites the debconf database and keeps the previous copies as -old', () => {
    const r = install('apt-get install -y certs', (fs) => {
      fs.mkdir('/var/cache/debconf', { recursive: true });
      fs.writeSizedFile('/var/cache/debconf/templates.dat', 750_000);
      fs.writeSizedFile('/var/cache/debconf/config.dat', 4400);
    });
    expect(size(r, '/var/cache/debconf/templates.dat-old')).toBe(750_000);
    expect(size(r, '/var/cache/debconf/templates.dat')).toBe(752_000);
    expect(size(r, '/var/cache/debconf/config.dat-old')).toBe(4400);
    expect(size(r, '/var/cache/debconf/config.dat')).toBe(4700);
  });

  it('builds the CA bundle, its links and /etc/ca-certificates.conf', () => {
    const r = install('apt-get install -y certs');
    expect(r.stdout).toContain(
      'Setting up certs (1.0-1) ...\nUpdating certificates in /etc/ssl/certs...\n2 added, 0 removed; done.\n',
    );
    expect(size(r, '/etc/ssl/certs/ca-certificates.crt')).toBe(2000);
    expect(r.fs.readlink('/etc/ssl/certs/Alpha_Root.pem')).toBe(
      '/usr/share/ca-certificates/mozilla/Alpha_Root.crt',
    );
    const conf = new TextDecoder().decode(r.fs.readFile('/etc/ca-certificates.conf'));
    expect(conf).toMatch(/^# This file lists certificates/);
    expect(conf.endsWith('#\nmozilla/Alpha_Root.crt\nmozilla/Beta_Root.crt\n')).toBe(true);
  });

  it('runs the ldconfig trigger for shared libraries', () => {
    const r = install('apt-get install -y libfoo1');
    expect(r.stdout).toContain('Processing triggers for libc-bin (2.36-9+deb12u4) ...\n');
    // One library: header, one entry and its path.
    expect(size(r, '/etc/ld.so.cache')).toBe(
      48 + 24 + '/lib/x86_64-linux-gnu/libfoo.so.1'.length + 1,
    );
    expect(r.fs.exists('/var/cache/ldconfig/aux-cache')).toBe(true);
    expect(install('apt-get install -y certs').stdout).not.toContain('Processing triggers');
  });

  it('logs the run in dpkg.log, history.log and term.log', () => {
    const r = install('apt-get install -y pydemo');
    const read = (p: string) => new TextDecoder().decode(r.fs.readFile(p));
    const dpkg = read('/var/log/dpkg.log');
    expect(dpkg).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d startup archives unpack\n/);
    expect(dpkg).toContain(' install libpydemo:amd64 <none> 1.0-1\n');
    expect(dpkg).toContain(' status installed pydemo 1.0-1\n');
    const history = read('/var/log/apt/history.log');
    expect(history).toContain('Commandline: apt-get install -y pydemo\n');
    expect(history).toContain(
      'Install: libpydemo:amd64 (1.0-1, automatic), pydemo:amd64 (1.0-1)\n',
    );
    expect(read('/var/log/apt/term.log')).toContain('Setting up pydemo (1.0-1) ...\n');
    expect(r.fs.exists('/var/log/apt/eipp.log.xz')).toBe(true);
  });
});

describe('cachedLibraries', () => {
  it('keeps sonames and dev links, not the fuller versions behind a soname', () => {
    expect(
      cachedLibraries([
        'libfoo.so.1.2.3',
        'libfoo.so.1',
        'libfoo.so',
        'libbar.so.0',
        'README',
        'gconv',
      ]),
    ).toEqual(['libfoo.so.1', 'libfoo.so', 'libbar.so.0']);
  });
});
