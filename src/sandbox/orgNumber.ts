/** Luhn (mod 10) check digit over the first nine digits of a Swedish organisation number. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** "556123-4567" with a valid check digit. */
export function organisationNumber(firstNine: string): string {
  const ten = firstNine + String(luhnCheckDigit(firstNine));
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}
