import type { VerdictStatus } from '../pipeline/types';

/** Exit status of `checkpost check`, so scripts can tell a warning from a block. */
export const EXIT_CODE: Record<VerdictStatus, number> = { pass: 0, warn: 1, block: 2, cannot_check: 3 };

/** Bad command-line arguments (sysexits EX_USAGE), kept apart from the verdict codes. */
export const EXIT_USAGE = 64;
