import { describe, expect, it } from 'vitest';
import { sh } from './testing/helpers.ts';

describe('lists and status', () => {
  it('runs && and || by status', () => {
    expect(sh('true && echo yes || echo no').stdout).toBe('yes\n');
    expect(sh('false && echo yes || echo no').stdout).toBe('no\n');
    expect(sh('false; echo $?').stdout).toBe('1\n');
  });
  it('reports an unknown command like dash', () => {
    const r = sh('foo');
    expect(r.stderr).toBe('/bin/sh: 1: foo: not found\n');
    expect(r.exitCode).toBe(127);
  });
  it('numbers lines in messages', () => {
    expect(sh('true\n\nnope').stderr).toBe('/bin/sh: 3: nope: not found\n');
  });
  it('negates with !', () => {
    expect(sh('! false').exitCode).toBe(0);
    expect(sh('! true').exitCode).toBe(1);
  });
  it('exits with the given code and stops', () => {
    const r = sh('echo a; exit 3; echo b');
    expect(r.stdout).toBe('a\n');
    expect(r.exitCode).toBe(3);
  });
  it('stops at the first failure under set -e but not in conditions', () => {
    const r = sh(
      'set -e\nif false; then :; fi\nfalse || true\nfalse && true\necho here\nfalse\necho never',
    );
    expect(r.stdout).toBe('here\n');
    expect(r.exitCode).toBe(1);
  });
  it('traces commands with set -x', () => {
    expect(sh('set -x; echo "a b"').stderr).toBe("+ echo 'a b'\n");
  });
  it('uses the last failing status with pipefail', () => {
    expect(sh('false | true').exitCode).toBe(0);
    expect(sh('set -o pipefail; false | true').exitCode).toBe(1);
  });
  it('reports syntax errors with status 2', () => {
    const r = sh('if true; then echo x');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(
      /^\/bin\/sh: \d+: Syntax error: end of file unexpected \(expecting "fi"\)/,
    );
  });
});

describe('quoting and expansion', () => {
  it('keeps single quotes literal and expands in double quotes', () => {
    expect(sh(`X=1; echo '$X' "$X" \\$X`).stdout).toBe('$X 1 $X\n');
  });
  it('splits unquoted expansions on IFS', () => {
    expect(sh('X="a   b"; for w in $X; do echo "[$w]"; done').stdout).toBe('[a]\n[b]\n');
    expect(sh('X="a   b"; for w in "$X"; do echo "[$w]"; done').stdout).toBe('[a   b]\n');
  });
  it('supports default, assign and alternative forms', () => {
    expect(sh('echo ${U:-def} ${U:+alt} ${U:=set} $U').stdout).toBe('def set set\n');
    expect(sh('V=x; echo ${V:-def} ${V:+alt}').stdout).toBe('x alt\n');
  });
  it('trims patterns and measures length', () => {
    expect(sh('F=archive.tar.gz; echo ${F%.*} ${F%%.*} ${F#*.} ${F##*.} ${#F}').stdout).toBe(
      'archive.tar archive tar.gz gz 14\n',
    );
  });
  it('substitutes commands with $() and backticks', () => {
    expect(sh('echo "$(echo a; echo b)" `echo c`').stdout).toBe('a\nb c\n');
    expect(sh('X=$(false); echo $?').stdout).toBe('1\n');
  });
  it('evaluates arithmetic', () => {
    expect(sh('i=3; echo $((i * 2 + 1)) $(( (1+2) % 2 ))').stdout).toBe('7 1\n');
    expect(sh('i=1; : $((i += 2)); echo $i $((j = 4)) $j').stdout).toBe('3 4 4\n');
    expect(sh('echo $((1/0))').stderr).toBe(
      '/bin/sh: 1: arithmetic expression: division by zero\n',
    );
  });
  it('expands $@ and $# in functions', () => {
    expect(sh('f() { echo $#; for a in "$@"; do echo "<$a>"; done; }; f 1 "2 3"').stdout).toBe(
      '2\n<1>\n<2 3>\n',
    );
  });
  it('expands $$ and ~', () => {
    expect(sh('echo $$ ~ ~/x').stdout).toBe('1 /root /root/x\n');
  });
  it('fails on ${X:?}', () => {
    const r = sh('echo ${X:?is required}; echo after');
    expect(r.stderr).toBe('/bin/sh: 1: X: is required\n');
    expect(r.exitCode).toBe(2);
  });
});

