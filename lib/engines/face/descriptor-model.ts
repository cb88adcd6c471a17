import type * as tf from '../tf/tf';
import type { Point } from '../../geometry';
import type { ModelFiles } from './types';

/**
 * A face descriptor network and the chip it expects: the engine aligns each face onto `chipPoints` by a similarity
 * transform on the mesh's right eye (left of the photo), left eye, nose tip and mouth centre, cuts a `chipSize`
 * square chip (RGB, 0-255) and asks `describe` for one unit-length descriptor per chip.
 */
export interface DescriptorModel {
  /** Model, version, alignment and output form: templates made under another id are never compared. */
  readonly id: string;
  readonly chipSize: number;
  /** Where the right eye, left eye, nose tip and mouth centre sit on the chip, in chip pixels. */
  readonly chipPoints: readonly [Point, Point, Point, Point];
  load(files: ModelFiles): Promise<LoadedDescriptorModel>;
}

export interface LoadedDescriptorModel {
  /** chips [n, chipSize, chipSize, 3], RGB 0-255 -> raw descriptors [n, d]. */
  describe(chips: tf.Tensor4D): tf.Tensor2D;
  /** Raw descriptors (possibly averaged with the mirror image's) -> unit-length [n, d'] whose dot product is the similarity. */
  toUnit(raw: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}
