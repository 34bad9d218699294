/**
 * Users and groups as an image names them: `USER name[:group]` (or `docker run -u`, `docker exec
 * -u`) looked up in the image's /etc/passwd and /etc/group, as runc does when a container starts.
 */
import { EngineError, type SourceRange } from '../common/diagnostics.ts';
import type { MergedView } from './merge.ts';

/**
 * `USER name[:group]` against the image's /etc/passwd and /etc/group. Throws `EngineError`
 * (`unknown-user`, `unknown-group`) with Docker's words, pointing at `range` when there is one.
 *
 * @example
 * resolveUser('www-data', view); // { uid: 33, gid: 33, name: 'www-data' }
 */
export function resolveUser(
  spec: string | undefined,
  view: MergedView,
  range?: SourceRange,
): { uid: number; gid: number; name: string } {
  if (!spec) return { uid: 0, gid: 0, name: 'root' };
  const [user = '', group] = spec.split(':');
  const text = (path: string) => {
    const node = view.lookup(path);
    return node?.type === 'file' && node.data ? new TextDecoder().decode(node.data) : '';
  };
  const passwd = text('/etc/passwd')
    .split('\n')
    .map((l) => l.split(':'));
  let uid: number;
  let gid: number;
  let name = user;
  if (/^\d+$/.test(user)) {
    uid = Number(user);
    const row = passwd.find((r) => r[2] === user);
    gid = row ? Number(row[3]) : uid;
    name = row?.[0] ?? user;
  } else {
    const row = passwd.find((r) => r[0] === user);
    if (!row) {
      throw new EngineError(
        'unknown-user',
        `unable to find user ${user}: no matching entries in passwd file`,
        range,
        {
          hint: `Create the user first, e.g. RUN useradd ${user}, before USER ${user}.`,
        },
      );
    }
    uid = Number(row[2]);
    gid = Number(row[3]);
  }
  if (group !== undefined) {
    if (/^\d+$/.test(group)) gid = Number(group);
    else {
      const row = text('/etc/group')
        .split('\n')
        .map((l) => l.split(':'))
        .find((r) => r[0] === group);
      if (!row)
        throw new EngineError(
          'unknown-group',
          `unable to find group ${group}: no matching entries in group file`,
          range,
        );
      gid = Number(row[2]);
    }
  }
  return { uid, gid, name };
}
