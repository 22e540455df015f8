/**
 * Imports files the renderer holds as File objects (drops, the browser mode's file input): reads
 * each one, sends the contents as base64 through importFileData in batches, and merges the reports.
 */
import { emptyReport, mergeReports, type ImportReport, type SahifaApi } from '../common';
import { sahifa } from './sahifa';

/** Keep each request well under the contract's limits (1,000 files) and the server's body size. */
const MAX_FILES_PER_BATCH = 100;
const MAX_BYTES_PER_BATCH = 32 * 1024 * 1024;

/** In English like main's reasons: the report's fallback line; the interface says its code, 'read-error'. */
const READ_FAILED = 'the file could not be read';

/** FileReader's data URL is the browser's own (fast, native) base64 encoder. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(READ_FAILED));
    reader.readAsDataURL(file);
  });
}

function batches(files: readonly File[]): File[][] {
  const result: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= MAX_FILES_PER_BATCH || bytes + file.size > MAX_BYTES_PER_BATCH)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

export async function importFiles(
  files: readonly File[],
  onProgress?: (done: number, total: number) => void,
  /** Cancelling stops before the next batch; the batches sent before stay imported. */
  signal?: AbortSignal,
  api: Pick<SahifaApi, 'importFileData'> = sahifa(),
): Promise<ImportReport> {
  let report = emptyReport();
  let done = 0;
  for (const batch of batches(files)) {
    if (signal?.aborted) {
      report = { ...report, cancelled: true };
      break;
    }
    const payload: { name: string; base64: string }[] = [];
    for (const file of batch) {
      try {
        payload.push({ name: file.name || 'file', base64: await readAsBase64(file) });
      } catch (error) {
        // A dropped folder or an unreadable file: report it like any other failure.
        const message = error instanceof Error && error.message ? error.message : READ_FAILED;
        report = mergeReports(report, { ...emptyReport(), failed: [{ path: file.name, code: 'read-error', error: message }] });
      }
    }
    if (payload.length > 0) report = mergeReports(report, await api.importFileData({ files: payload }));
    done += batch.length;
    onProgress?.(done, files.length);
  }
  return report;
}
