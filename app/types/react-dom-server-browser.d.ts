// react-dom/server.browser (React 18's web-streams renderer) has no declarations of its own in
// @types/react-dom 18; it exports the same renderToReadableStream that react-dom/server declares.
declare module 'react-dom/server.browser' {
  export { type ReactDOMServerReadableStream, renderToReadableStream } from 'react-dom/server'
}
