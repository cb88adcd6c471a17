import { faceNoConsent } from './face-no-consent';
import { faceNotMatched } from './face-not-matched';
import { facePossible } from './face-possible';
import { faceUncertain } from './face-uncertain';
import { faceUnknown } from './face-unknown';
import { nameInImage } from './name-in-image';
import { nameInText } from './name-in-text';
import { nameUnreadable } from './name-unreadable';
import { negativeTone } from './negative-tone';
import { offensiveLanguage } from './offensive-language';
import { personalDataInText } from './personal-data-in-text';
import { photoDevice } from './photo-device';
import { photoLocation } from './photo-location';
import type { Rule } from './rule';

/** Every policy rule Checkpost applies, in the order findings are shown: who is shown, who is named, what is said, where it was taken. */
export const rules: readonly Rule[] = [
  faceUnknown,
  faceNoConsent,
  faceUncertain,
  faceNotMatched,
  facePossible,
  nameInImage,
  nameInText,
  nameUnreadable,
  personalDataInText,
  offensiveLanguage,
  negativeTone,
  photoLocation,
  photoDevice,
];
