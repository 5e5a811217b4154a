/** Why an uploaded employee file was not taken; the import page words each (adminImport.upload.result). */
export const UPLOAD_PROBLEMS = ["missing", "too_large", "wrong_type"] as const;
export type UploadProblem = (typeof UPLOAD_PROBLEMS)[number];

/** The file names the import reads: CSV (or a .txt export) and Excel. */
export const ACCEPTED_FILE = /\.(csv|txt|xlsx)$/i;
