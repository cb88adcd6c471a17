import { findOffensiveLanguage } from './offensive-language';
import { findPersonalData } from './personal-data';
import { judgeTone } from './tone';
import type { TextAnalysis } from './types';

/** Everything the rules need from a post's words except pupils' names, which are matched against the roster by the rules. */
export function analyseText(text: string): TextAnalysis {
  return { personalData: findPersonalData(text), tone: judgeTone(text), offensive: findOffensiveLanguage(text) };
}