describe('globs', () => {
  it('expands *, ? and [..] against the filesystem, sorted, without dotfiles', () => {
    const r = sh(
      'mkdir /g && cd /g && touch a1 a2 b1 .h && echo * && echo a? && echo [ab]1 && echo /g/b* && echo "*"',
    );
    expect(r.stdout).toBe('a1 a2 b1\na1 a2\na1 b1\n/g/b1\n*\n');
  });
  it('matches only directories with a trailing slash', () => {
    expect(sh('mkdir -p /g/d1 /g/d2 && touch /g/f && cd /g && echo */').stdout).toBe('d1/ d2/\n');
  });
  it('keeps a pattern that matches nothing', () => {
    expect(sh('rm /nope/*.tmp').stderr).toBe(
      "rm: cannot remove '/nope/*.tmp': No such file or directory\n",
    );
  });
});

describe('subshells and set -e', () => {
  it('exit in a subshell ends only the subshell', () => {
    expect(sh('(exit 3); echo $?').stdout).toBe('3\n');
  });
  it('set -e stops at a failed subshell', () => {
    const r = sh('set -e; (false; echo no); echo after');
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
  });
  it('a failing command substitution in an assignment fails under set -e', () => {
    expect(sh('set -e; X=$(false); echo after').exitCode).toBe(1);
  });
});

describe('redirections and heredocs', () => {
  it('writes, appends and reads files', () => {
    const r = sh('echo a > /tmp/f; echo b >> /tmp/f; cat < /tmp/f');
    expect(r.stdout).toBe('a\nb\n');
    expect(r.fs.text('/tmp/f')).toBe('a\nb\n');
  });
  it('sends stderr with 2> and 2>&1', () => {
    const r = sh('nope 2>/tmp/err; cat /tmp/err; nope2 >/tmp/both 2>&1; cat /tmp/both');
    expect(r.stdout).toBe('/bin/sh: 1: nope: not found\n/bin/sh: 1: nope2: not found\n');
  });
  it('discards into /dev/null', () => {
    expect(sh('echo hi >/dev/null').stdout).toBe('');
  });
  it('fails to create in a missing directory like dash', () => {
    const r = sh('echo x > /nope/f');
    expect(r.stderr).toBe('/bin/sh: 1: cannot create /nope/f: Directory nonexistent\n');
    expect(r.exitCode).toBe(2);
  });
  it('expands heredocs unless the delimiter is quoted', () => {
    expect(sh('X=1\ncat <<EOF\nv=$X\nEOF').stdout).toBe('v=1\n');
    expect(sh("X=1\ncat <<'EOF'\nv=$X\nEOF").stdout).toBe('v=$X\n');
    expect(sh('cat <<-EOF\n\t\tindented\n\tEOF\necho after').stdout).toBe('indented\nafter\n');
  });
  it('writes a heredoc into a file', () => {
    const r = sh('cat > /etc/app.conf <<EOF\nport=80\nEOF\necho done');
    expect(r.fs.text('/etc/app.conf')).toBe('port=80\n');
    expect(r.stdout).toBe('done\n');
  });
});

