/**
 * A container's ports: what its image EXPOSEs (documentation only) and what `docker run -p`
 * publishes on the host. `docker ps` shows them, `docker port` lists the published ones, and a
 * host port can be bound by one running container at a time, as Docker's proxy does.
 */

export interface ContainerPort {
  container: number;
  proto: 'tcp' | 'udp';
  /** Set when published: the host port, and the host address when one was given. */
  host?: number;
  hostIp?: string;
}

const PORT = /^\d{1,5}$/;
const valid = (p: string) => PORT.test(p) && Number(p) > 0 && Number(p) < 65536;

/** `-p 8080:80`, `-p 80`, `-p 127.0.0.1:8080:80`, `-p 8080:80/udp`: a port, or a sentence. */
export function parsePublish(spec: string, randomHost: number): ContainerPort | string {
  const [ports = '', proto = 'tcp'] = spec.split('/');
  if (proto !== 'tcp' && proto !== 'udp') return `Invalid proto: ${proto}`;
  const parts = ports.split(':');
  const containerPort = parts.at(-1) ?? '';
  if (!valid(containerPort)) return `Invalid containerPort: ${containerPort || spec}`;
  const hostPort = parts.length >= 2 ? parts.at(-2)! : '';
  if (hostPort !== '' && !valid(hostPort)) return `Invalid hostPort: ${hostPort}`;
  const hostIp = parts.length === 3 ? parts[0]! : undefined;
  if (parts.length > 3 || (hostIp !== undefined && !/^[\d.]+$/.test(hostIp)))
    return `Invalid ip address: ${hostIp ?? spec}`;
  return {
    container: Number(containerPort),
    proto,
    host: hostPort === '' ? randomHost : Number(hostPort),
    ...(hostIp ? { hostIp } : {}),
  };
}

/** The image's exposed ports (`80/tcp`) with the published ones in their place. */
export function containerPorts(
  exposed: readonly string[],
  published: readonly ContainerPort[],
): ContainerPort[] {
  const out: ContainerPort[] = [...published];
  for (const e of exposed) {
    const [port = '', proto = 'tcp'] = e.split('/');
    const p = {
      container: Number(port),
      proto: proto === 'udp' ? ('udp' as const) : ('tcp' as const),
    };
    if (!out.some((o) => o.container === p.container && o.proto === p.proto)) out.push(p);
  }
  return out.sort((a, b) => a.container - b.container || (a.host ?? 0) - (b.host ?? 0));
}

/** The PORTS column of `docker ps` for a running container. */
export function portsColumn(ports: readonly ContainerPort[]): string {
  return ports
    .flatMap((p) => {
      const inside = `${p.container}/${p.proto}`;
      if (p.host === undefined) return [inside];
      if (p.hostIp) return [`${p.hostIp}:${p.host}->${inside}`];
      return [`0.0.0.0:${p.host}->${inside}`, `:::${p.host}->${inside}`];
    })
    .join(', ');
}

/** `docker port CONTAINER`: one line per published binding. */
export function portLines(ports: readonly ContainerPort[]): string[] {
  return ports.flatMap((p) => {
    if (p.host === undefined) return [];
    const inside = `${p.container}/${p.proto}`;
    if (p.hostIp) return [`${inside} -> ${p.hostIp}:${p.host}`];
    return [`${inside} -> 0.0.0.0:${p.host}`, `${inside} -> [::]:${p.host}`];
  });
}
