/** The containers of an engine, found by ID prefix or name as docker commands accept. */
import { sha256Hex } from '../fs/hash.ts';
import { EngineError } from '../common/diagnostics.ts';
import type { Container } from './container.ts';
import { generatedName } from './names.ts';

export class ContainerStore {
  private readonly byId = new Map<string, Container>();
  private counter = 0;

  /** A fresh container ID (64 hex) and a name: the given one, checked, or a generated one. */
  allocate(name: string | undefined, imageId: string): { id: string; name: string } {
    if (name !== undefined) {
      // Docker's RestrictedNamePattern: two characters at least.
      if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
        throw new EngineError(
          'bad-name',
          `Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
        );
      }
      const clash = this.all().find((c) => c.name === name);
      if (clash) {
        throw new EngineError(
          'name-in-use',
          `Error response from daemon: Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        );
      }
    }
    const n = this.counter++;
    const id = sha256Hex(`container:${n}:${imageId}`);
    return { id, name: name ?? generatedName(n, (x) => this.all().some((c) => c.name === x)) };
  }

  add(c: Container): void {
    this.byId.set(c.id, c);
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  all(): Container[] {
    return [...this.byId.values()];
  }

  find(ref: string): Container | undefined {
    const byName = this.all().find((c) => c.name === ref || `/${c.name}` === ref);
    if (byName) return byName;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const matches = this.all().filter((c) => c.id.startsWith(ref));
    return matches.length === 1 ? matches[0] : undefined;
  }

  resolve(ref: string): Container {
    const c = this.find(ref);
    if (!c)
      throw new EngineError(
        'no-such-container',
        `Error response from daemon: No such container: ${ref}`,
      );
    return c;
  }

  usingImage(imageId: string): Container[] {
    return this.all().filter((c) => c.image === imageId);
  }

  /** Counter state, for saving the engine. */
  get next(): number {
    return this.counter;
  }

  set next(n: number) {
    this.counter = n;
  }
}
