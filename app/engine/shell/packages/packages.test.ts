import { describe, expect, it } from 'vitest';
import { debianFs, sh } from '../testing/helpers.ts';
import { builtinCatalog } from './builtin.ts';

describe('apt-get', () => {
  it('fails like apt when the package lists are empty', () => {
    const r = sh('apt-get install -y curl');
    expect(r.stdout).toBe(
      'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
    );
    expect(r.stderr).toBe('E: Unable to locate package curl\n');
    expect(r.exitCode).toBe(100);
  });
  it('curl is not found until it is installed', () => {
    expect(sh('curl -V').stderr).toBe('/bin/sh: 1: curl: not found\n');
    const r = sh(
      'apt-get update && apt-get install -y curl && curl -fsSL https://example.com/x -o /tmp/x',
    );
    expect(r.exitCode).toBe(0);
    expect(r.fs.exists('/tmp/x')).toBe(true);
  });
  it('update writes sized lists that rm -rf can remove', () => {
    const r = sh('apt-get update');
    expect(r.stdout).toMatch(
      /^Get:1 http:\/\/deb\.debian\.org\/debian bookworm InRelease \[151 kB\]\n/,
    );
    expect(r.stdout.endsWith('Reading package lists...\n')).toBe(true);
    const lists = r.fs.readdir('/var/lib/apt/lists');
    expect(lists).toContain('deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4');
    const big = r.fs.stat(
      '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4',
    );
    expect(big.size).toBeGreaterThan(10_000_000);
    const after = sh('apt-get update >/dev/null && rm -rf /var/lib/apt/lists/*');
    expect(after.fs.readdir('/var/lib/apt/lists')).toEqual([]);
  });
  it('installs with dependencies resolved transitively and prints what apt prints', () => {
    const r = sh('apt-get update >/dev/null && apt-get install -y --no-install-recommends curl');
    expect(r.stdout).toContain(
      'The following additional packages will be installed:\n  libcurl4 libnghttp2-14 libssl3\n',
    );
    expect(r.stdout).toContain('Recommended packages:\n  ca-certificates\n');
    expect(r.stdout).toContain(
      'The following NEW packages will be installed:\n  curl libcurl4 libnghttp2-14 libssl3\n',
    );
    expect(r.stdout).toContain('0 upgraded, 4 newly installed, 0 to remove and 0 not upgraded.\n');
    expect(r.stdout).toMatch(
      /Need to get \d+ kB of archives\.\nAfter this operation, \d+(\.\d)? [kM]B of additional disk space will be used\./,
    );
    expect(r.stdout).toContain('Setting up curl (7.88.1-10+deb12u5) ...\n');
    expect(r.stdout).toContain(
      'Selecting previously unselected package libssl3:amd64.\n(Reading database ... 0 files and directories currently installed.)\nPreparing to unpack .../0-libssl3_3.0.11-1~deb12u2_amd64.deb ...\nUnpacking libssl3:amd64 (3.0.11-1~deb12u2) ...\n',
    );
    expect(r.stdout).toContain('Processing triggers for libc-bin (2.36-9+deb12u4) ...\n');
    expect(r.fs.stat('/usr/bin/curl').mode).toBe(0o755);
    expect(r.fs.text('/var/lib/dpkg/status')).toContain(
      'Package: curl\nStatus: install ok installed\n',
    );
  });
  it('installs recommends unless told not to', () => {
    const r = sh('apt-get update >/dev/null && apt-get install -y curl');
    expect(r.fs.exists('/etc/ssl/certs/ca-certificates.crt')).toBe(true);
  });
  it('skips packages already installed', () => {
    const r = sh(
      'apt-get update >/dev/null && apt-get install -y curl >/dev/null && apt-get install -y curl',
    );
    expect(r.stdout).toContain('curl is already the newest version (7.88.1-10+deb12u5).\n');
    expect(r.stdout).toContain('0 upgraded, 0 newly installed');
  });
  it('aborts without -y when more packages are needed', () => {
    const r = sh('apt-get update >/dev/null && apt-get install curl');
    expect(r.stdout.endsWith('Do you want to continue? [Y/n] Abort.\n')).toBe(true);
    expect(r.exitCode).toBe(1);
  });
  it('refuses to run as a normal user', () => {
    const r = sh('apt-get update', { user: { uid: 1000, gid: 1000, name: 'app' } });
    expect(r.exitCode).toBe(100);
    expect(r.stderr).toContain('Permission denied');
  });
  it('removes packages', () => {
    const r = sh(
      'apt-get update >/dev/null && apt-get install -y --no-install-recommends curl >/dev/null && apt-get remove -y curl',
    );
    expect(r.stdout).toContain('Removing curl (7.88.1-10+deb12u5) ...\n');
    expect(r.fs.exists('/usr/bin/curl')).toBe(false);
  });
  it('the catalog resolves names', () => {
    expect(builtinCatalog.apt.lookup('curl')?.depends).toEqual(['libcurl4']);
    expect(builtinCatalog.pip.lookup('Flask')?.name).toBe('flask');
  });
});