describe('compound commands', () => {
  it('runs if/elif/else', () => {
    expect(
      sh('X=2; if [ $X = 1 ]; then echo one; elif [ $X = 2 ]; then echo two; else echo other; fi')
        .stdout,
    ).toBe('two\n');
  });
  it('loops with while, until, break and continue', () => {
    expect(
      sh(
        'i=0; while [ $i -lt 5 ]; do i=$((i+1)); [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done',
      ).stdout,
    ).toBe('1\n3\n');
    expect(sh('i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done').stdout).toBe('0\n1\n');
  });
  it('matches case patterns', () => {
    expect(
      sh(
        'for f in a.txt b.sh c; do case $f in *.txt) echo text;; *.sh|*.bash) echo script;; *) echo other;; esac; done',
      ).stdout,
    ).toBe('text\nscript\nother\n');
  });
  it('keeps subshell changes inside', () => {
    expect(sh('X=1; (X=2; cd /tmp); echo $X $(pwd)').stdout).toBe('1 /\n');
    expect(sh('{ X=2; cd /tmp; }; echo $X $(pwd)').stdout).toBe('2 /tmp\n');
  });
  it('reads lines in a while loop', () => {
    expect(sh('printf "a\\nb\\n" | while read l; do echo "<$l>"; done').stdout).toBe('<a>\n<b>\n');
  });
  it('restores local variables when the function returns', () => {
    expect(sh('a=0; f() { local a=1; echo $a; }; f; echo $a').stdout).toBe('1\n0\n');
  });
  it('runs the EXIT trap when the shell ends, keeping the status', () => {
    const r = sh("trap 'echo cleanup' EXIT; echo work; exit 3");
    expect(r.stdout).toBe('work\ncleanup\n');
    expect(r.exitCode).toBe(3);
    expect(sh('sh -c "trap \'echo bye\' 0; true"; echo after').stdout).toBe('bye\nafter\n');
  });
  it('returns from functions', () => {
    expect(sh('f() { return 3; echo no; }; f; echo $?').stdout).toBe('3\n');
  });
});

describe('limits', () => {
  it('stops an endless loop with a distinct result', () => {
    const r = sh('while true; do :; done', { limits: { steps: 1000 } });
    expect(r.budgetExceeded).toBe('steps');
    expect(r.message).toBe('this step ran too long for the simulator (limit 1000)');
  });
  it('stops a fork bomb', () => {
    const r = sh(':(){ :|:& };:');
    expect(r.budgetExceeded).toBe('depth');
    expect(r.exitCode).not.toBe(0);
  });
  it('stops deeply nested command substitutions', () => {
    const r = sh('echo ' + '$(echo '.repeat(150) + 'x' + ')'.repeat(150));
    expect(r.budgetExceeded).toBe('depth');
  });
  it('stops endless recursion by depth', () => {
    expect(sh('f() { f; }; f').budgetExceeded).toBe('depth');
  });
  it('refuses absurd nesting without overflowing', () => {
    const r = sh('('.repeat(5000) + 'true' + ')'.repeat(5000));
    expect(r.budgetExceeded).toBe('depth');
  });
});

describe('bash', () => {
  it('speaks bash when run as bash', () => {
    expect(sh('bash -c \'echo -e "a\\tb"; foo\'').stderr).toBe(
      'bash: line 1: foo: command not found\n',
    );
    expect(sh('bash -c \'echo -e "a\\tb"\'').stdout).toBe('a\tb\n');
    expect(sh('bash -c \'[[ "abc" == a* ]] && echo yes\'').stdout).toBe('yes\n');
  });
  it('dash knows neither [[ nor source', () => {
    expect(sh('[[ -f /etc/passwd ]]').stderr).toBe('/bin/sh: 1: [[: not found\n');
    expect(sh('source /etc/profile').stderr).toBe('/bin/sh: 1: source: not found\n');
  });
  it('runs #!/bin/bash scripts as bash', () => {
    const r = sh('printf "#!/bin/bash\\nnope\\n" > /s; chmod +x /s; /s');
    expect(r.stderr).toBe('/s: line 2: nope: command not found\n');
  });
});
