import type { FaceIdentity, FaceResult, Facts } from '../../pipeline/types';
import type { RuleFinding } from '../rule';

/** Every face in the post with where it is, so each face rule reads one flat list. */
export interface LocatedFace {
  imageIndex: number;
  imageName: string;
  face: FaceResult;
}

export function facesOf(facts: Facts): LocatedFace[] {
  return facts.images.flatMap((image) => image.faces.map((face) => ({ imageIndex: image.imageIndex, imageName: image.name, face })));
}

export function facesWhere<K extends FaceIdentity['kind']>(facts: Facts, kind: K): Array<LocatedFace & { face: FaceResult & { identity: Extract<FaceIdentity, { kind: K }> } }> {
  return facesOf(facts).filter((located): located is LocatedFace & { face: FaceResult & { identity: Extract<FaceIdentity, { kind: K }> } } => located.face.identity.kind === kind);
}

/** One finding per photo, boxing all its faces, so staff read one line per photo rather than per face. */
export function findingPerPhoto(faces: LocatedFace[], message: (imageName: string, count: number) => string): RuleFinding[] {
  const byImage = new Map<number, LocatedFace[]>();
  for (const located of faces) byImage.set(located.imageIndex, [...(byImage.get(located.imageIndex) ?? []), located]);
  return [...byImage.values()].map((group) => ({
    message: message(group[0]!.imageName, group.length),
    evidence: group.map(({ imageIndex, face }) => ({ imageIndex, box: face.box })),
  }));
}

export const plural = (count: number, one: string, many: string): string => (count === 1 ? one : `${count} ${many}`);
