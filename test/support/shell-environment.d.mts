// Types for shell-environment.mjs.
export const appEnvironment: string[]
export function clearShellEnvironment(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv
