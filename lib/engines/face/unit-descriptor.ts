import * as tf from '../tf/tf';

/**
 * Norm of the sphere raw descriptors are placed on; above every norm seen (dlib descriptors measured 1.33-1.60),
 * and a longer descriptor is shortened to it.
 */
const LIFT_RADIUS = 2;

/**
 * Turns raw dlib descriptors [n, 128] into unit-length vectors [n, 129] whose dot product keeps dlib's own metric.
 * dlib trained its network on euclidean distance (one person's faces within 0.6 of each other), and descriptor
 * length carries part of that: plain normalisation lost accuracy on the corpus (true accepts at zero false accepts
 * 0.957 instead of 1.000). Instead each v is scaled by 1/R and given one more coordinate sqrt(1 - |v|^2/R^2), so
 * for two faces: dot = 1 - (|v1 - v2|^2 / R^2 + (s1 - s2)^2) / 2, i.e. euclidean distance plus a small length term.
 */
export function toUnitDescriptors(raw: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const norm = tf.norm(raw, 2, 1, true);
    const scaled = tf.div(raw, tf.maximum(norm, LIFT_RADIUS));
    const lift = tf.sqrt(tf.relu(tf.sub(1, tf.sum(tf.square(scaled), 1, true))));
    const lifted = tf.concat([scaled, lift], 1);
    return tf.div(lifted, tf.norm(lifted, 2, 1, true));
  });
}
