import { describe, expect, it } from 'vitest';
import { judgeTone } from '../../../lib/text/tone';

describe('judgeTone', () => {
  it.each([
    ['Disgraceful behaviour from some parents at pick-up today. Cars parked on the zig-zags AGAIN.', 'disgraceful'],
    ['Year 6 were terrible at tidying up today. Really disappointing - must do better.', 'terrible'],
    ['The staff are useless and the children are horrible.', 'horrible'],
  ])('finds the negative sentence in %j', (text, word) => {
    const { negative } = judgeTone(text);
    expect(negative).toHaveLength(1);
    expect(negative[0]!.negativeWords).toContain(word);
    expect(text.slice(negative[0]!.span.start, negative[0]!.span.end)).toBe(negative[0]!.text);
  });

  it.each([
    'What a fantastic Year 6 production last night! Thank you to everyone who came along.',
    'Lost property: a blue coat has been handed in.',
    'Sadly the trip is cancelled due to bad weather.',
    'Our Star of the Week hard at work on her art project!',
    'Well done to our killer sudoku champions and shooting stars!',
    'Reminder: INSET day on Friday 3rd, school closed to pupils.',
  ])('leaves positive and factual posts alone: %j', (text) => {
    expect(judgeTone(text).negative).toEqual([]);
  });
});
