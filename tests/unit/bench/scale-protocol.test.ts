import { describe, expect, it } from 'vitest';
import { calibrateThresholds, galleries, normalQuantile, scoreProbe, splitScaleSet, type ScalePerson } from '../../bench/scale-protocol';

const people: ScalePerson[] = Array.from({ length: 40 }, (_, i) => ({
  name: `person-${String(i).padStart(2, '0')}`,
  photos: i < 10 ? [`p${i}/1.jpg`, `p${i}/2.jpg`] : [`p${i}/1.jpg`],
}));

describe('the scale protocol', () => {
  it('splits the same way every time, whatever order the people come in', () => {
    const a = splitScaleSet(people, 8, 7);
    const b = splitScaleSet([...people].reverse(), 8, 7);
    expect(b).toEqual(a);
    expect(a.multi).toHaveLength(10);
    expect(a.strangers).toHaveLength(8);
    expect(a.fillers).toHaveLength(22);
    expect(a.strangers.every((p) => p.photos.length === 1)).toBe(true);
    expect(splitScaleSet(people, 8, 8).strangers).not.toEqual(a.strangers);
  });

  it('enrols genuine people first, never a stranger, and caps the size at everyone enrollable', () => {
    const split = splitScaleSet(people, 8, 7);
    const [small, mid, all] = galleries(split, [4, 15, 100]);
    expect(small!.genuine).toHaveLength(4);
    expect(small!.enrolled).toEqual(small!.genuine);
    expect(small!.unenrolledMulti).toHaveLength(6);
    expect(mid!.genuine).toHaveLength(10);
    expect(mid!.enrolled).toHaveLength(15);
    expect(mid!.unenrolledMulti).toHaveLength(0);
    expect(all!.size).toBe(32);
    const strangers = new Set(split.strangers.map((p) => p.name));
    expect(all!.enrolled.some((p) => strangers.has(p.name))).toBe(false);
  });

  /** A probe with the keypoints of a face looking straight at the camera. */
  const frontal = (descriptor: number[]) => ({
    descriptor: Float32Array.from(descriptor),
    landmarks: [
      { x: 80, y: 100 },
      { x: 120, y: 100 },
      { x: 100, y: 124 },
    ],
  });

  it('scores a probe accepted as another enrolled person as misidentified, and a turned one as uncertain', () => {
    const templates = [
      { personId: 'a', modelId: 'm', descriptor: [1, 0] },
      { personId: 'b', modelId: 'm', descriptor: [0, 1] },
    ];
    const thresholds = { accept: 0.9, reject: 0.5, runnerUpMargin: 0.05 };
    expect(scoreProbe(frontal([1, 0]), 'a', templates, 'm', thresholds)).toBe('accepted');
    expect(scoreProbe(frontal([0, 1]), 'a', templates, 'm', thresholds)).toBe('misidentified');
    expect(scoreProbe(frontal([0, 1]), undefined, templates, 'm', thresholds)).toBe('misidentified');
    expect(scoreProbe(null, 'a', templates, 'm', thresholds)).toBe('no-descriptor');
    expect(scoreProbe({ ...frontal([1, 0]), landmarks: [] }, 'a', templates, 'm', thresholds)).toBe('uncertain');
  });

  it('calibrates accept from the normal tail, never below the highest impostor', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(1 - 5e-7)).toBeCloseTo(4.8916, 3);
    const impostors = Array.from({ length: 1000 }, (_, i) => 0.1 * normalQuantile((i + 0.5) / 1000));
    const { thresholds } = calibrateThresholds(impostors);
    expect(thresholds.accept).toBeCloseTo(0.49, 6);
    expect(thresholds.reject).toBeLessThanOrEqual(thresholds.accept);
    expect(calibrateThresholds([...impostors, 0.8]).thresholds.accept).toBeCloseTo(0.8, 6);
  });
});
