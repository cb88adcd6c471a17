import * as tf from '../../../../lib/engines/tf/tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { toUnitDescriptors } from '../../../../lib/engines/face/unit-descriptor';
import { initTfNode } from '../../../../lib/engines/tf/backend-node';

const R = 2;
const norm = (v: number[]): number => Math.hypot(...v);
const dot = (a: number[], b: number[]): number => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

describe('toUnitDescriptors', () => {
  beforeAll(initTfNode);

  it('gives unit vectors one longer whose dot product keeps euclidean distance and length', async () => {
    const raw = [
      [0.9, -0.4, 1.1],
      [0.7, -0.6, 1.2],
      [-1.2, 0.3, 0.2],
    ];
    const unit = tf.tidy(() => toUnitDescriptors(tf.tensor2d(raw)));
    const rows = (await unit.array()) as number[][];
    unit.dispose();
    for (const row of rows) {
      expect(row).toHaveLength(4);
      expect(norm(row)).toBeCloseTo(1, 6);
    }
    const lift = (v: number[]): number => Math.sqrt(1 - (norm(v) / R) ** 2);
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const distance = norm(raw[i]!.map((x, k) => x - raw[j]![k]!));
      const expected = 1 - (distance ** 2 / R ** 2 + (lift(raw[i]!) - lift(raw[j]!)) ** 2) / 2;
      expect(dot(rows[i]!, rows[j]!)).toBeCloseTo(expected, 5);
    }
    // Closer in dlib's space means more similar here.
    expect(dot(rows[0]!, rows[1]!)).toBeGreaterThan(dot(rows[0]!, rows[2]!));
  });

  it('keeps a descriptor longer than the sphere on the sphere', async () => {
    const unit = tf.tidy(() => toUnitDescriptors(tf.tensor2d([[3, 0, 0]])));
    expect(await unit.array()).toEqual([[1, 0, 0, 0]]);
    unit.dispose();
  });
});
