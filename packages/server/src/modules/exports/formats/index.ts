import type { ExportFormat } from '@shoutu/domain';
import { writeCsv } from './csv.js';
import type { ExportDocument } from './document.js';
import { writePdf } from './pdf.js';
import { writeXlsx } from './xlsx.js';

export const WRITERS: Record<ExportFormat, (doc: ExportDocument) => Promise<Buffer>> = { csv: writeCsv, xlsx: writeXlsx, pdf: writePdf };
