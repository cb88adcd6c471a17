import type { Box } from '../../geometry';
import type { Evidence, Facts, ImageFacts } from '../../pipeline/types';
import type { Rule, RuleFinding } from '../rule';

/** Where a finding on one photo is: the boxes given, or the whole photo when there are none. */
export const evidenceIn = (image: ImageFacts, boxes: readonly Box[] = []): Evidence[] =>
  boxes.length > 0 ? boxes.map((box) => ({ imageIndex: image.imageIndex, box })) : [{ imageIndex: image.imageIndex }];

/** A rule's findings photo by photo, for rules that look at each photo's facts on their own. */
export const perImage = (facts: Facts, find: (image: ImageFacts) => RuleFinding[]): RuleFinding[] => facts.images.flatMap(find);

/** A rule that looks at each photo's facts on its own: its id, title and severity, and what it finds in one photo. */
export const imageRule = (rule: Omit<Rule, 'check'>, find: (image: ImageFacts) => RuleFinding[]): Rule => ({ ...rule, check: (facts) => perImage(facts, find) });
