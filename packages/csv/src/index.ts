export { byteLimit } from './byte-limit.js';
export { createCsvImport, type CsvFileOptions, type CsvImport, type CsvLimits } from './create-csv-import.js';
export { csvMappingSchema, dryRunSchema, parseCsvMappings, parseCsvOptions, type CsvUploadOptions, type RawCsvOptions } from './csv-import-options.js';
export { csvRows, type CsvReadOptions } from './csv-rows.js';
