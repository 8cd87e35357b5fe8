// Read by the shipping editor's form in the browser too, so it lives outside the .server module.
export const maxBands = 6