describe('apk', () => {
  it('needs an index: --no-cache fetches one without keeping it', () => {
    const fs = debianFs();
    fs.put('/sbin/apk', '', 0o755);
    const fail = sh('apk add curl', { fs });
    expect(fail.stderr).toBe(
      'ERROR: unable to select packages:\n  curl (no such package):\n    required by: world[curl]\n',
    );
    const r = sh('apk add --no-cache curl', { fs });
    expect(r.stdout).toContain('(1/5) Installing ca-certificates (20240226-r0)\n');
    expect(r.stdout).toMatch(/OK: \d+ MiB in \d+ packages\n$/);
    expect(r.fs.exists('/usr/bin/curl')).toBe(true);
    expect(r.fs.exists('/var/cache/apk')).toBe(false);
  });
});

describe('pip', () => {
  const pyFs = () => {
    const fs = debianFs();
    fs.put('/usr/local/bin/pip', '', 0o755);
    fs.put('/usr/local/bin/python3', '', 0o755);
    fs.mkdir('/usr/local/lib/python3.12/site-packages', { recursive: true });
    return fs;
  };
  it('installs with dependencies into site-packages and caches wheels', () => {
    const r = sh('pip install flask', { fs: pyFs() });
    expect(r.stdout).toContain('Collecting flask\n');
    expect(r.stdout).toContain('Collecting Werkzeug (from flask)\n');
    expect(r.stdout).toMatch(/Successfully installed .*flask-3\.0\.0/);
    expect(r.fs.exists('/usr/local/lib/python3.12/site-packages/flask/__init__.py')).toBe(true);
    expect(r.fs.readdir('/root/.cache/pip/http-v2').length).toBeGreaterThan(0);
    expect(
      sh('pip install --no-cache-dir flask', { fs: pyFs() }).fs.exists('/root/.cache/pip'),
    ).toBe(false);
  });
  it('reads requirements files', () => {
    const fs = pyFs();
    fs.put('/app/requirements.txt', 'requests==2.31.0\n# comment\nmy-own-lib>=1\n');
    const r = sh('cd /app && pip install -r requirements.txt', { fs });
    expect(r.stdout).toContain('Successfully installed');
    expect(r.fs.exists('/usr/local/lib/python3.12/site-packages/my_own_lib/__init__.py')).toBe(
      true,
    );
    expect(sh('pip install -r nope.txt', { fs: pyFs() }).stderr).toContain(
      "Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'",
    );
  });
  it('installs into a virtualenv made with python3 -m venv', () => {
    const fs = debianFs();
    fs.put('/usr/bin/python3', '', 0o755);
    const r = sh('python3 -m venv /venv && /venv/bin/pip install flask', { fs });
    expect(r.exitCode).toBe(0);
    expect(r.fs.exists('/venv/lib/python3.11/site-packages/flask/__init__.py')).toBe(true);
    expect(r.stderr).toBe('');
  });
  it("refuses Debian's system Python (PEP 668)", () => {
    const r = sh(
      'apt-get update >/dev/null && apt-get install -y --no-install-recommends python3-pip >/dev/null && pip install flask',
    );
    expect(r.stderr).toContain('error: externally-managed-environment\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('npm', () => {
  const nodeFs = () => {
    const fs = debianFs();
    fs.put('/usr/local/bin/npm', '', 0o755);
    fs.put('/usr/local/bin/node', '', 0o755);
    return fs;
  };
  it('installs package.json dependencies into node_modules', () => {
    const fs = nodeFs();
    fs.put(
      '/app/package.json',
      JSON.stringify({
        name: 'web',
        version: '1.0.0',
        dependencies: { express: '^4.18.2' },
        scripts: { start: 'node server.js' },
      }),
    );
    fs.put('/app/server.js', "require('express')().listen(3000)\n");
    const r = sh('cd /app && npm install', { fs });
    expect(r.stdout).toMatch(/added \d+ packages, and audited \d+ packages in 2s/);
    expect(r.fs.exists('/app/node_modules/express/package.json')).toBe(true);
    expect(r.fs.exists('/app/node_modules/ms/index.js')).toBe(true);
    expect(r.fs.exists('/app/package-lock.json')).toBe(true);
    const start = sh('cd /app && npm start', { fs });
    expect(start.stdout).toBe('\n> web@1.0.0 start\n> node server.js\n\n');
    expect(start.longRunning).toBe(true);
  });
  it('npm ci needs a lock file; npm install needs package.json', () => {
    const fs = nodeFs();
    fs.put('/app/package.json', '{}');
    expect(sh('cd /app && npm ci', { fs }).stderr).toContain('npm ERR! code EUSAGE');
    expect(sh('npm install').exitCode).toBe(127);
    expect(sh('cd /tmp && npm install', { fs: nodeFs() }).exitCode).toBe(254);
  });
});

describe('users', () => {
  it('useradd writes passwd and group; -m makes the home', () => {
    const r = sh('useradd -m app && id app && ls -ld /home/app');
    expect(r.stdout).toMatch(
      /^uid=1000\(app\) gid=1000\(app\) groups=1000\(app\)\ndrwxr-xr-x \d app app 4096 Nov 14 22:13 \/home\/app\n$/,
    );
    expect(r.fs.text('/etc/passwd')).toContain('app:x:1000:1000::/home/app:/bin/sh\n');
    expect(sh('useradd app && useradd app').stderr).toBe("useradd: user 'app' already exists\n");
  });
  it('useradd takes clustered options and supplementary groups', () => {
    const r = sh('useradd -ms /bin/bash -G users app && grep app /etc/passwd /etc/group');
    expect(r.stdout).toBe(
      '/etc/passwd:app:x:1000:1000::/home/app:/bin/bash\n/etc/group:users:x:100:app\n/etc/group:app:x:1000:\n',
    );
  });
  it('groupadd and useradd -r -g for system accounts', () => {
    const r = sh('groupadd -r svc && useradd -r -g svc svc && id svc');
    expect(r.stdout).toBe('uid=999(svc) gid=999(svc) groups=999(svc)\n');
  });
  it("Debian's adduser prints its steps", () => {
    const r = sh('adduser --disabled-password --gecos "" app');
    expect(r.stdout).toContain("Adding user `app' ...\n");
    expect(r.fs.stat('/home/app').uid).toBe(1000);
  });
  it('a normal user cannot write outside its own files', () => {
    const fs = debianFs();
    fs.mkdir('/app');
    fs.chown('/app', 1000, 1000);
    const r = sh('touch /app/ok && touch /etc/nope', {
      fs,
      user: { uid: 1000, gid: 1000, name: 'app' },
    });
    expect(r.stderr).toBe("touch: cannot touch '/etc/nope': Permission denied\n");
    expect(r.fs.stat('/app/ok').uid).toBe(1000);
  });
});
