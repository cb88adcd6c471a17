import type { Box } from '../../geometry';
import type { FaceIdentity, FaceResult, Facts } from '../../pipeline/types';
import { personById } from '../../roster/consent';
import type { Person, Roster } from '../../roster/types';
import type { Rule, RuleFinding } from '../rule';

/** Every face in the post with where it is, so each face rule reads one flat list. */
export interface LocatedFace {
  imageIndex: number;
  imageName: string;
  face: FaceResult;
}

export function facesOf(facts: Facts): LocatedFace[] {
  return facts.images.flatMap((image) => image.faces.map((face) => ({ imageIndex: image.imageIndex, imageName: image.name, face })));
}

/** A face whose identity is of kind K. */
export type LocatedFaceOf<K extends FaceIdentity['kind']> = LocatedFace & { face: FaceResult & { identity: Extract<FaceIdentity, { kind: K }> } };

export function facesWhere<K extends FaceIdentity['kind']>(facts: Facts, kind: K): LocatedFaceOf<K>[] {
  return facesOf(facts).filter((located): located is LocatedFaceOf<K> => located.face.identity.kind === kind);
}

/** A finding (or none) for each face of one kind, with the roster's people at hand to say who a face is. */
export function findingsForFaces<K extends FaceIdentity['kind']>(
  facts: Facts,
  roster: Roster,
  kind: K,
  finding: (located: LocatedFaceOf<K>, people: ReadonlyMap<string, Person>) => RuleFinding | null,
): RuleFinding[] {
  const people = personById(roster);
  return facesWhere(facts, kind).flatMap((located) => finding(located, people) ?? []);
}

/** A rule about the faces of one kind: its id, title and severity, and a finding (or none) for each such face. */
export const faceRule = <K extends FaceIdentity['kind']>(
  rule: Omit<Rule, 'check'>,
  kind: K,
  finding: (located: LocatedFaceOf<K>, people: ReadonlyMap<string, Person>, facts: Facts) => RuleFinding | null,
): Rule => ({ ...rule, check: (facts, { roster }) => findingsForFaces(facts, roster, kind, (located, people) => finding(located, people, facts)) });

/** A place in the post's photos that a finding marks. */
export interface LocatedBox {
  imageIndex: number;
  imageName: string;
  box: Box;
}

export const boxesOfFaces = (faces: readonly LocatedFace[]): LocatedBox[] => faces.map(({ imageIndex, imageName, face }) => ({ imageIndex, imageName, box: face.box }));

/** One finding per photo, boxing all its places, so staff read one line per photo rather than per face. */
export function findingPerPhoto(places: readonly LocatedBox[], message: (imageName: string, count: number) => string): RuleFinding[] {
  const byImage = new Map<number, LocatedBox[]>();
  for (const place of places) byImage.set(place.imageIndex, [...(byImage.get(place.imageIndex) ?? []), place]);
  return [...byImage.values()].map((group) => ({
    message: message(group[0]!.imageName, group.length),
    evidence: group.map(({ imageIndex, box }) => ({ imageIndex, box })),
  }));
}

/** A post's purpose as a finding says it: "consent for photos on …". */
export const PURPOSE_WORDS = { social_media: 'on social media', website: 'on the school website', print: 'in print' } as const;

export const plural = (count: number, one: string, many: string): string => (count === 1 ? one : `${count} ${many}`);
