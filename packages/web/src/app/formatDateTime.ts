import dayjs from 'dayjs';

/** An ISO timestamp in the browser's time zone, to the second. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '';
}
