/** Letters that carry no combining mark to strip, so NFKD leaves them as they are. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ð: 'd' };

/** Misreadings of letters as digits or bars that OCR makes in names ("0'Connor", "Wi1son"). */
const OCR_LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'l', '|': 'l' };

/**
 * A name or word reduced to what matching compares: lower case, diacritics and punctuation
 * gone, a possessive "'s" dropped. "Wiśniewski" and "Wisniewski", "O'Connor" and "OCONNOR",
 * "Al-Farsi" and "Alfarsi" all meet. `ocr` also undoes digit-for-letter misreadings.
 */
export function normaliseName(word: string, ocr = false): string {
  let text = word
    .replace(/['’]s$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  // Digits inside a word, or a lone "0" (the O of "O'Connor"), were letters; other numbers stay numbers.
  if (ocr && (/\p{L}/u.test(text) || /^0\W*$/.test(text))) text = text.replace(/[01|]/g, (c) => OCR_LOOKALIKES[c]!);
  return text.replace(/[łøđħıæœßþð]/g, (c) => UNDECOMPOSED[c]!).replace(/[^a-z]/g, '');
}
