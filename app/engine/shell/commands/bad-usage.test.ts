/**
 * Programs refuse what the real ones refuse, in their words and with their exit status (the
 * texts were taken from the programs on Debian: pip 23, npm 11, apt-get 2.6, Python 3.11,
 * Node 20, GNU coreutils 9.1, grep, sed, tar).
 */
import { describe, expect, it } from 'vitest';
import { sh } from '../testing/helpers.ts';

/** Runs `line` with python3, node, pip3 and npm present as programs, and reports its status. */
function run(line: string) {
  const r = sh(
    `touch /usr/bin/python3 /usr/bin/node /usr/bin/pip3 /usr/bin/npm; chmod 755 /usr/bin/*; ${line}; echo "status $?"`,
  );
  const status = Number(/status (\d+)\n$/.exec(r.stdout)?.[1]);
  return { stdout: r.stdout.replace(/status \d+\n$/, ''), stderr: r.stderr, status };
}

describe('pip', () => {
  it('rejects an unknown command with its "maybe you meant"', () => {
    expect(run('pip3 instal flask')).toEqual({
      stdout: '',
      stderr: 'ERROR: unknown command "instal" - maybe you meant "install"\n',
      status: 1,
    });
    expect(run('pip3 frobnicate').stderr).toBe('ERROR: unknown command "frobnicate"\n');
  });

  it("rejects an unknown option with the command's usage, exit 2", () => {
    const r = run('pip3 install --frob flask');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      '\nUsage:   \n  pip3 install [options] <requirement specifier> [package-index-options] ...\n  pip3 install [options] -r <requirements file> [package-index-options] ...\n  pip3 install [options] [-e] <vcs project url> ...\n  pip3 install [options] [-e] <local project path> ...\n  pip3 install [options] <archive url/path> ...\n\nno such option: --frob\n',
    );
    expect(run('pip3 --frob').stderr).toBe(
      '\nUsage:   \n  pip3 <command> [options]\n\nno such option: --frob\n',
    );
    expect(run('pip3 list -j').stderr).toMatch(/\nno such option: -j\n$/);
  });

  it('takes an unambiguous abbreviation of a long option, as optparse does', () => {
    expect(run('pip3 install --no-cach flask').status).toBe(0);
    expect(run('pip3 install --no flask').stderr).toMatch(/ambiguous option: --no \(--no-/);
  });

  it('needs something to install', () => {
    expect(run('pip3 install')).toMatchObject({
      stderr: 'ERROR: You must give at least one requirement to install (see "pip help install")\n',
      status: 1,
    });
  });
});

describe('pip list, freeze, show, uninstall', () => {
  it('report what is installed, and say so when something is not', () => {
    const r = run(
      'pip3 install --break-system-packages flask >/dev/null 2>&1; pip3 freeze; pip3 show nosuch; echo "show $?"; pip3 uninstall -y nosuch',
    );
    expect(r.stdout).toMatch(/^(.+==.+\n)*flask==[\d.]+\n/m);
    expect(r.stdout).toContain('show 1\n');
    expect(r.stderr).toContain('WARNING: Package(s) not found: nosuch\n');
    expect(r.stderr).toContain('WARNING: Skipping nosuch as it is not installed.\n');
    expect(run('pip3 install flask >/dev/null 2>&1; pip3 list').stdout).toMatch(
      /^Package +Version\n-+ -+\n/,
    );
  });
});

describe('npm', () => {
  it('takes its aliases and abbreviations and refuses an unknown command on stdout', () => {
    expect(run('npm frob')).toEqual({
      stdout:
        'Unknown command: "frob"\nTo see a list of supported npm commands, run:\n  npm help\n',
      stderr: '',
      status: 1,
    });
    expect(run('npm instll x').stdout).toContain(
      'Did you mean this?\n  npm install # Install a package\n',
    );
    // `instal` is one of npm's own aliases of install.
    expect(run('npm instal').stdout).not.toContain('Unknown command');
  });
});

describe('apt-get', () => {
  it('rejects an unknown operation and options in apt’s words, exit 100', () => {
    expect(run('apt-get instal curl')).toMatchObject({
      stderr: 'E: Invalid operation instal\n',
      status: 100,
    });
    expect(run('apt-get install --frob curl')).toMatchObject({
      stderr:
        'E: Command line option --frob is not understood in combination with the other options\n',
      status: 100,
    });
    expect(run('apt-get -j install curl').stderr).toBe(
      "E: Command line option 'j' [from -j] is not understood in combination with the other options.\n",
    );
  });

  it('accepts its real options, negated booleans and -o values', () => {
    expect(
      run('apt-get -qq -o Acquire::Retries=3 --no-install-recommends --assume-yes update').status,
    ).toBe(0);
  });
});

describe('python3 and node', () => {
  it('python3 refuses an option it does not have, exit 2', () => {
    expect(run('python3 -j')).toMatchObject({
      stderr:
        "Unknown option: -j\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
      status: 2,
    });
    expect(run('python3 --frob').stderr).toMatch(/^unknown option --frob\n/);
    expect(run('python3 -c').stderr).toMatch(/^Argument expected for the -c option\n/);
  });

  it('node refuses an option neither it nor V8 has, exit 9', () => {
    expect(run('node --frob')).toMatchObject({ stderr: 'node: bad option: --frob\n', status: 9 });
    expect(run('node -e')).toMatchObject({ stderr: 'node: -e requires an argument\n', status: 9 });
    expect(run('node --max-old-space-size=100 -e "1"').status).toBe(0);
  });
});

describe('GNU utilities', () => {
  it('reject unknown long and short options with their own status', () => {
    expect(run('ls --frob')).toMatchObject({
      stderr: "ls: unrecognized option '--frob'\nTry 'ls --help' for more information.\n",
      status: 2,
    });
    expect(run('cp -j a b')).toMatchObject({
      stderr: "cp: invalid option -- 'j'\nTry 'cp --help' for more information.\n",
      status: 1,
    });
    expect(run('grep --frob x').stderr).toBe(
      "grep: unrecognized option '--frob'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    );
    expect(run('env --frob').status).toBe(125);
    expect(run('sleep --frob').stderr).toBe(
      "sleep: unrecognized option '--frob'\nTry 'sleep --help' for more information.\n",
    );
    expect(run('wc --lines=3').stderr).toMatch(/^wc: option '--lines' doesn't allow an argument\n/);
  });

  it('accept real options the simulator does not act on, and unambiguous abbreviations', () => {
    expect(run('mkdir -p /a/b && ls --recur /a').status).toBe(0);
    expect(run('ls --al /').stderr).toMatch(
      /^ls: option '--al' is ambiguous; possibilities: '--all' '--almost-all'\n/,
    );
    expect(run('echo x | sed -i.bak s/a/b/ /etc/hostname').status).toBe(0);
    expect(run('timeout 5 ls -la /').status).toBe(0);
  });
});
