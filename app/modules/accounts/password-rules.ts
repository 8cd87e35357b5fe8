// How long a new password must be: the server refuses anything else (auth.server.ts) and the forms
// say so before sending (NewPasswordField).
export const passwordLength = { min: 10, max: 200 } as const
