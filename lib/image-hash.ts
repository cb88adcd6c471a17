/** SHA-256 of a photo's bytes, hex: the key cached analyses, verdicts and enrolments in progress are stored under. */
export async function imageHash(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
