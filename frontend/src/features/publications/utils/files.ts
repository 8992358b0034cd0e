import type { RecordFile } from '@/api/models';

/** `1.2 MB`, in the reader's language. */
export function fileSize(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** The download path of a file, on this site whatever public address the service was given. */
export function filePath(recordId: string, file: RecordFile): string {
  return `/api/publications/records/${encodeURIComponent(recordId)}/files/${encodeURIComponent(file.id)}`;
}
