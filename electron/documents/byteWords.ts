// Sizes in the words a desk person reads in a refusal: "1.5 GB", "980 KB", "12 bytes".
const UNITS = ['KB', 'MB', 'GB', 'TB'];

export function byteWords(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal below 10 ("1.5 GB"), none above ("250 MB"); never "1.0".
  const shown = value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value);
  return `${shown} ${UNITS[unit]}`;
}
