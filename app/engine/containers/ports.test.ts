import { describe, expect, it } from 'vitest';
import { containerPorts, parsePublish, portLines, portsColumn } from './ports.ts';

describe('ports', () => {
  it('reads -p as Docker does', () => {
    expect(parsePublish('8080:80', 0)).toEqual({ container: 80, proto: 'tcp', host: 8080 });
    expect(parsePublish('80', 32768)).toEqual({ container: 80, proto: 'tcp', host: 32768 });
    expect(parsePublish('127.0.0.1:5000:5000/udp', 0)).toEqual({
      container: 5000,
      proto: 'udp',
      host: 5000,
      hostIp: '127.0.0.1',
    });
    expect(parsePublish('abc', 0)).toBe('Invalid containerPort: abc');
    expect(parsePublish('99999:80', 0)).toBe('Invalid hostPort: 99999');
    expect(parsePublish('80/sctp', 0)).toBe('Invalid proto: sctp');
  });

  it('shows exposed and published ports as docker ps and docker port do', () => {
    const ports = containerPorts(
      ['80/tcp', '443/tcp'],
      [{ container: 80, proto: 'tcp', host: 8080 }],
    );
    expect(portsColumn(ports)).toBe('0.0.0.0:8080->80/tcp, :::8080->80/tcp, 443/tcp');
    expect(portLines(ports)).toEqual(['80/tcp -> 0.0.0.0:8080', '80/tcp -> [::]:8080']);
  });
});
