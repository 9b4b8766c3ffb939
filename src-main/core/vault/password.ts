/** Passwords as bytes: NFC-normalised so the same characters typed on another system give the same key. */
export function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFC'), 'utf8');
}
