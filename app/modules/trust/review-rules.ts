// What the review pages render with, kept out of reviews.server.ts: a value imported from a .server module is
// undefined in the browser, so the admin's status tabs crashed on hydration and the text box lost its limit.
export const reviewTextMax = 2000
export const reviewStatuses = ['pending', 'approved', 'rejected'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]
