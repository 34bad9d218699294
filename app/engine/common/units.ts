/**
 * Docker's number formatting (github.com/docker/go-units), so sizes and ages read exactly as
 * the docker CLI prints them. The one place sizes become text: the CLI's tables, the build log,
 * lesson checks, limit messages and the panels (with a space, `readableSize`) all call it.
 */

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/**
 * Go's `%.<precision>g`: shortest of %e and %f for that many significant digits, trailing
 * zeros removed, two-digit exponent (`1e+03`).
 * @example goFormatG(999.999, 3) // '1e+03'
 */
export function goFormatG(value: number, precision: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  const p = Math.max(1, precision);
  const [mantissa, expText] = value.toExponential(p - 1).split('e') as [string, string];
  const exp = Number(expText);
  const strip = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= p) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${strip(mantissa)}e${sign}${digits}`;
  }
  return strip(value.toFixed(Math.max(0, p - 1 - exp)));
}

function customSize(size: number, base: number, units: string[], precision: number): string {
  let i = 0;
  let n = size;
  while (n >= base && i < units.length - 1) {
    n /= base;
    i++;
  }
  return `${goFormatG(n, precision)}${units[i]}`;
}

/**
 * Sizes as `docker images` and `docker history` print them: decimal units, 3 significant digits.
 * docker/cli's formatters call go-units' `HumanSizeWithPrecision(size, 3)` (cli/command/formatter
 * image.go, container.go, disk_usage.go); go-units' own `HumanSize` is precision 4.
 * @example humanSize(74_823_455) // '74.8MB'
 * @example humanSize(1_234) // '1.23kB'
 */
export function humanSize(bytes: number, precision = 3): string {
  return customSize(bytes, 1000, DECIMAL_UNITS, precision);
}

/**
 * The same size for reading in a sentence or a panel: docker's digits, a space before the unit.
 * @example readableSize(74_823_455) // '74.8 MB'
 */
export function readableSize(bytes: number): string {
  return humanSize(bytes).replace(/^([^A-Za-z]+)/, '$1 ');
}

/** Binary sizes (`1.5MiB`), as go-units' BytesSize. */
export function bytesSize(bytes: number): string {
  return customSize(bytes, 1024, BINARY_UNITS, 4);
}

/**
 * A duration in words, as go-units' HumanDuration (`docker images` CREATED, `docker ps` STATUS).
 * @example humanDuration(90_000) // 'About a minute'
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(seconds / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}
