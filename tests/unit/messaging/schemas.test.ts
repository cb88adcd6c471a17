import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { CheckError, ErrorCode } from '../../../lib/errors';
import type { checkErrorSchema, errorCodeSchema, verdictSchema } from '../../../lib/messaging/schemas';
import type { Verdict } from '../../../lib/pipeline/types';
import type { ImportReport, Roster } from '../../../lib/roster/types';
import type { StoredRoster } from '../../../lib/storage/roster-schema';

// The schemas restate types the engine owns (lib/errors, lib/pipeline, lib/roster): these checks
// fail the type check as soon as either side changes without the other.
describe('schemas describe exactly the engine’s own types', () => {
  it('errors', () => {
    expectTypeOf<z.infer<typeof errorCodeSchema>>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<z.infer<typeof checkErrorSchema>>().toEqualTypeOf<CheckError>();
  });

  it('verdicts', () => {
    expectTypeOf<z.infer<typeof verdictSchema>>().toEqualTypeOf<Verdict>();
  });

  it('the saved roster', () => {
    expectTypeOf<StoredRoster['roster']>().toEqualTypeOf<Roster>();
    // Both ways rather than equal: the report spells `photosNotUsed` as an intersection.
    expectTypeOf<StoredRoster['report']>().toExtend<ImportReport>();
    expectTypeOf<ImportReport>().toExtend<StoredRoster['report']>();
  });
});
