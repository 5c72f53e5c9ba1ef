/**
 * A date formatter built on first use. The first one a page builds loads the locale's calendar
 * data (tens of milliseconds, more on a busy machine); built at module load, as a `const` at the
 * top of a file, that cost sat between the scripts arriving and the first screen, which shows no
 * date. The screens that show one pay it when they first do.
 */
export function lazyDateFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | null = null;
  return () => (format ??= new Intl.DateTimeFormat(undefined, options));
}

const dateTime = lazyDateFormat({ dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(epochMs: number): string {
  return dateTime().format(new Date(epochMs));
}
