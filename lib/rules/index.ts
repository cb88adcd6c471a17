import { faceNoConsent } from './face-no-consent';
import { faceUncertain } from './face-uncertain';
import { faceUnknown } from './face-unknown';
import type { Rule } from './rule';

/** Every policy rule Checkpost applies, in the order findings are shown. */
export const rules: readonly Rule[] = [faceUnknown, faceNoConsent, faceUncertain];
