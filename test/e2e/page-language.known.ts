// Leaks the page-language check meets and that are not fixed yet (issue 14; decision 032). The check fails on
// anything NOT listed here; it prints the listed ones it still meets, and an entry is deleted once its leak is fixed.
export const knownLeaks: readonly string[] = ['Latin “Pavilion demo operator”']
