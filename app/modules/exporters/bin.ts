// Kazakhstan's 12-digit business identification number (BIN, БСН) and its check digit.

const secondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]

export function binCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null
  const digits = [...first11].map(Number)
  let check = digits.reduce((sum, digit, index) => sum + digit * (index + 1), 0) % 11
  if (check === 10) check = digits.reduce((sum, digit, index) => sum + digit * secondWeights[index], 0) % 11
  return check === 10 ? null : check
}

export function isValidBin(value: string) {
  if (!/^\d{12}$/.test(value)) return false
  return binCheckDigit(value.slice(0, 11)) === Number(value[11])
}
